import { codeSpan } from "../../safe-text.js";
import { findDestructiveStatements, hasStatements } from "./sql-statements.js";
import { baseName, irreversible, type MigrationJudge, type MigrationVerdict, reversible } from "./migration-judge.js";

/**
 * SQL migrations. A file that carries its own down section (dbmate `-- migrate:down`, goose
 * `-- +goose Down`, sql-migrate `-- +migrate Down`, Liquibase `--rollback`) needs it non-empty. A
 * golang-migrate `N_x.up.sql` needs its `N_x.down.sql`, a Flyway `V2__x.sql` its `U2__x.sql`, both
 * non-empty (in the change or already at the head). A Prisma migration or a plain SQL file without
 * a down file passes only additive statements (sql-statements.ts).
 */
export const sqlMigrations: MigrationJudge = {
  framework: "SQL (golang-migrate, dbmate, goose, Flyway, Prisma, plain SQL)",
  claims: (path) => /\.sql$/i.test(path),
  judge(migration) {
    const { path, text } = migration;
    if (isDownFile(path)) return reversible("a down migration");
    const section = findDownSection(text);
    if (section) {
      return hasStatements(section.body)
        ? reversible(`its ${codeSpan(section.marker)} section`)
        : irreversible(
            `its ${codeSpan(section.marker)} section is empty`,
            `write the statements that undo the migration under ${codeSpan(section.marker)}`,
          );
    }
    const pairs = counterpartPaths(path);
    for (const candidate of pairs) {
      const down = migration.headText(candidate);
      if (typeof down === "string")
        return hasStatements(down)
          ? reversible(`down: ${codeSpan(candidate)}`)
          : irreversible(
              `its down migration ${codeSpan(candidate)} is empty`,
              `write the statements that undo it in ${codeSpan(candidate)}`,
            );
    }
    if (/\.up\.sql$/i.test(path) || FLYWAY.test(baseName(path))) {
      const down = pairs[0] ?? "";
      const unknown = pairs.some((p) => migration.headText(p) === undefined);
      return irreversible(
        unknown
          ? `its down migration ${codeSpan(down)} could not be read`
          : `it has no down migration ${codeSpan(down)}`,
        `add ${codeSpan(baseName(down))} that undoes it`,
      );
    }
    return judgeAdditive(
      text,
      /(?:^|\/)migration\.sql$/.test(path) ? "Prisma migration" : "SQL file without a down file",
    );
  },
};

const FLYWAY = /^V(\d[\w.]*)__/;

function judgeAdditive(text: string, kind: string): MigrationVerdict {
  const destructive = findDestructiveStatements(text);
  if (destructive.length === 0) return reversible(`a ${kind} with only additive statements`);
  return irreversible(
    `a ${kind} that runs ${destructive.join(", ")}: no way back for the data`,
    "make the migration additive (add, never drop or rewrite) and ship the destructive step later with a way back, or add a down migration",
  );
}

/** `x.down.sql`, Flyway `U2__x.sql`, or a file in a `down/` folder. */
export function isDownFile(path: string): boolean {
  const name = baseName(path);
  return (
    /[._-]down\.sql$/i.test(name) ||
    /^U\d/.test(name) ||
    /(?:^|\/)down\/[^/]+$/i.test(path) ||
    /[._-]rollback\.sql$/i.test(name)
  );
}

/** Where a migration's down counterpart would be, most likely first. */
export function counterpartPaths(path: string): string[] {
  const slash = path.lastIndexOf("/");
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  if (/\.up\.sql$/i.test(name)) return [`${folder}${name.replace(/\.up\.sql$/i, ".down.sql")}`];
  if (FLYWAY.test(name)) return [`${folder}${name.replace(/^V/, "U")}`];
  if (/(?:^|\/)up\/$/i.test(folder)) return [`${folder.replace(/up\/$/i, "down/")}${name}`];
  return [`${folder}${name.replace(/\.sql$/i, ".down.sql")}`, `${folder}down/${name}`];
}

const SECTIONS: ReadonlyArray<{ up: RegExp; down: RegExp; marker: string }> = [
  { up: /^\s*--\s*migrate:up\b/im, down: /^\s*--\s*migrate:down\b/im, marker: "-- migrate:down" },
  { up: /^\s*--\s*\+goose\s+up\b/im, down: /^\s*--\s*\+goose\s+down\b/im, marker: "-- +goose Down" },
  { up: /^\s*--\s*\+migrate\s+up\b/im, down: /^\s*--\s*\+migrate\s+down\b/im, marker: "-- +migrate Down" },
];

/** The down section of a file that declares its own (undefined when it has no sections). */
function findDownSection(text: string): { marker: string; body: string } | undefined {
  if (/^\s*--\s*liquibase\s+formatted\s+sql/im.test(text)) {
    const changesets = text.split(/^\s*--\s*changeset\b.*$/im).slice(1);
    const missing = changesets.some((c) => !/^\s*--\s*rollback\s+\S/im.test(c));
    return { marker: "--rollback", body: missing ? "" : "rollback;" };
  }
  for (const { up, down, marker } of SECTIONS) {
    if (!up.test(text)) continue;
    const at = text.search(down);
    if (at < 0) return { marker, body: "" };
    const rest = text.slice(at).replace(down, "");
    const next = rest.search(/^\s*--\s*(?:migrate:up|\+goose\s+up|\+migrate\s+up)\b/im);
    return { marker, body: next < 0 ? rest : rest.slice(0, next) };
  }
  return undefined;
}
