import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/** Down steps other frameworks write in the migration's own text (goose in Go, Liquibase XML/YAML…). */
const DOWN_STEPS: ReadonlyArray<{ pattern: RegExp; label: string }> = [
  { pattern: /\bgoose\.AddMigration\w*\(\s*\w+\s*,\s*(?!nil\b)\w/, label: "`goose.AddMigration(up, down)`" },
  { pattern: /<rollback\b/, label: "`<rollback>`" },
  { pattern: /^\s*-?\s*rollback\s*:/m, label: "`rollback:`" },
  { pattern: /^\s*def\s+(?:self\.)?down\b/m, label: "`def down`" },
  { pattern: /\bfunction\s+down\s*\(|\bdown\s*\(|\bdown\s*:/, label: "`down`" },
];

/**
 * A migration no framework judge claims: it passes when its text shows a down step of a known
 * kind, and fails otherwise, saying which kinds were looked for.
 */
export const otherMigrations: MigrationJudge = {
  framework: "other migrations",
  claims: () => true,
  judge({ text }) {
    const step = DOWN_STEPS.find(({ pattern }) => pattern.test(text));
    return step
      ? reversible(step.label)
      : irreversible(
          "no down step was found (no framework recognised)",
          "add a down step or a down counterpart file that undoes the migration",
        );
  },
};
