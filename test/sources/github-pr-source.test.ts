import nock from "nock";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { evaluatePolicy } from "../../src/core/evaluate-policy.js";
import type { GitHubClient } from "../../src/github/github-client.js";
import type { PullRequestData } from "../../src/github/pull-request-data.js";
import { rules } from "../../src/rules/index.js";
import { readPullRequestChange } from "../../src/sources/github-pr-source.js";
import { makePatch } from "../../support/make-patch.js";
import {
  API,
  expectAllMocksDone,
  mockBaseTree,
  mockFileAt,
  mockFiles,
  type FileFixture,
} from "../helpers/github-nock.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const REPO = "octo/shop";
const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const MERGE_BASE = "a".repeat(40);
const octokit = new TestOctokit({ auth: "test", request: { fetch } }) as unknown as GitHubClient;

const pr = (changed: number): PullRequestData => ({
  number: 7,
  title: "SHOP-1 fix",
  body: "",
  labels: [],
  user: { login: "dev" },
  head: { ref: "hotfix/SHOP-1", sha: HEAD },
  base: { ref: "main", sha: BASE },
  changed_files: changed,
  commits: 1,
});

const edited = (filename: string, base: string, head: string): FileFixture => ({
  filename,
  patch: makePatch(base, head),
  additions: 1,
  deletions: 1,
});

async function read(files: FileFixture[]) {
  const change = await readPullRequestChange(
    octokit,
    { owner: "octo", repo: "shop" },
    pr(files.length),
    DEFAULT_CONFIG,
    {},
    "main",
  );
  return { change, report: evaluatePolicy(change, DEFAULT_CONFIG, rules) };
}

const verdictOf = (report: ReturnType<typeof evaluatePolicy>, id: string) =>
  report.results.find((r) => r.ruleId === id);

describe("readPullRequestChange: the facts the planner asks for, and no more", () => {
  it("reads a release commit's manifests at the head only, and the patch gives their base", async () => {
    const toml = (v: string, grep: string) =>
      `[package]\nname = "rg"\nversion = "${v}"\n\n[dependencies]\ngrep = { version = "${grep}", path = "crates/grep" }\n`;
    const lock = (v: string) => `[[package]]\nname = "rg"\nversion = "${v}"\n`;
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [
      edited("Cargo.toml", toml("15.1.0", "0.2.13"), toml("15.1.1", "0.3.0")),
      edited("Cargo.lock", lock("15.1.0"), lock("15.1.1")),
    ]);
    mockFileAt(scope, REPO, "Cargo.toml", toml("15.1.1", "0.3.0"));
    mockFileAt(scope, REPO, "Cargo.lock", lock("15.1.1"));
    const { change, report } = await read([]);
    expectAllMocksDone();
    expect(change.contents?.head).toEqual({ "Cargo.toml": toml("15.1.1", "0.3.0"), "Cargo.lock": lock("15.1.1") });
    expect(verdictOf(report, "dependency-change")?.message).toBe("No dependency manifest or lockfile changed.");
    expect(verdictOf(report, "semver-patch")?.message).toBe("`Cargo.toml` goes 15.1.0 → 15.1.1, a patch bump.");
  });

  it("reads an edited migration, its down file, and whether the previous release holds it", async () => {
    const path = "db/migrations/012_state.up.sql";
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [edited(path, "ALTER TABLE n ADD s int;\n", "ALTER TABLE n ADD s int NULL;\n")]);
    mockFileAt(scope, REPO, path, "ALTER TABLE n ADD s int NULL;\n");
    mockFileAt(scope, REPO, "db/migrations/012_state.down.sql", "ALTER TABLE n DROP s;\n");
    scope
      .get(`/repos/${REPO}/tags`)
      .query(true)
      .reply(200, [
        { name: "v1.48.0-rc.1", commit: { sha: "1".repeat(40) } },
        { name: "v1.47.0", commit: { sha: "2".repeat(40) } },
        { name: "nightly", commit: { sha: "3".repeat(40) } },
      ]);
    scope
      .get(`/repos/${REPO}/compare/${"2".repeat(40)}...${BASE}`)
      .query(true)
      .reply(200, { status: "ahead", merge_base_commit: { sha: "2".repeat(40) } });
    scope
      .get(`/repos/${REPO}/git/trees/${"2".repeat(40)}`)
      .query({ recursive: "1" })
      .reply(200, { sha: "2".repeat(40), tree: [{ path, type: "blob" }], truncated: false });
    const { change, report } = await read([]);
    expectAllMocksDone();
    expect(change.previousRelease).toEqual({ tag: "v1.47.0", version: "1.47.0", paths: [path] });
    expect(verdictOf(report, "reversible-migration")?.message).toContain(
      "this change edits a migration that already shipped (it is in v1.47.0)",
    );
  });

  it("reads a manifest without a patch at both sides, the base at the merge base", async () => {
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [{ filename: "go.mod", additions: 900, deletions: 900 }]);
    scope
      .get(`/repos/${REPO}/compare/${BASE}...${HEAD}`)
      .query(true)
      .reply(200, { status: "ahead", merge_base_commit: { sha: MERGE_BASE } });
    const bodies: string[] = [];
    for (const [ref, text] of [
      [MERGE_BASE, "module x\n\nrequire a.b/c v1.0.0\n"],
      [HEAD, "module x\n\nrequire a.b/c v1.1.0\n"],
    ] as const)
      scope
        .get(`/repos/${REPO}/contents/go.mod`)
        .query({ ref })
        .reply(200, () => {
          bodies.push(ref);
          return text;
        });
    const { report } = await read([]);
    expectAllMocksDone();
    expect(bodies.sort()).toEqual([MERGE_BASE, HEAD].sort());
    expect(verdictOf(report, "dependency-change")?.findings?.[0]?.message).toBe(
      "`go.mod` changes `require` › `a.b/c` v1.0.0 → v1.1.0.",
    );
  });

  it("lists the base tree when production files span folders, then reads only the descriptors it lists", async () => {
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [
      { filename: "crates/core/flags.rs" },
      { filename: "crates/printer/src/summary.rs" },
      { filename: "tests/regression.rs" },
    ]);
    mockBaseTree(
      scope,
      REPO,
      { "Cargo.toml": '[package]\nname = "rg"\n\n[workspace]\nmembers = ["crates/printer"]\n' },
      ["crates/printer/Cargo.toml"],
    );
    const { report } = await read([]);
    expectAllMocksDone();
    expect(verdictOf(report, "single-scope")?.facts?.Scopes).toBe("`(root)` (1 file), `crates/printer` (1 file)");
  });

  it("does not take a truncated tree's silence for absence", async () => {
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [{ filename: "hc/api/views.py" }, { filename: "hc/front/views.py" }]);
    scope.get(new RegExp(`^/repos/${REPO}/git/trees/`)).reply(200, { sha: BASE, tree: [], truncated: true });
    for (const path of [
      "package.json",
      "pnpm-workspace.yaml",
      "Cargo.toml",
      "go.work",
      "pom.xml",
      "settings.gradle",
      "settings.gradle.kts",
      "config/application.rb",
      "artisan",
      "mix.exs",
      "app.psgi",
      "prisma/schema.prisma",
    ])
      mockFileAt(scope, REPO, path, null);
    const { change } = await read([]);
    expectAllMocksDone();
    expect(change.baseTree).toEqual({ paths: [], complete: false });
  });

  it("turns a GitHub failure into a SourceError that may be retried", async () => {
    const scope = nock(API);
    mockFiles(scope, REPO, 7, [{ filename: "package.json", patch: "@@ -1 +1 @@\n-{}\n+{ }" }]);
    scope.get(`/repos/${REPO}/contents/package.json`).query(true).times(4).reply(502, { message: "Bad gateway" });
    await expect(read([])).rejects.toMatchObject({
      name: "SourceError",
      temporary: true,
      message: expect.stringContaining("reading package.json"),
    });
    expectAllMocksDone();
  });
});
