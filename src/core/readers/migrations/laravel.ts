import { braceBody, isEmptyBody } from "./code-blocks.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/** Laravel (`extends Migration` in PHP): `public function down()` must do something (not only comments). */
export const laravelMigrations: MigrationJudge = {
  framework: "Laravel",
  claims: (path, text) => /\.php$/.test(path) && /\bextends\s+Migration\b/.test(text),
  judge({ text }) {
    const fix = "write a `down()` that undoes `up()` and restores the data it changes";
    const at = /\bfunction\s+down\s*\(/.exec(text);
    if (!at) return irreversible("it has no `down()`", fix);
    return isEmptyBody(braceBody(text, at.index)) ? irreversible("its `down()` is empty", fix) : reversible("`down()`");
  },
};
