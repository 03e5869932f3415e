import { isEmptyBody, pythonDefBody } from "./code-blocks.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/** Alembic revisions (`revision = …` with `def upgrade()`): `def downgrade()` must do something (not only `pass`). */
export const alembicMigrations: MigrationJudge = {
  framework: "Alembic",
  claims: (path, text) => /\.py$/.test(path) && /^\s*def\s+upgrade\s*\(/m.test(text) && /\brevision\b/.test(text),
  judge({ text }) {
    const downgrade = pythonDefBody(text, "downgrade");
    const fix = "write a `downgrade()` that undoes `upgrade()` and restores the data it changes";
    if (downgrade === undefined) return irreversible("it has no `downgrade()`", fix);
    return isEmptyBody(downgrade)
      ? irreversible("its `downgrade()` is empty (`pass`)", fix)
      : reversible("`downgrade()`");
  },
};
