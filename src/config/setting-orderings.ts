import { RULE_IDS, type RuleId } from "./rule-ids.js";
import type { SettingPath } from "./setting-paths.js";

/**
 * Which way each setting is tighter (SPEC §12). The config check's table and the org floor both
 * read this one map; the type refuses a setting without an ordering, so a key added to the schema
 * does not compile until someone decides which way it is tighter.
 */
export type Ordering =
  /** A limit: lower is tighter; absent means no limit, the loosest. */
  | { kind: "cap" }
  /** A time limit written as a duration (`72h`): shorter is tighter. */
  | { kind: "duration-cap" }
  /** A minimum: higher is tighter. */
  | { kind: "minimum" }
  /** A rule's level: `off` < `warn` < `error`; a rule not listed runs at `error`. */
  | { kind: "level" }
  /** One of a few words, listed loosest first. */
  | { kind: "enum"; order: readonly string[] }
  /** A switch that is tighter on. */
  | { kind: "flag" }
  /** What is allowed or exempt: fewer entries (a subset) is tighter. */
  | { kind: "allow-list" }
  /** A restriction where an empty list means none (any value passes): a non-empty subset is tighter, empty the loosest. */
  | { kind: "restriction" }
  /** What gets judged or required: more entries (a superset) is tighter. */
  | { kind: "judge-list" }
  /** Neither looser nor tighter, only different (patterns, scopes, names): against a floor, any change is looser. */
  | { kind: "changed" };

export type OrderingKind = Ordering["kind"];

const CAP: Ordering = { kind: "cap" };
const MINIMUM: Ordering = { kind: "minimum" };
const LEVEL: Ordering = { kind: "level" };
const FLAG: Ordering = { kind: "flag" };
const ALLOW_LIST: Ordering = { kind: "allow-list" };
const JUDGE_LIST: Ordering = { kind: "judge-list" };
const RESTRICTION: Ordering = { kind: "restriction" };
const CHANGED: Ordering = { kind: "changed" };

/** `off` < `warn` < `error`, loosest first. */
export const LEVEL_ORDER = ["off", "warn", "error"] as const;

const RULE_LEVELS = Object.fromEntries(RULE_IDS.map((id) => [`rules.${id}`, LEVEL])) as Record<
  `rules.${RuleId}`,
  Ordering
>;

export const ORDERINGS = {
  "hotfix.branches": JUDGE_LIST,
  "hotfix.labels": JUDGE_LIST,
  ...RULE_LEVELS,
  "base.branches": ALLOW_LIST,
  // Which files form a scope: a different map is neither looser nor tighter.
  "scope.scopes": CHANGED,
  // Where scopes come from (the build, or CODEOWNERS owner sets): another source is only different.
  "scope.from": CHANGED,
  // More containers split folders into more, smaller scopes; fewer merge them. Neither is plainly tighter.
  "scope.containers": CHANGED,
  "scope.maxFiles": CAP,
  "scope.maxLines": CAP,
  "scope.maxCommits": CAP,
  // More patterns recognise more tickets, which can pass or fail `linked-ticket`: only different.
  "ticket.patterns": CHANGED,
  "ticket.verify": FLAG,
  // Which tracker holds the tickets: another tracker is only different.
  "ticket.tracker": CHANGED,
  // The issue types a hotfix ticket may have; none listed means any type.
  "ticket.types": RESTRICTION,
  // Replaces the status-category rule (and may list a done status), so it is only different.
  "ticket.allowedStatuses": CHANGED,
  "ticket.onTrackerError": { kind: "enum", order: ["warn", "fail"] },
  // The headings a rule accepts for its section: fewer accepted headings is tighter.
  "sections.problem": ALLOW_LIST,
  "sections.rootCause": ALLOW_LIST,
  "sections.fix": ALLOW_LIST,
  "sections.testEvidence": ALLOW_LIST,
  "sections.rollback": ALLOW_LIST,
  "sections.dependencies": ALLOW_LIST,
  "tests.paths": ALLOW_LIST,
  "tests.requiredChecks": JUDGE_LIST,
  "docs.paths": ALLOW_LIST,
  "rollback.minLength": MINIMUM,
  "migrations.paths": JUDGE_LIST,
  dependencies: { kind: "enum", order: ["allow", "justify", "forbid"] },
  // Files whose version `semver-patch` reads: more files judged is tighter.
  "versioning.files": JUDGE_LIST,
  "override.teams": ALLOW_LIST,
  "override.users": ALLOW_LIST,
  "override.label": CHANGED,
  "deploy.canary": JUDGE_LIST,
  "deploy.production": JUDGE_LIST,
  "deploy.bakeMinutes": MINIMUM,
  // Whose canary deployments count (the App itself always does): fewer trusted creators is tighter.
  "deploy.trustedCreators": ALLOW_LIST,
  // Opening a revert PR is an action, not a gate: SPEC §12 names no order, so it is only different.
  "deploy.autoRevert": CHANGED,
  // Forward ports: waiting on the twin before merging is tighter than checking after.
  "forwardPort.mode": { kind: "enum", order: ["off", "after", "upstream-first"] },
  // More release branches whose hotfixes must reach the target: tighter.
  "forwardPort.from": JUDGE_LIST,
  // Another branch to forward-port to is only different.
  "forwardPort.target": CHANGED,
  "forwardPort.within": { kind: "duration-cap" },
} as const satisfies Record<SettingPath, Ordering>;

/** The ordering of a setting. */
export function orderingOf(path: SettingPath): Ordering {
  return ORDERINGS[path];
}
