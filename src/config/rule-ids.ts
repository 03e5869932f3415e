/** Every rule id, in the order the report lists them. Each is a file in src/rules and a key under `rules:`. */
export const RULE_IDS = [
  "base-branch",
  "single-scope",
  "change-size",
  "linked-ticket",
  "problem-statement",
  "test-evidence",
  "rollback-plan",
  "reversible-migration",
  "dependency-change",
  "semver-patch",
  "forward-port",
] as const;

export type RuleId = (typeof RULE_IDS)[number];
