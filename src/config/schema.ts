import { z } from "zod";
import { RULE_IDS } from "./rule-ids.js";
import { findGlobProblem } from "./compile-glob.js";
import { findPatternProblem } from "./safe-pattern.js";
import { parseDuration } from "./parse-duration.js";

/**
 * The schema of `.github/single-patch-order.yml`. Every object is strict (unknown keys are
 * errors, never ignored), every field has a default, so an empty file is a complete config.
 * `schema.json` is generated from this file (`npm run schema`); descriptions reach editors.
 */

const MAX_PATTERN_LENGTH = 256;

const glob = z
  .string()
  .min(1, "expected a non-empty glob")
  .max(MAX_PATTERN_LENGTH, `expected a glob of at most ${MAX_PATTERN_LENGTH} characters`)
  .superRefine((source, ctx) => {
    const problem = findGlobProblem(source);
    if (problem)
      ctx.addIssue({
        code: "custom",
        message: problem.startsWith("a glob may") ? problem : `invalid glob: ${problem}`,
      });
  });

const globs = (description: string, defaults: string[]) => z.array(glob).default(defaults).describe(description);

const safePattern = z
  .string()
  .min(1, "expected a non-empty pattern")
  .max(MAX_PATTERN_LENGTH, `expected a pattern of at most ${MAX_PATTERN_LENGTH} characters`)
  .superRefine((source, ctx) => {
    const problem = findPatternProblem(source);
    if (problem)
      ctx.addIssue({ code: "custom", message: `unsafe or invalid pattern (RE2 syntax, linear time): ${problem}` });
  });

const headingAliases = (description: string, defaults: string[]) =>
  z.array(z.string().min(1).max(100)).min(1).default(defaults).describe(description);

const level = z
  .enum(["error", "warn", "off"])
  .describe("`error` fails the check, `warn` reports without failing, `off` skips the rule.");

const ruleLevels = z
  .strictObject(
    Object.fromEntries(RULE_IDS.map((id) => [id, level.optional()])) as Record<
      (typeof RULE_IDS)[number],
      z.ZodOptional<typeof level>
    >,
  )
  .default({})
  .describe("Per-rule level. Rules not listed run at `error`.");

const positiveInt = z.int().positive();

/** `30m`, `72h`, `7d`: minutes, hours or days, at most a year (config/parse-duration.ts). */
const duration = (description: string, defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .superRefine((text, ctx) => {
      if (parseDuration(text) === undefined)
        ctx.addIssue({
          code: "custom",
          message: `expected a duration of minutes, hours or days such as "30m", "72h" or "7d" (at most 365d), got "${text.slice(0, 40)}"`,
        });
    })
    .describe(description);

/** A branch name as git allows it (no glob): what a forward port targets. */
const branchName = z
  .string()
  .min(1, "expected a branch name")
  .max(255, "expected a branch name of at most 255 characters")
  .regex(
    /^(?!\/|.*\/$|.*\/\/|.*\.\.)[^\s~^:?*[\\\p{Cc}]+$/u,
    "expected a branch name, not a glob or a path with spaces",
  );

/** A name a tracker shows (an issue type, a label, a status), compared case-insensitively. */
const trackerValue = z.string().trim().min(1, "expected a non-empty name").max(100, "expected at most 100 characters");

/** Each ecosystem's test conventions (SPEC §9). */
const TEST_PATHS = [
  "**/*.test.*",
  "**/*.spec.*",
  "**/*.test-d.*",
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/*_test.go",
  "**/testdata/**",
  "**/test_*.py",
  "**/*_test.py",
  "**/spec/**",
  "**/*_spec.rb",
  "**/src/test/**",
  "**/src/*Test/**",
  "**/*Test.java",
  "**/*Test.kt",
  "**/*.Tests/**",
  "**/*.Test/**",
  "**/*Tests.cs",
  "**/*Test.php",
  "**/*_test.exs",
  "**/t/**",
  "**/xt/**",
];

export const configSchema = z
  .strictObject({
    hotfix: z
      .strictObject({
        branches: globs("Head branches that make a PR a hotfix.", ["hotfix/**", "hotfix-*"]),
        labels: z.array(z.string().min(1)).default(["hotfix"]).describe("Labels that make a PR a hotfix."),
      })
      .prefault({})
      .describe("Which pull requests are judged as hotfixes."),
    rules: ruleLevels,
    base: z
      .strictObject({
        branches: globs("Base branches a hotfix may target.", ["main", "master", "release/**"]),
      })
      .prefault({})
      .describe("Rule `base-branch`."),
    scope: z
      .strictObject({
        scopes: z
          .record(z.string().min(1), z.array(glob).min(1))
          .optional()
          .describe(
            "Named scopes: name → globs. When set, every production file must match one, and all the same one.",
          ),
        from: z
          .enum(["build", "codeowners"])
          .default("build")
          .describe(
            "Where scopes come from when `scopes` is not set: `build` (the units the build declares, else folders) or `codeowners` (one owner set of CODEOWNERS, one scope).",
          ),
        containers: z
          .array(z.string().min(1))
          .default(["src", "lib", "app", "apps", "packages", "services", "cmd", "pkg", "internal", "modules", "crates"])
          .describe("Folders whose children are scopes when no declared scope and no build unit applies."),
        maxFiles: positiveInt.default(15).describe("Most files a hotfix may change."),
        maxLines: positiveInt.default(400).describe("Most changed lines (additions + deletions) a hotfix may have."),
        maxCommits: positiveInt.optional().describe("Most commits a hotfix may have. No limit when absent."),
      })
      .prefault({})
      .describe("Rules `single-scope` and `change-size`."),
    ticket: z
      .strictObject({
        patterns: z
          .array(safePattern)
          .default(["\\b[A-Z][A-Z0-9]+-[0-9]+\\b"])
          .describe(
            "Ticket key patterns (RE2 syntax), e.g. Jira keys. GitHub references (#12, owner/repo#12, issue URLs) are always recognised.",
          ),
        verify: z
          .boolean()
          .default(false)
          .describe(
            "Look the ticket up: it must exist and be open (GitHub issues on GitHub, keys in `tracker`). Fails closed when it cannot be looked up.",
          ),
        tracker: z
          .enum(["github", "jira", "linear"])
          .default("github")
          .describe(
            "Where ticket keys (SHOP-42) live, for `verify`. Hosts and credentials are the server's environment (JIRA_URL, LINEAR_API_KEY…), never this file.",
          ),
        types: z
          .array(trackerValue)
          .default([])
          .describe(
            "With `verify`: the ticket must be one of these, e.g. [Bug, Incident]: the Jira issue type, or one of the Linear (or GitHub) issue's labels. Empty: any.",
          ),
        allowedStatuses: z
          .array(trackerValue)
          .default([])
          .describe(
            "With `verify`: the status names a ticket may be in, e.g. [In Progress, Selected]. Replaces the default rule (Jira status category not Done; Linear state not completed, canceled or duplicate; GitHub issue open).",
          ),
        onTrackerError: z
          .enum(["fail", "warn"])
          .default("fail")
          .describe(
            "With `verify`, when Jira or Linear cannot be reached, times out or rate-limits: `fail` the rule or only `warn`. Refused credentials and a tracker the server is not configured for always fail.",
          ),
      })
      .prefault({})
      .describe("Rule `linked-ticket`."),
    sections: z
      .strictObject({
        problem: headingAliases("Headings that hold the problem statement.", [
          "Problem",
          "Problem statement",
          "Issue",
          "Bug",
          "What is broken",
          "Symptoms",
          "Impact",
        ]),
        rootCause: headingAliases("Headings that hold the root cause.", [
          "Root cause",
          "Cause",
          "Root cause analysis",
          "Analysis",
          "Why",
        ]),
        fix: headingAliases("Headings that hold the fix.", [
          "Fix",
          "Solution",
          "Resolution",
          "Change",
          "Changes",
          "What changed",
          "The fix",
        ]),
        testEvidence: headingAliases("Headings that hold test evidence.", [
          "Test evidence",
          "Testing",
          "Tests",
          "How was this tested",
          "Verification",
        ]),
        rollback: headingAliases("Headings that hold the rollback plan.", [
          "Rollback plan",
          "Rollback",
          "Revert plan",
          "Backout plan",
          "Roll back",
        ]),
        dependencies: headingAliases("Headings that justify a dependency change.", [
          "Dependencies",
          "Dependency changes",
          "Dependency justification",
        ]),
      })
      .prefault({})
      .describe("PR body sections, found by heading (any level, case-insensitive)."),
    tests: z
      .strictObject({
        paths: globs("Test files: never production files.", TEST_PATHS),
        requiredChecks: z
          .array(z.string().min(1))
          .default([])
          .describe("Check names that must conclude `success` on the head commit."),
      })
      .prefault({})
      .describe("Rule `test-evidence`."),
    docs: z
      .strictObject({
        paths: globs("Documentation and changelog files: not production files.", [
          "**/*.md",
          "**/*.mdx",
          "**/*.rst",
          "**/*.adoc",
          "docs/**",
          "**/CHANGELOG*",
          "**/CHANGES*",
          "**/HISTORY*",
          "**/LICENSE*",
        ]),
      })
      .prefault({})
      .describe("Files that are neither production code nor tests."),
    rollback: z
      .strictObject({
        minLength: z.int().nonnegative().default(40).describe("Fewest characters a rollback plan may have."),
      })
      .prefault({})
      .describe("Rule `rollback-plan`."),
    migrations: z
      .strictObject({
        paths: globs("Migration files, matched case-insensitively (EF Core's `Migrations/`).", [
          "**/migrations/**",
          "**/migrate/**",
          "**/db/migration/**",
          "**/alembic/versions/**",
          "**/*.sql",
        ]),
      })
      .prefault({})
      .describe("Rule `reversible-migration`."),
    dependencies: z
      .enum(["justify", "allow", "forbid"])
      .default("justify")
      .describe("Rule `dependency-change`: `justify` needs a Dependencies section, `allow` passes, `forbid` fails."),
    versioning: z
      .strictObject({
        files: z
          .array(glob)
          .default([])
          .describe(
            "Files that declare the version besides those read by default (package.json, Cargo.toml, pom.xml, gradle.properties, pyproject.toml, .csproj, mix.exs, VERSION…): a known format is read by its reader, any other by its first version line.",
          ),
      })
      .prefault({})
      .describe("Rule `semver-patch`."),
    override: z
      .strictObject({
        teams: z.array(z.string().min(1)).default([]).describe("Team slugs whose members may override (org teams)."),
        users: z.array(z.string().min(1)).default([]).describe("Logins that may override."),
        label: z.string().min(1).max(50).default("spo:overridden").describe("Label put on an overridden PR."),
      })
      .prefault({})
      .describe("Who may break glass with `/spo override <reason>`. Empty lists: admins and maintainers."),
    deploy: z
      .strictObject({
        canary: z.array(z.string().min(1)).default(["canary"]).describe("Canary environment names."),
        production: z.array(z.string().min(1)).default(["production"]).describe("Production environment names."),
        bakeMinutes: z.int().nonnegative().default(30).describe("Minutes a canary must run before production."),
        autoRevert: z.boolean().default(false).describe("Open a revert PR when a canary deployment fails."),
        trustedCreators: z
          .array(z.string().min(1).max(100))
          .default(["github-actions[bot]"])
          .describe(
            "Logins whose canary deployments and success statuses count for production (compared without case). This App is always trusted; a failure status counts from anyone.",
          ),
      })
      .prefault({})
      .describe("Deployment gates."),
    forwardPort: z
      .strictObject({
        mode: z
          .enum(["off", "after", "upstream-first"])
          .default("off")
          .describe(
            "`after`: once a hotfix merges into a `from` branch, the `single-patch-order/forward-port` check asks for its twin in `target`; `upstream-first`: the `forward-port` rule fails a hotfix into a `from` branch until its twin is merged into `target`; `off`: neither.",
          ),
        from: globs("Branches whose hotfixes must also reach `target`.", ["release/**"]),
        target: branchName
          .optional()
          .describe(
            "The branch every hotfix of a `from` branch must reach. The repository's default branch when absent.",
          ),
        within: duration(
          "How long after a hotfix's merge its twin may take, e.g. `72h` or `3d`. Past it, a release from `target` without the twin fails, and the forward-port check says it is overdue.",
          "72h",
        ),
      })
      .prefault({})
      .describe(
        "Forward ports: a hotfix merged into a release branch must also reach the main line (rule `forward-port`).",
      ),
  })
  .describe("Single Patch Order configuration (.github/single-patch-order.yml).");

/** A validated config with every default filled in. */
export type Config = z.output<typeof configSchema>;
