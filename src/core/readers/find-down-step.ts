import type { ChangedFile } from "../change.js";
import { codeSpan } from "../safe-text.js";

/**
 * How a changed migration is undone: a down counterpart file changed beside it (`.down.sql`,
 * Flyway `U2__`), or a down step in its own text (Rails, Alembic, Django, Knex, goose, dbmate,
 * Liquibase…). Pure: reads names and patches only.
 */

/** Name tokens of a migration that undoes another. */
const DOWN_TOKENS = new Set(["down", "downgrade", "rollback", "revert", "undo"]);
/** Name tokens that only say which way a migration goes: `001.up.sql` and `001.down.sql` are one pair. */
const DIRECTION_TOKENS = new Set([...DOWN_TOKENS, "up", "upgrade"]);
/** Flyway: `V2__add.sql` migrates, `U2__add.sql` undoes it. */
const FLYWAY_PREFIX = /^([VU])(?=\d)/;

/** Down steps a migration can carry in its own text, in the frameworks hotfixes meet most. */
const DOWN_STEPS: ReadonlyArray<{ pattern: RegExp; label: string }> = [
  { pattern: /^[ \t]*def[ \t]+(?:self\.)?down\b/m, label: "`def down`" },
  { pattern: /^[ \t]*def[ \t]+downgrade[ \t]*\(/m, label: "`def downgrade()`" },
  { pattern: /\bexports\.down[ \t]*=/, label: "`exports.down`" },
  {
    pattern:
      /^[ \t]*(?:export[ \t]+)?(?:(?:public|protected|static|override)[ \t]+)*(?:async[ \t]+)?(?:function[ \t]+)?down[ \t]*\(/m,
    label: "`down()`",
  },
  { pattern: /^[ \t]*["']?down["']?[ \t]*:/m, label: "`down:`" },
  { pattern: /^[ \t]*--[ \t]*\+migrate[ \t]+down\b/im, label: "`-- +migrate Down`" },
  { pattern: /^[ \t]*--[ \t]*migrate:down\b/im, label: "`-- migrate:down`" },
  { pattern: /^[ \t]*--[ \t]*\+goose[ \t]+down\b/im, label: "`-- +goose Down`" },
  { pattern: /^[ \t]*--[ \t]*rollback\b/im, label: "`--rollback`" },
  { pattern: /<rollback\b/, label: "`<rollback>`" },
  { pattern: /^[ \t]*-?[ \t]*rollback[ \t]*:/m, label: "`rollback:`" },
  { pattern: /\bgoose\.AddMigration\w*\([ \t]*\w+[ \t]*,[ \t]*(?!nil\b)\w/, label: "`goose.AddMigration(up, down)`" },
];

/** Rails and Ecto reverse `def change` themselves, except for these operations. */
const IRREVERSIBLE_CHANGE =
  /\bexecute\b|\bchange_column\b|IrreversibleMigration|\bremove_column[ \t(]+:\w+,[ \t]*:\w+[ \t)]*$|\bdrop_table[ \t(]+:\w+[ \t)]*$/m;

export interface Migration {
  file: ChangedFile;
  /** What undoes it, for the report; undefined when nothing does. */
  downStep?: string;
  /** Another changed file that is its down counterpart. */
  counterpart?: string;
}

/** What undoes `file`, looking for a counterpart among the other changed migrations. */
export function describeMigration(file: ChangedFile, migrations: readonly ChangedFile[]): Migration {
  if (isDownFile(file.path)) return { file, downStep: "a down migration" };
  const key = toPairKey(file.path);
  const counterpart = migrations.find(
    (other) => other !== file && isDownFile(other.path) && toPairKey(other.path) === key,
  );
  if (counterpart) return { file, downStep: `down: ${codeSpan(counterpart.path)}`, counterpart: counterpart.path };
  const inPatch = file.patch === undefined ? undefined : findDownStep(readHeadSide(file.patch));
  return inPatch ? { file, downStep: inPatch } : { file };
}

/** `U2__x.sql`, `001_x.down.sql`, `x_rollback.sql`, or any file in a `down/` folder. */
function isDownFile(path: string): boolean {
  const segments = path.split("/");
  const name = segments.at(-1) ?? "";
  const folder = segments.at(-2)?.toLowerCase() ?? "";
  return (
    FLYWAY_PREFIX.exec(name)?.[1] === "U" ||
    DOWN_TOKENS.has(folder) ||
    splitTokens(name).some((token) => DOWN_TOKENS.has(token.toLowerCase()))
  );
}

/** The path with its direction words removed: a migration and its down counterpart share it. */
function toPairKey(path: string): string {
  const segments = path.split("/");
  const name = (segments.pop() ?? "").replace(FLYWAY_PREFIX, "");
  const folders = segments.map((segment) => (DIRECTION_TOKENS.has(segment.toLowerCase()) ? "*" : segment));
  // Alternating [token, separator, token, …]: drop each direction token with the separator before it.
  const parts = name.split(/([^A-Za-z0-9]+)/);
  let kept = "";
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i] ?? "";
    if (!DIRECTION_TOKENS.has(token.toLowerCase())) kept += (kept || i === 0 ? (parts[i - 1] ?? "") : "") + token;
  }
  return [...folders, kept].join("/");
}

/** The head version's lines the diff shows: added and context lines. */
function readHeadSide(patch: string): string {
  return patch
    .split("\n")
    .filter((line) => line.startsWith("+") || line.startsWith(" "))
    .map((line) => line.slice(1))
    .join("\n");
}

function findDownStep(text: string): string | undefined {
  const explicit = DOWN_STEPS.find(({ pattern }) => pattern.test(text));
  if (explicit) return explicit.label;
  return findDjangoReverse(text) ?? findReversibleChange(text);
}

/** Django reverses schema operations itself; `RunPython` and `RunSQL` need a reverse each. */
function findDjangoReverse(text: string): string | undefined {
  if (!/\bclass[ \t]+Migration\b/.test(text) || !/\boperations[ \t]*=/.test(text)) return undefined;
  const runs = count(text, /\bRun(?:Python|SQL)[ \t]*\(/g);
  const reverses =
    count(text, /\breverse_(?:code|sql)[ \t]*=/g) + count(text, /\bRunPython[ \t]*\([ \t]*[\w.]+[ \t]*,[ \t]*[\w.]+/g);
  if (runs === 0) return "Django reverses its operations";
  return reverses >= runs ? "`reverse_code`" : undefined;
}

function findReversibleChange(text: string): string | undefined {
  if (!/^[ \t]*def[ \t]+change\b/m.test(text)) return undefined;
  return IRREVERSIBLE_CHANGE.test(text) ? undefined : "`def change` (reversible)";
}

/** One actionable line: how to add a down step to a migration of this kind. */
export function suggestDownStep(path: string): string {
  const name = baseName(path);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (extension === "sql") {
    const flyway = FLYWAY_PREFIX.exec(name);
    if (flyway) return `add its undo migration ${codeSpan(name.replace(FLYWAY_PREFIX, "U"))}`;
    const paired = name.replace(/(^|[^A-Za-z0-9])up(?=[^A-Za-z0-9]|$)/i, "$1down");
    if (paired !== name) return `add its down migration ${codeSpan(paired)}`;
    return "add a down migration (e.g. a `.down.sql` file) or a `-- migrate:down` section";
  }
  const hints: Record<string, string> = {
    rb: "add `def down`, or use only reversible operations in `def change`",
    py: "add `def downgrade()` (Alembic) or a `reverse_code` to `RunPython` (Django)",
    js: "add a `down` function (`exports.down` or `async down()`)",
    mjs: "add a `down` function (`export async function down()`)",
    cjs: "add a `down` function (`exports.down`)",
    ts: "add a `down` method (`async down()`)",
    go: "pass a down function to `goose.AddMigration(up, down)`",
    php: "add `public function down()`",
    ex: "add `def down`",
    exs: "add `def down`",
    xml: "add a `<rollback>` to each changeSet",
    yaml: "add a `rollback:` to each changeSet",
    yml: "add a `rollback:` to each changeSet",
  };
  return hints[extension] ?? "add a down counterpart file or a down step that undoes it";
}

function splitTokens(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function count(text: string, pattern: RegExp): number {
  let found = 0;
  for (const _ of text.matchAll(pattern)) found++;
  return found;
}
