import { braceBody, isEmptyBody } from "./code-blocks.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/**
 * JavaScript and TypeScript migrations: Knex (`exports.down`, `export async function down`),
 * Sequelize (`down: async (queryInterface) => …`), TypeORM and MikroORM (`async down(…)`). The
 * `down` function must do something.
 */
export const javascriptMigrations: MigrationJudge = {
  framework: "Knex, Sequelize, TypeORM",
  claims: (path, text) => /\.[cm]?[jt]s$/.test(path) && /\bup\b\s*[:=(]|function\s+up\b|async\s+up\s*\(/.test(text),
  judge({ text }) {
    const fix = "write a `down` that undoes `up` and restores the data it changes";
    const at = /\b(?:exports\.down\s*=|function\s+down\s*\(|(?:async\s+)?down\s*\(|down\s*:)/.exec(text);
    if (!at) return irreversible("it has no `down`", fix);
    const rest = text.slice(at.index);
    const arrow = /^[^{\n]*=>\s*(?!\{)([^\n;]+)/.exec(rest);
    const body = arrow ? arrow[1] : braceBody(text, at.index);
    return isEmptyBody(body) ? irreversible("its `down` is empty", fix) : reversible("`down`");
  },
};
