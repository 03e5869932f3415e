import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  type FileFixture,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot, TEST_APP_ID } from "../helpers/probot.js";

/**
 * The `single-patch-order/config` check (SPEC §12), from real `pull_request.opened` deliveries
 * (Codertocat/Hello-World, PR #2, default branch `master`). Every call is mocked and consumed; the
 * check bodies sent to GitHub are compared whole.
 */

const REPO = "Codertocat/Hello-World";
const FILE = ".github%2Fsingle-patch-order.yml";
const TEXT = { "content-type": "text/plain; charset=utf-8" };
const CONFIG_NAME = "single-patch-order/config";

/** Requests nock could not match: an attempt to read what the test did not expect (a fork's `_extends`). */
let unmatched: string[] = [];
const record = (req: { method?: string; path?: string; options?: { path?: string } }) => {
  unmatched.push(`${req.method} ${req.path ?? req.options?.path}`);
};
beforeEach(() => {
  unmatched = [];
  nock.emitter.on("no match", record);
});
afterEach(() => {
  nock.emitter.removeListener("no match", record);
});

function configPr(options: { repo?: string; ref?: string; fork?: string } = {}) {
  const payload = loadWebhook("pull_request.opened");
  const repo = options.repo ?? "Hello-World";
  payload.repository.name = repo;
  payload.repository.full_name = `Codertocat/${repo}`;
  payload.pull_request.head.ref = options.ref ?? "tighten-policy";
  payload.pull_request.body = GOOD_BODY;
  payload.pull_request.changed_files = 1;
  if (options.fork) {
    const [owner, name] = options.fork.split("/");
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      name,
      full_name: options.fork,
      owner: { login: owner },
    };
  }
  return payload;
}

function mockHeadText(scope: nock.Scope, repo: string, sha: string, text: string | null): void {
  const interceptor = scope.get(`/repos/${repo}/contents/${FILE}`).query({ ref: sha });
  if (text === null) interceptor.reply(404, { message: "Not Found" });
  else interceptor.reply(200, text, TEXT);
}

const CONFIG_FILE: FileFixture = { filename: ".github/single-patch-order.yml", additions: 2, deletions: 1 };

/**
 * What the gate spends on these PRs before the config check: the free re-read of the delivered PR
 * (304) and, for its passing verdict, the open PRs of the head commit (none shares it).
 */
function mockPassingGate(scope: nock.Scope, repo = REPO): void {
  mockPullUnchanged(scope, repo, 2);
  mockOpenPulls(scope, repo);
}

async function receive(payload: unknown, name = "pull_request") {
  const probot = createTestProbot();
  await probot.receive({ id: "delivery-config", name, payload } as never);
}

function configRun(checks: Array<Record<string, any>>) {
  return checks.find((c) => c.name === CONFIG_NAME);
}

describe("pull requests that do not touch the config file", () => {
  it("get no config check and no call for it: the non-hotfix gate's one file list says so", async () => {
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, [{ filename: "README.md" }, { filename: ".github/workflows/ci.yml" }]);
    const checks = captureCheckRuns(scope, REPO);

    await receive(configPr());

    expectAllMocksDone();
    expect(checks.map((c) => c.name)).toEqual(["single-patch-order"]);
  });

  it("reuse a hotfix's file list: listed once, for the gate", async () => {
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [
      { filename: "src/checkout/discount.ts", patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "src/checkout/discount.test.ts", status: "added", patch: "@@ -0,0 +1 @@\n+t" },
    ]);
    const checks = captureCheckRuns(scope, REPO);
    const payload = configPr({ ref: "hotfix/SHOP-42-discount" });
    payload.pull_request.title = "SHOP-42: fix discount total";

    await receive(payload);

    expectAllMocksDone();
    expect(checks.map((c) => [c.name, c.conclusion])).toEqual([["single-patch-order", "success"]]);
  });
});

describe("a pull request that changes the config file", () => {
  it("fails on an invalid file, with every key path and what was expected", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(
      scope,
      REPO,
      payload.pull_request.head.sha,
      "scope:\n  maxFiles: ten\nrules:\n  single-scop: warn\nbogus: 1\n",
    );
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check).toMatchObject({
      name: CONFIG_NAME,
      head_sha: payload.pull_request.head.sha,
      status: "completed",
      conclusion: "failure",
      external_id: "2",
    });
    expect(check.output.title).toBe(
      'Invalid config: rules: unknown key "single-scop"; rule ids are base-branch, single-scope, change-size, linked-ticket, problem-statement, test-evidence, rollback-plan, reversible-migration, dependency-change, semver-patch, forward-port',
    );
    await expect(JSON.stringify(check, null, 2)).toMatchFileSnapshot("./__snapshots__/config-check.invalid.json");
  });

  it("passes a looser file and lists each looser setting with its old and new value", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(
      scope,
      REPO,
      payload.pull_request.head.sha,
      "scope:\n  maxFiles: 30\nrules:\n  semver-patch: off\ndependencies: allow\n",
    );
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("success");
    expect(check.output.title).toBe("Config valid: 3 settings looser");
    expect(check.output.summary).toContain("| 🔓 looser | `scope.maxFiles` | `10` | `30` |");
    expect(check.output.summary).toContain("| 🔓 looser | `rules.semver-patch` | `error` | `off` |");
    expect(check.output.summary).toContain("| 🔓 looser | `dependencies` | `justify` | `allow` |");
    await expect(JSON.stringify(check, null, 2)).toMatchFileSnapshot("./__snapshots__/config-check.looser.json");
  });

  it("passes a tighter file and says so", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [{ ...CONFIG_FILE, status: "added" }]);
    mockHeadText(
      scope,
      REPO,
      payload.pull_request.head.sha,
      "scope:\n  maxFiles: 5\n  maxCommits: 2\nticket:\n  verify: true\ntests:\n  requiredChecks: [ci/unit]\n",
    );
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("success");
    expect(check.output.title).toBe("Config valid: 4 settings tighter");
    expect(check.output.summary).toContain("| 🔒 tighter | `scope.maxCommits` | `no limit` | `2` |");
    expect(check.output.summary).toContain('| 🔒 tighter | `tests.requiredChecks` | `[]` | `["ci/unit"]` |');
    expect(check.output.summary).not.toContain("looser: hotfixes that fail today");
  });

  it("compares a deleted file as the org file that would then apply", async () => {
    const payload = configPr();
    const org = "rules:\n  semver-patch: warn\nscope:\n  maxFiles: 12\n";
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { config: "scope:\n  maxFiles: 5\n", orgConfig: org });
    mockFiles(scope, REPO, 2, [{ ...CONFIG_FILE, status: "removed", additions: 0, deletions: 2 }]);
    // What the repository falls back to: the org file, read as the loader reads it.
    scope.get(`/repos/Codertocat/.github/contents/${FILE}`).reply(200, org, TEXT);
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("success");
    expect(check.output.title).toBe("Config valid: 2 settings looser");
    expect(check.output.summary).toContain(
      "This pull request removes `.github/single-patch-order.yml`. The config that would then apply is `Codertocat/.github/.github/single-patch-order.yml@HEAD`",
    );
    expect(check.output.summary).toContain("| 🔓 looser | `scope.maxFiles` | `5` | `12` |");
    expect(check.output.summary).toContain("| 🔓 looser | `rules.semver-patch` | `error` | `warn` |");
  });

  it("fails a file that goes below the org floor, naming key, value and floor: a rule off below an error floor", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, {
      config: "scope:\n  maxFiles: 10\n",
      orgConfig: "floor:\n  scope:\n    maxFiles: 20\n  rules:\n    rollback-plan: error\n",
    });
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(scope, REPO, payload.pull_request.head.sha, "scope:\n  maxFiles: 30\nrules:\n  rollback-plan: off\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toBe("Below the org floor: rules.rollback-plan off, floor error (and 1 more)");
    expect(check.output.summary).toContain(
      "- `rules.rollback-plan: off is looser than the org floor error (floor.rules.rollback-plan in Codertocat/.github/.github/single-patch-order.yml)`",
    );
    expect(check.output.summary).toContain("| `scope.maxFiles` | `30` | `20` |");
    await expect(JSON.stringify(check, null, 2)).toMatchFileSnapshot("./__snapshots__/config-check.below-floor.json");
  });

  it("fails floor: in a repository's file", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(scope, REPO, payload.pull_request.head.sha, "floor:\n  scope:\n    maxFiles: 1\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    expect(configRun(checks)!.conclusion).toBe("failure");
    expect(configRun(checks)!.output.title).toMatch(
      /^Invalid config: floor: only the Codertocat\/\.github repository's/,
    );
  });

  it("judges a fork's file from its text and never follows its _extends", async () => {
    const payload = configPr({ fork: "mallory/Hello-World" });
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(
      scope,
      REPO,
      payload.pull_request.head.sha,
      "_extends: mallory/evil:relaxed.yml\nscope:\n  maxLines: 100\n",
    );
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    expect(unmatched).toEqual([]);
    const gate = checks.find((c) => c.name === "single-patch-order")!;
    expect(gate.output.title).toBe("Not a hotfix: no single-patch rules apply");
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("success");
    expect(check.output.summary).toContain("`_extends: mallory/evil:relaxed.yml` was not followed");
    // The file's own settings over the defaults: maxFiles goes back to the default 15.
    expect(check.output.summary).toContain("| 🔓 looser | `scope.maxFiles` | `10` | `15` |");
    expect(check.output.summary).toContain("| 🔒 tighter | `scope.maxLines` | `400` | `100` |");
  });

  it("reads a fork's file from the fork when the base repository does not resolve its head", async () => {
    const payload = configPr({ fork: "mallory/Hello-World" });
    const sha = payload.pull_request.head.sha;
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(scope, REPO, sha, null);
    mockHeadText(scope, "mallory/Hello-World", sha, "scope:\n  maxFiles: 3\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    expect(configRun(checks)!.output.title).toBe("Config valid: 1 setting tighter");
  });

  it("follows _extends only to a file the default branch already reads, from that read", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope, { orgConfig: "scope:\n  maxLines: 250\n" });
    mockFiles(scope, REPO, 2, [{ ...CONFIG_FILE, status: "added" }]);
    mockHeadText(scope, REPO, payload.pull_request.head.sha, "_extends: .github\nscope:\n  maxFiles: 8\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.output.title).toBe("Config valid: 1 setting tighter");
    expect(check.output.summary).toContain("names a file the config already reads today");
    expect(check.output.summary).not.toContain("maxLines");
  });

  it("checks the PR as GitHub has it now: a stale delivery's config check goes on the current head, from its text", async () => {
    const payload = configPr();
    payload.pull_request.updated_at = "2026-11-21T11:00:00Z";
    const current = "d".repeat(40);
    const scope = nock(API);
    scope
      .get(`/repos/${REPO}/pulls/2`)
      .matchHeader("if-modified-since", "Sat, 21 Nov 2026 11:00:00 GMT")
      .reply(200, {
        ...payload.pull_request,
        updated_at: "2026-11-21T11:50:00Z",
        head: { ...payload.pull_request.head, sha: current },
      });
    mockOpenPulls(scope, REPO);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(scope, REPO, current, "scope:\n  maxFiles: 5\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    expect(checks.map((c) => [c.name, c.head_sha, c.conclusion])).toEqual([
      ["single-patch-order", current, "success"],
      [CONFIG_NAME, current, "success"],
    ]);
    expect(configRun(checks)!.output.title).toBe("Config valid: 1 setting tighter");
  });

  it("completes the check as a failure with how to retry when GitHub keeps failing", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    scope
      .get(`/repos/${REPO}/contents/${FILE}`)
      .query({ ref: payload.pull_request.head.sha })
      .times(4)
      .reply(503, { message: "unavailable" }, { "x-github-request-id": "CFG:503" });
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.title).toMatch(/^Could not check the config change: GitHub answered 503/);
    expect(check.output.summary).toContain("**GitHub request id:** `CFG:503`");
    expect(check.output.summary).toContain("choose **Re-run** on this check");
  });

  it("says a PR into another branch changes no policy until the file reaches the default branch", async () => {
    const payload = configPr();
    payload.pull_request.base.ref = "release/1.4";
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(scope, REPO, payload.pull_request.head.sha, "scope:\n  maxFiles: 15\n");
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    expectAllMocksDone();
    expect(configRun(checks)!.output.title).toBe("Config valid: no setting changes");
    expect(configRun(checks)!.output.summary).toContain(
      "This pull request targets `release/1.4`, but the App reads the config from `master` only",
    );
  });

  it("renders every value from the file in a code span: no mention, no HTML, no broken table", async () => {
    const payload = configPr();
    const scope = nock(API);
    mockPassingGate(scope);
    mockSettings(scope);
    mockFiles(scope, REPO, 2, [CONFIG_FILE]);
    mockHeadText(
      scope,
      REPO,
      payload.pull_request.head.sha,
      "override:\n  users: ['@org/admins', 'a|b', '<!-- x', '``y``']\n",
    );
    const checks = captureCheckRuns(scope, REPO, 2);

    await receive(payload);

    const summary: string = configRun(checks)!.output.summary;
    expect(summary).toContain(
      '| 🔓 looser | `override.users` | `[]` | ```["@\u200Borg/admins","a\\|b","<\u200B!-- x","``y``"]``` |',
    );
    expect(summary.replace(/(`+)[\s\S]*?\1/g, "")).not.toMatch(/@|<!--/);
    // Inside the code span too (an e-mail notification shows it as plain text): no mention, no comment.
    expect(summary).not.toMatch(/@[a-z]|<!--/i);
  });
});

describe("the org file", () => {
  const ORG = "Codertocat/.github";

  it("shows the floor's changes and counts the installation's repositories that inherit it", async () => {
    const payload = configPr({ repo: ".github" });
    const sha = payload.pull_request.head.sha;
    const scope = nock(API);
    mockPassingGate(scope, ORG);
    scope.get(`/repos/${ORG}/contents/${FILE}`).reply(200, "floor:\n  scope:\n    maxFiles: 20\n", TEXT);
    mockFiles(scope, ORG, 2, [CONFIG_FILE]);
    mockHeadText(
      scope,
      ORG,
      sha,
      "scope:\n  maxFiles: 12\nfloor:\n  scope:\n    maxFiles: 15\n  ticket:\n    verify: true\n",
    );
    const repos = [
      { name: "shop", node_id: "R_shop" }, // no file: inherits
      { name: "cart", node_id: "R_cart" }, // _extends: .github
      { name: "pay", node_id: "R_pay" }, // _extends: policies, which extends .github
      { name: "own", node_id: "R_own" }, // a file of its own
      { name: "old", node_id: "R_old", archived: true },
      { name: ".github", node_id: "R_github" },
    ].map((r) => ({ archived: false, ...r, owner: { login: "Codertocat" } }));
    scope
      .get("/installation/repositories")
      .query({ per_page: "100", page: "1" })
      .reply(200, { total_count: repos.length, repositories: repos });
    scope
      .post(
        "/graphql",
        (body) => JSON.stringify(body.variables) === JSON.stringify({ ids: ["R_shop", "R_cart", "R_pay", "R_own"] }),
      )
      .reply(200, {
        data: {
          nodes: [
            { id: "R_shop", object: null },
            { id: "R_cart", object: { text: "_extends: .github\n" } },
            { id: "R_pay", object: { text: "_extends: policies\n" } },
            { id: "R_own", object: { text: "scope:\n  maxFiles: 3\n" } },
          ],
        },
      });
    scope
      .post("/graphql", (body) => body.variables.o0 === "Codertocat" && body.variables.n0 === "policies")
      .reply(200, { data: { t0: { object: { text: "_extends: .github\n" } } } });
    const checks = captureCheckRuns(scope, ORG, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("success");
    expect(check.output.summary).toContain("| 🔒 tighter | `scope.maxFiles` | `20` | `15` |");
    expect(check.output.summary).toContain("| 🔒 tighter | `ticket.verify` | (no floor) | `true` |");
    expect(check.output.summary).toContain(
      "**3** of the 4 repositories the App is installed on inherit `Codertocat/.github/.github/single-patch-order.yml`: 1 without a file of their own, 2 through `_extends`.",
    );
    await expect(JSON.stringify(check, null, 2)).toMatchFileSnapshot("./__snapshots__/config-check.org-file.json");
  });

  it("fails org settings below the org's own new floor, and still passes when the count cannot be made", async () => {
    const payload = configPr({ repo: ".github" });
    const scope = nock(API);
    mockPassingGate(scope, ORG);
    scope.get(`/repos/${ORG}/contents/${FILE}`).reply(404, { message: "Not Found" });
    mockFiles(scope, ORG, 2, [{ ...CONFIG_FILE, status: "added" }]);
    mockHeadText(
      scope,
      ORG,
      payload.pull_request.head.sha,
      "scope:\n  maxLines: 900\nfloor:\n  scope:\n    maxLines: 500\n",
    );
    scope
      .get("/installation/repositories")
      .query(true)
      .reply(403, { message: "Resource not accessible by integration" });
    const checks = captureCheckRuns(scope, ORG, 2);

    await receive(payload);

    expectAllMocksDone();
    const check = configRun(checks)!;
    expect(check.conclusion).toBe("failure");
    expect(check.output.title).toBe("Below the org floor: scope.maxLines 900, floor 500");
    expect(check.output.summary).toContain(
      "They could not be counted (`GitHub answered 403 while listing the installation's repositories",
    );
  });
});

describe("Re-run on the config check", () => {
  it("checks the PR's config change again", async () => {
    const event = loadWebhook("check_run.rerequested");
    const repo = event.repository.full_name as string;
    event.check_run.name = CONFIG_NAME;
    event.check_run.app.id = TEST_APP_ID;
    event.check_run.external_id = "7";
    const sha = event.check_run.head_sha as string;
    const pr = {
      ...configPr().pull_request,
      number: 7,
      head: { ref: "policy", sha, repo: null },
      base: { ref: "main", sha: "b".repeat(40) },
    };
    const scope = nock(API);
    scope.get(`/repos/${repo}/pulls/7`).reply(200, pr);
    mockFiles(scope, repo, 7, [CONFIG_FILE]);
    mockSettings(scope, {}, repo);
    mockHeadText(scope, repo, sha, "scope:\n  maxFiles: 9\n");
    const checks = captureCheckRuns(scope, repo);

    await receive(event, "check_run");

    expectAllMocksDone();
    expect(checks).toEqual([
      expect.objectContaining({ name: CONFIG_NAME, head_sha: sha, conclusion: "success", external_id: "7" }),
    ]);
  });
});
