import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildJsonSchema } from "../../src/config/build-json-schema.js";
import { DEFAULT_CONFIG, parseConfig, parseConfigText } from "../../src/config/parse-config.js";
import { ConfigError } from "../../src/config/config-error.js";

const SOURCE = "octo/app/.github/single-patch-order.yml@main";

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).source).toBe(SOURCE);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("fills every default from an empty file", () => {
    expect(parseConfigText("", SOURCE)).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.scope).toMatchObject({ maxFiles: 15, maxLines: 400 });
    expect(DEFAULT_CONFIG.scope.maxCommits).toBeUndefined();
    expect(DEFAULT_CONFIG.hotfix).toEqual({ branches: ["hotfix/**", "hotfix-*"], labels: ["hotfix"] });
    expect(DEFAULT_CONFIG.base.branches).toEqual(["main", "master", "release/**"]);
    expect(DEFAULT_CONFIG.rollback.minLength).toBe(40);
    expect(DEFAULT_CONFIG.dependencies).toBe("justify");
    expect(DEFAULT_CONFIG.deploy).toEqual({
      canary: ["canary"],
      production: ["production"],
      bakeMinutes: 30,
      autoRevert: false,
      trustedCreators: ["github-actions[bot]"],
    });
    expect(DEFAULT_CONFIG.override.label).toBe("spo:overridden");
  });

  it("keeps nested defaults when a section is given partly", () => {
    const config = parseConfigText("scope:\n  maxFiles: 5\n", SOURCE);
    expect(config.scope).toMatchObject({ maxFiles: 5, maxLines: 400 });
  });

  it("ignores Probot's _extends key, which the loader resolves", () => {
    expect(parseConfig({ _extends: "org/.github", scope: { maxLines: 10 } }, SOURCE).scope.maxLines).toBe(10);
  });

  it.each([
    ["scope:\n  maxFiles: ten\n", "scope.maxFiles: Invalid input: expected number, received string"],
    ["scope:\n  maxFiles: -1\n", "scope.maxFiles: Too small: expected number to be >0"],
    ["bogus: 1\n", '(root): unknown key "bogus"'],
    ["scope:\n  max_files: 3\n", 'scope: unknown key "max_files"'],
    [
      "rules:\n  single-scop: warn\n",
      'rules: unknown key "single-scop"; rule ids are base-branch, single-scope, change-size, linked-ticket, problem-statement, test-evidence, rollback-plan, reversible-migration, dependency-change, semver-patch, forward-port',
    ],
    ["rules:\n  single-scope: loud\n", 'rules.single-scope: Invalid option: expected one of "error"|"warn"|"off"'],
    ["dependencies: maybe\n", 'dependencies: Invalid option: expected one of "justify"|"allow"|"forbid"'],
    ["scope:\n  scopes:\n    api: []\n", "scope.scopes.api: Too small: expected array to have >=1 items"],
    ["- a\n- b\n", "(root): expected a mapping of keys, got a list"],
    ["just text\n", '(root): expected a mapping of keys, got the text "just text"'],
    [
      "deploy:\n  trustedCreators: deployer[bot]\n",
      "deploy.trustedCreators: Invalid input: expected array, received string",
    ],
  ])("reports %j as %j", (text, problem) => {
    expect(problemsOf(text)).toContain(problem);
  });

  it("reads the ticket tracker keys, with their defaults", () => {
    expect(DEFAULT_CONFIG.ticket).toEqual({
      patterns: ["\\b[A-Z][A-Z0-9]+-[0-9]+\\b"],
      verify: false,
      tracker: "github",
      types: [],
      allowedStatuses: [],
      onTrackerError: "fail",
    });
    const config = parseConfigText(
      "ticket:\n  verify: true\n  tracker: jira\n  types: [Bug, ' Incident ']\n  allowedStatuses: [In Progress]\n  onTrackerError: warn\n",
      SOURCE,
    );
    expect(config.ticket).toMatchObject({
      tracker: "jira",
      types: ["Bug", "Incident"],
      allowedStatuses: ["In Progress"],
      onTrackerError: "warn",
    });
    expect(problemsOf("ticket:\n  tracker: https://jira.evil.example\n")).toEqual([
      'ticket.tracker: Invalid option: expected one of "github"|"jira"|"linear"',
    ]);
    expect(problemsOf("ticket:\n  onTrackerError: ignore\n")).toEqual([
      'ticket.onTrackerError: Invalid option: expected one of "fail"|"warn"',
    ]);
  });

  it.each([
    ["ticket:\n  url: https://jira.evil.example\n", 'ticket: unknown key "url"'],
    ["ticket:\n  baseUrl: https://jira.evil.example\n", 'ticket: unknown key "baseUrl"'],
    ["ticket:\n  host: jira.evil.example\n", 'ticket: unknown key "host"'],
    ["ticket:\n  token: abc\n", 'ticket: unknown key "token"'],
    ["ticket:\n  jira:\n    url: https://jira.evil.example\n", 'ticket: unknown key "jira"'],
    ["jira:\n  url: https://jira.evil.example\n", '(root): unknown key "jira"'],
  ])(
    "refuses a repository config that names a tracker host or credential (%j): they are the server's",
    (text, start) => {
      expect(problemsOf(text)).toEqual([
        `${start}; hosts and credentials are the server's, never the repository's: the App's operator sets JIRA_URL with JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud), LINEAR_API_KEY and LINEAR_API_URL in its environment`,
      ]);
    },
  );

  it("reports every problem at once, not only the first", () => {
    expect(problemsOf("scope:\n  maxFiles: x\n  maxLines: y\nbogus: 1\n")).toHaveLength(3);
  });

  it("gives the line and column of a YAML syntax error", () => {
    expect(problemsOf("scope: [\n")[0]).toMatch(/^line 2, column 1: invalid YAML: Flow sequence/);
  });

  it("rejects patterns RE2 cannot run in linear time, with the key path", () => {
    const [problem] = problemsOf('ticket:\n  patterns: ["(a)\\\\1"]\n');
    expect(problem).toMatch(/^ticket\.patterns\.0: unsafe or invalid pattern/);
    expect(problemsOf('ticket:\n  patterns: ["(?=x)"]\n')[0]).toMatch(
      /^ticket\.patterns\.0: unsafe or invalid pattern/,
    );
  });

  it("accepts a catastrophic-backtracking pattern because RE2 runs it in linear time", () => {
    expect(parseConfigText("ticket:\n  patterns: ['(a+)+$']\n", SOURCE).ticket.patterns).toEqual(["(a+)+$"]);
  });

  it("refuses YAML alias bombs", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    expect(problemsOf(bomb)[0]).toMatch(/^\(yaml\): invalid YAML: Excessive alias count/);
  });
});

describe("schema.json", () => {
  it("is what the zod schema generates (run `npm run schema` after changing the schema)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(buildJsonSchema());
  });

  it("documents floor: with the same settings as the config, and no _extends or floor inside it", () => {
    const properties = buildJsonSchema().properties as Record<string, { properties?: object; description?: string }>;
    const settings = Object.keys(properties).filter((key) => key !== "_extends" && key !== "floor");
    expect(Object.keys(properties.floor?.properties ?? {})).toEqual(settings);
    expect(properties.floor?.description).toMatch(/^Org floor: minimums for every repository of the owner/);
  });

  it("lets editors complete every top-level key, including _extends and floor", () => {
    const properties = Object.keys((buildJsonSchema().properties ?? {}) as object);
    expect(properties).toEqual(
      expect.arrayContaining([
        "_extends",
        "floor",
        "hotfix",
        "rules",
        "scope",
        "ticket",
        "sections",
        "tests",
        "rollback",
        "migrations",
        "dependencies",
        "versioning",
        "override",
        "deploy",
      ]),
    );
  });
});

describe("bounded work", () => {
  it("fails a glob whose braces expand past 256 alternatives, naming the key, before expanding it", () => {
    const started = performance.now();
    const problems = problemsOf(`tests:\n  paths: ["${"{a,b}".repeat(18)}"]\n`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems).toStrictEqual([
      "tests.paths.0: a glob may expand to at most 256 alternatives, this one expands to 262144",
    ]);
  });

  it("validates the same config once: a repeated read returns the kept result", () => {
    const raw = { scope: { maxFiles: 7 }, tests: { paths: ["**/{a,b}/*.test.ts"] } };
    const first = parseConfig(structuredClone(raw), SOURCE);
    expect(parseConfig(structuredClone(raw), SOURCE)).toBe(first);
    expect(parseConfig(structuredClone(raw), `${SOURCE}-other`)).not.toBe(first);
    const bad = { scope: { maxFiles: "x" } };
    const error = (() => {
      try {
        parseConfig(bad, SOURCE);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(() => parseConfig(structuredClone(bad), SOURCE)).toThrow(error as Error);
  });
});
