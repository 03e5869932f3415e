import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBaseRef } from "../src/sources/find-base-ref.js";
import { findHeadRef } from "../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../src/sources/local-git-source.js";
import { loadWebhook } from "../support/webhooks.js";
import listedChangeTypes from "./fixtures/api/pulls.listFiles.change-types.json" with { type: "json" };
import { CHANGE_TYPES_BRANCH, createChangeTypesRepo } from "./helpers/change-types-repo.js";
import type { TempRepo } from "./helpers/git-repo.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockPullUnchanged,
  mockSettings,
  mockBaseTree,
  mockFileAt,
  type FileFixture,
} from "./helpers/github-nock.js";
import { BASE_FILES, createHotfixRepo, GOOD_BRANCH, GOOD_TITLE } from "./helpers/hotfix-repo.js";
import { GOOD_BODY } from "../support/build-change.js";
import { createTestProbot } from "./helpers/probot.js";
import { runAction } from "./helpers/run-action.js";
import { checkJson } from "./helpers/run-cli.js";

/**
 * One pull request, judged by the three front ends: the App (webhook → check run), the Action
 * (event file → job summary) and the CLI (a real git branch with the same files, title, body and
 * branch). The config on the base gives every verdict: pass, fail, warn and skip.
 */
const REPO = "Codertocat/Hello-World";
const CONFIG = "scope:\n  maxFiles: 4\nrules:\n  rollback-plan: off\n  dependency-change: warn\n";

const EXPECTED = {
  "base-branch": "pass",
  "single-scope": "fail",
  "change-size": "fail",
  "linked-ticket": "pass",
  "problem-statement": "pass",
  "test-evidence": "pass",
  "rollback-plan": "skip",
  "reversible-migration": "fail",
  "dependency-change": "warn",
  "semver-patch": "pass",
  "forward-port": "skip",
};

const HEAD_PACKAGE_JSON = `${JSON.stringify({ name: "shop", version: "1.4.3", dependencies: { "left-pad": "1.3.1" } }, null, 2)}\n`;

let repo: TempRepo;
let files: FileFixture[];

beforeAll(async () => {
  repo = await createHotfixRepo({
    onBase: (r) => r.commitFiles("Hotfix rules", { ".github/single-patch-order.yml": CONFIG }).then(() => undefined),
    files: {
      "src/billing/invoice.ts": "export const invoice = { lines: [] as string[], total: 0 };\n",
      "src/checkout/migrations/003_discount_rate.sql": "ALTER TABLE carts DROP COLUMN legacy_rate;\n",
      "package.json": HEAD_PACKAGE_JSON,
    },
  });
  // GitHub lists the same files git does: what the local source reads is what the API mocks answer.
  const local = await openLocalRepo(repo.dir);
  const change = await readLocalChange(local, await findBaseRef(local), await findHeadRef(local), { labels: [] });
  files = change.files.map((f) => ({
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.patch === undefined ? {} : { patch: f.patch }),
  }));
});

afterAll(() => repo.remove());

function pullRequestEvent() {
  const payload = loadWebhook("pull_request.opened");
  Object.assign(payload.pull_request, { title: GOOD_TITLE, body: GOOD_BODY, changed_files: files.length });
  payload.pull_request.head.ref = GOOD_BRANCH;
  payload.pull_request.base.ref = "main";
  return payload;
}

/**
 * What GitHub answers for this PR: the config on the default branch, the files, the base tree (the
 * production files span folders), and package.json at the head (a manifest and a version file;
 * its patch rebuilds the base, so the base is not read).
 */
function mockGitHub(): nock.Scope {
  const scope = nock(API);
  mockSettings(scope, { config: CONFIG });
  mockFiles(scope, REPO, 2, files);
  mockBaseTree(scope, REPO, {}, [...Object.keys(BASE_FILES), ".github/single-patch-order.yml"]);
  mockFileAt(scope, REPO, "package.json", HEAD_PACKAGE_JSON);
  return scope;
}

/** Rule id → verdict, read from the report table of a check-run summary. */
function readVerdicts(markdown: string): Record<string, string> {
  return Object.fromEntries(
    [...markdown.matchAll(/^\| \S+ \| `([a-z-]+)` \| (pass|fail|warn|skip) \|/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

describe("the App, the Action and the CLI", () => {
  it("give the same verdict for every rule of the same pull request", async () => {
    const appScope = mockGitHub();
    mockPullUnchanged(appScope, REPO, 2);
    const appChecks = captureCheckRuns(appScope, REPO);
    await createTestProbot().receive({ id: "1", name: "pull_request", payload: pullRequestEvent() } as never);
    expectAllMocksDone();
    const fromApp = readVerdicts(appChecks[0]?.output.summary ?? "");

    mockGitHub();
    const action = await runAction(pullRequestEvent());
    expectAllMocksDone();
    const fromAction = readVerdicts(action.summary);

    const cli = await checkJson(repo.dir);
    const fromCli = Object.fromEntries((cli.report?.rules ?? []).map((r) => [r.id, r.verdict]));

    expect(fromApp).toEqual(EXPECTED);
    expect(fromAction).toEqual(EXPECTED);
    expect(fromCli).toEqual(EXPECTED);
    expect([appChecks[0]?.conclusion, action.outputs.conclusion, cli.report?.conclusion]).toEqual([
      "failure",
      "failure",
      "failure",
    ]);
    expect([action.code, cli.code]).toEqual([1, 1]);
  });
});

describe("the App, the Action and the CLI, on every kind of git change", () => {
  /**
   * The CLI reads the repository of test/sources/change-types.test.ts (type changes, submodules,
   * binaries, unchanged renames, awkward paths); the App and the Action read GitHub's listFiles
   * answer for the same change. The verdicts come from what each source gathered.
   */
  it("give the same verdict for every rule", async () => {
    const changeTypes = await createChangeTypesRepo();
    try {
      const event = () => {
        const payload = loadWebhook("pull_request.opened");
        const title = "SHOP-7: every kind of change";
        Object.assign(payload.pull_request, { title, body: "", changed_files: listedChangeTypes.length });
        payload.pull_request.head.ref = CHANGE_TYPES_BRANCH;
        payload.pull_request.base.ref = "main";
        return payload;
      };
      const mock = () => {
        const scope = nock(API);
        mockSettings(scope, {});
        mockFiles(scope, REPO, 2, listedChangeTypes);
        mockBaseTree(scope, REPO);
        return scope;
      };

      const appScope = mock();
      mockPullUnchanged(appScope, REPO, 2); // the App re-reads the delivered PR first (free: 304)
      const appChecks = captureCheckRuns(appScope, REPO);
      await createTestProbot().receive({ id: "2", name: "pull_request", payload: event() } as never);
      expectAllMocksDone();
      mock();
      const action = await runAction(event());
      expectAllMocksDone();
      const cli = await checkJson(changeTypes.dir);

      const fromCli = Object.fromEntries((cli.report?.rules ?? []).map((r) => [r.id, r.verdict]));
      expect(Object.keys(fromCli)).toEqual(Object.keys(EXPECTED));
      expect(readVerdicts(appChecks[0]?.output.summary ?? "")).toEqual(fromCli);
      expect(readVerdicts(action.summary)).toEqual(fromCli);
      // 24 files in several scopes, no body: these hold whatever the readers learn about migrations.
      expect(fromCli).toMatchObject({ "change-size": "fail", "single-scope": "fail", "linked-ticket": "pass" });
      expect([appChecks[0]?.conclusion, action.outputs.conclusion, cli.report?.conclusion]).toEqual([
        "failure",
        "failure",
        "failure",
      ]);
    } finally {
      await changeTypes.remove();
    }
  });
});
