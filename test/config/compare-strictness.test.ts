import { describe, expect, it } from "vitest";
import { compareStrictness, compareValues, type Strictness } from "../../src/config/compare-strictness.js";
import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { RULE_IDS } from "../../src/config/rule-ids.js";
import { configSchema } from "../../src/config/schema.js";
import { ORDERINGS } from "../../src/config/setting-orderings.js";
import { SETTING_PATHS, type SettingPath, writeSetting } from "../../src/config/setting-paths.js";
import type { z } from "zod";

/**
 * One row per setting: a value and a stricter one (SPEC §12), or for a setting with no order two
 * different values. Each row is checked both ways. A setting added to the schema fails the
 * "every setting has a row" test until it gets one here.
 */
const TIGHTER: Array<[SettingPath, unknown, unknown]> = [
  ["hotfix.branches", ["hotfix/**"], ["hotfix/**", "fix/**"]],
  ["hotfix.labels", ["hotfix"], ["hotfix", "sev1"]],
  ...RULE_IDS.flatMap(
    (id): Array<[SettingPath, unknown, unknown]> => [
      [`rules.${id}`, "off", "warn"],
      [`rules.${id}`, "warn", undefined], // a rule not listed runs at error
    ],
  ),
  ["base.branches", ["main", "release/**"], ["main"]],
  ["scope.maxFiles", 15, 10],
  ["scope.maxLines", 400, 200],
  ["scope.maxCommits", undefined, 3], // absent: no limit, the loosest
  ["ticket.verify", false, true],
  ["ticket.types", [], ["Bug"]], // empty: any type, the loosest
  ["ticket.types", ["Bug", "Incident"], ["Bug"]],
  ["ticket.onTrackerError", "warn", "fail"],
  ["sections.problem", ["Problem", "Issue"], ["Problem"]],
  ["sections.rootCause", ["Root cause", "Why"], ["Root cause"]],
  ["sections.fix", ["Fix", "Solution"], ["Fix"]],
  ["sections.testEvidence", ["Test evidence", "Testing"], ["Test evidence"]],
  ["sections.rollback", ["Rollback plan", "Rollback"], ["Rollback plan"]],
  ["sections.dependencies", ["Dependencies", "Dependency changes"], ["Dependencies"]],
  ["tests.paths", ["**/*.test.*", "**/test/**"], ["**/*.test.*"]],
  ["tests.requiredChecks", [], ["ci/unit"]],
  ["docs.paths", ["**/*.md", "docs/**"], ["docs/**"]],
  ["rollback.minLength", 40, 80],
  ["migrations.paths", ["**/migrations/**"], ["**/migrations/**", "**/*.sql"]],
  ["dependencies", "allow", "justify"],
  ["dependencies", "justify", "forbid"],
  ["versioning.files", [], ["VERSION"]],
  ["override.teams", ["sre", "leads"], ["sre"]],
  ["override.users", ["alice", "bob"], ["alice"]],
  ["deploy.canary", ["canary"], ["canary", "canary-eu"]],
  ["deploy.production", ["production"], ["production", "production-eu"]],
  ["deploy.bakeMinutes", 30, 60],
  // Whose canary deployments count for production (this App always does): fewer is tighter, none the tightest.
  ["deploy.trustedCreators", ["github-actions[bot]", "deployer[bot]"], ["github-actions[bot]"]],
  ["deploy.trustedCreators", ["github-actions[bot]"], []],
  // Waiting on the twin before the merge is tighter than checking after it, and that than not at all.
  ["forwardPort.mode", "off", "after"],
  ["forwardPort.mode", "after", "upstream-first"],
  ["forwardPort.from", ["release/**"], ["release/**", "support/**"]],
  // A shorter time for the twin is tighter, whatever the unit.
  ["forwardPort.within", "72h", "48h"],
  ["forwardPort.within", "7d", "72h"],
  ["forwardPort.within", "1h", "30m"],
];

const ONLY_DIFFERENT: Array<[SettingPath, unknown, unknown]> = [
  ["scope.scopes", { checkout: ["src/checkout/**"] }, { checkout: ["src/checkout/**", "src/cart/**"] }],
  ["scope.containers", ["src", "lib"], ["src", "packages"]],
  ["ticket.patterns", ["\\bSHOP-[0-9]+\\b"], ["\\bOPS-[0-9]+\\b"]],
  ["ticket.tracker", "github", "jira"],
  ["ticket.tracker", "jira", "linear"],
  // It replaces the status-category rule and may name a done status: a list, or another list, is only different.
  ["ticket.allowedStatuses", [], ["In Progress"]],
  ["ticket.allowedStatuses", ["In Progress", "Selected"], ["In Progress"]],
  ["override.label", "spo:overridden", "break-glass"],
  ["deploy.autoRevert", false, true],
  // Lists that are neither a subset nor a superset of each other are only different.
  ["base.branches", ["main"], ["master"]],
  ["hotfix.branches", ["hotfix/**"], ["fix/**"]],
  ["forwardPort.from", ["release/**"], ["support/**"]],
  // Where scopes come from: the build's units or CODEOWNERS owner sets are only different.
  ["scope.from", "build", "codeowners"],
  // Another forward-port target (absent: the default branch) is only different.
  ["forwardPort.target", undefined, "main"],
  ["forwardPort.target", "main", "develop"],
];

function verdictOf(path: SettingPath, before: unknown, after: unknown): Strictness {
  const reference = writeSetting(DEFAULT_CONFIG, path, before);
  const config = writeSetting(DEFAULT_CONFIG, path, after);
  const row = compareStrictness(config, reference).find((c) => c.path === path);
  return row!.verdict;
}

describe("compareStrictness, per setting", () => {
  it.each(TIGHTER)("%s: %j → %j is tighter, and back is looser", (path, looser, tighter) => {
    expect(verdictOf(path, looser, tighter)).toBe("tighter");
    expect(verdictOf(path, tighter, looser)).toBe("looser");
    expect(verdictOf(path, tighter, tighter)).toBe("same");
  });

  it.each(ONLY_DIFFERENT)("%s: %j → %j is only changed, both ways", (path, a, b) => {
    expect(verdictOf(path, a, b)).toBe("changed");
    expect(verdictOf(path, b, a)).toBe("changed");
    expect(verdictOf(path, a, a)).toBe("same");
  });

  it("compares a restriction (`ticket.types`) as none when empty, the loosest, else as an allow-list", () => {
    const restriction = { kind: "restriction" } as const;
    expect(compareValues(restriction, [], [])).toBe("same");
    expect(compareValues(restriction, undefined, [])).toBe("same");
    expect(compareValues(restriction, ["Bug"], [])).toBe("tighter");
    expect(compareValues(restriction, [], ["Bug"])).toBe("looser");
    expect(compareValues(restriction, ["Bug"], ["Bug", "Incident"])).toBe("tighter");
    expect(compareValues(restriction, ["Bug", "Incident"], ["Bug"])).toBe("looser");
    expect(compareValues(restriction, ["Incident", "Bug"], ["Bug", "Incident"])).toBe("same");
    expect(compareValues(restriction, ["Incident"], ["Bug"])).toBe("changed");
    // Unlike an allow-list, where emptying the list is the tightest.
    expect(compareValues({ kind: "allow-list" }, [], ["Bug"])).toBe("tighter");
  });

  it("compares a duration cap (`forwardPort.within`) by its length: shorter is tighter, the unit does not matter", () => {
    const durationCap = { kind: "duration-cap" } as const;
    expect(compareValues(durationCap, "3d", "72h")).toBe("same");
    expect(compareValues(durationCap, "4320m", "3d")).toBe("same");
    expect(compareValues(durationCap, "48h", "3d")).toBe("tighter");
    expect(compareValues(durationCap, "2d", "47h")).toBe("looser");
    expect(compareValues(durationCap, "59m", "1h")).toBe("tighter");
    // Not a duration the config accepts: only different, never tighter (fail closed against a floor).
    expect(compareValues(durationCap, "soon", "72h")).toBe("changed");
    expect(compareValues(durationCap, "72h", "soon")).toBe("changed");
    expect(compareValues(durationCap, "soon", "soon")).toBe("same");
    expect(compareValues(durationCap, "72h", undefined)).toBe("changed");
  });

  it("compares lists as sets: the same entries in another order are the same", () => {
    expect(verdictOf("tests.paths", ["a/**", "b/**"], ["b/**", "a/**"])).toBe("same");
  });

  it("has a row for every setting of the schema", () => {
    const covered = new Set([...TIGHTER, ...ONLY_DIFFERENT].map(([path]) => path));
    expect(SETTING_PATHS.filter((path) => !covered.has(path))).toEqual([]);
  });

  it("reports every setting, and only the default config's own values when nothing changes", () => {
    const rows = compareStrictness(DEFAULT_CONFIG, DEFAULT_CONFIG);
    expect(rows.map((r) => r.path)).toEqual(SETTING_PATHS);
    expect(rows.every((r) => r.verdict === "same")).toBe(true);
  });
});

describe("the orderings come from the schema", () => {
  /** Every leaf of the zod schema, walked here independently of src/config/setting-paths.ts. */
  function leaves(schema: z.ZodType, prefix = ""): string[] {
    let inner = schema;
    while (["default", "prefault", "optional"].includes(inner.def.type))
      inner = (inner.def as unknown as { innerType: z.ZodType }).innerType;
    if (inner.def.type !== "object") return [prefix];
    return Object.entries((inner as unknown as z.ZodObject).shape).flatMap(([key, child]) =>
      leaves(child as z.ZodType, prefix ? `${prefix}.${key}` : key),
    );
  }

  it("gives every leaf of the schema an ordering, and no ordering to a key the schema lacks", () => {
    const schemaLeaves = leaves(configSchema).sort();
    expect(Object.keys(ORDERINGS).sort()).toEqual(schemaLeaves);
    expect([...SETTING_PATHS].sort()).toEqual(schemaLeaves);
  });

  it("uses the kinds SPEC §12 names for the settings it names", () => {
    const kinds = Object.fromEntries(Object.entries(ORDERINGS).map(([path, o]) => [path, o.kind]));
    expect(kinds).toMatchObject({
      "scope.maxFiles": "cap",
      "scope.maxLines": "cap",
      "scope.maxCommits": "cap",
      "rollback.minLength": "minimum",
      "deploy.bakeMinutes": "minimum",
      "rules.single-scope": "level",
      dependencies: "enum",
      "ticket.verify": "flag",
      "base.branches": "allow-list",
      "override.users": "allow-list",
      "override.teams": "allow-list",
      "tests.paths": "allow-list",
      "docs.paths": "allow-list",
      "hotfix.branches": "judge-list",
      "hotfix.labels": "judge-list",
      "migrations.paths": "judge-list",
      "tests.requiredChecks": "judge-list",
      "deploy.canary": "judge-list",
      "deploy.production": "judge-list",
      "ticket.patterns": "changed",
      "scope.scopes": "changed",
      "ticket.types": "restriction",
      "ticket.onTrackerError": "enum",
      "deploy.trustedCreators": "allow-list",
      "scope.from": "changed",
      "forwardPort.mode": "enum",
      "forwardPort.from": "judge-list",
      "forwardPort.target": "changed",
      "forwardPort.within": "duration-cap",
    });
    expect(ORDERINGS["forwardPort.mode"]).toEqual({ kind: "enum", order: ["off", "after", "upstream-first"] });
    expect(ORDERINGS["ticket.onTrackerError"]).toEqual({ kind: "enum", order: ["warn", "fail"] });
    expect(ORDERINGS.dependencies).toEqual({ kind: "enum", order: ["allow", "justify", "forbid"] });
  });
});
