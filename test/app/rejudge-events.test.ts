import nock from "nock";
import { describe, expect, it } from "vitest";
import { GOOD_BODY } from "../../support/build-change.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot, TEST_APP_ID } from "../helpers/probot.js";
import { loadWebhook, type WebhookName } from "../../support/webhooks.js";

/** A full PR as `pulls.get` returns it, on a hotfix branch. */
function pullRequest(number: number, sha: string, overrides: Record<string, unknown> = {}) {
  const pr = loadWebhook("pull_request.opened").pull_request;
  return {
    ...pr,
    number,
    title: "SHOP-42: fix discount total",
    body: GOOD_BODY,
    changed_files: 2,
    head: { ...pr.head, ref: "hotfix/SHOP-42", sha },
    base: { ...pr.base, ref: "main" },
    ...overrides,
  };
}

const FILES = [
  { filename: "src/checkout/discount.ts" },
  { filename: "src/checkout/discount.test.ts", status: "added" },
];

async function receive(name: WebhookName, payload: unknown) {
  const probot = createTestProbot();
  await probot.receive({ id: "delivery-2", name: name.split(".")[0], payload } as never);
}

describe("check_run.rerequested", () => {
  const repo = "github/hello-world";

  it("re-judges the PRs of our own check", async () => {
    const payload = loadWebhook("check_run.rerequested");
    payload.check_run.name = "single-patch-order";
    payload.check_run.app.id = TEST_APP_ID;
    payload.check_run.pull_requests = [
      {
        number: 7,
        head: { sha: payload.check_run.head_sha },
        base: { ref: "main", repo: { id: payload.repository.id } },
      },
    ];
    const scope = nock(API);
    scope.get(`/repos/${repo}/pulls/7`).reply(200, pullRequest(7, payload.check_run.head_sha));
    mockSettings(scope, {}, repo);
    mockFiles(scope, repo, 7, FILES);
    mockOpenPulls(scope, repo);
    const checks = captureCheckRuns(scope, repo);

    await receive("check_run.rerequested", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      name: "single-patch-order",
      head_sha: payload.check_run.head_sha,
      conclusion: "success",
      external_id: "7",
    });
  });

  it("finds a fork PR by its head SHA when the event lists no PR", async () => {
    const payload = loadWebhook("check_run.rerequested");
    payload.check_run.name = "single-patch-order";
    payload.check_run.app.id = TEST_APP_ID;
    payload.check_run.pull_requests = [];
    const sha = payload.check_run.head_sha;
    const scope = nock(API);
    scope.get(`/repos/${repo}/commits/${sha}/pulls`).query(true).reply(200, []);
    scope
      .get(`/repos/${repo}/pulls`)
      .query({ state: "open", sort: "updated", direction: "desc", per_page: "100" })
      .reply(200, [
        { number: 3, head: { sha: "0".repeat(40) } },
        { number: 9, head: { sha } },
      ]);
    scope.get(`/repos/${repo}/pulls/9`).reply(200, pullRequest(9, sha));
    mockSettings(scope, {}, repo);
    mockFiles(scope, repo, 9, FILES);
    mockOpenPulls(scope, repo, [
      {
        number: 9,
        title: "fork fix",
        head: { ref: "hotfix/SHOP-42", sha, repo: { full_name: "fork/hello-world" } },
        labels: [],
      },
    ]);
    const checks = captureCheckRuns(scope, repo);

    await receive("check_run.rerequested", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: sha, external_id: "9", conclusion: "success" });
  });

  it("ignores checks of other apps and other names", async () => {
    const other = loadWebhook("check_run.rerequested");
    other.check_run.name = "single-patch-order";
    other.check_run.app.id = 999;
    await receive("check_run.rerequested", other);
    const named = loadWebhook("check_run.rerequested");
    named.check_run.app.id = TEST_APP_ID;
    await receive("check_run.rerequested", named);
    expectAllMocksDone();
  });
});

describe("check_suite.rerequested", () => {
  it("re-judges the suite's PRs", async () => {
    const payload = loadWebhook("check_suite.rerequested");
    const repo = payload.repository.full_name;
    payload.check_suite.app.id = TEST_APP_ID;
    payload.check_suite.pull_requests = [
      {
        number: 5,
        head: { sha: payload.check_suite.head_sha },
        base: { ref: "main", repo: { id: payload.repository.id } },
      },
    ];
    const scope = nock(API);
    scope.get(`/repos/${repo}/pulls/5`).reply(200, pullRequest(5, payload.check_suite.head_sha));
    mockSettings(scope, {}, repo);
    mockFiles(scope, repo, 5, FILES);
    mockOpenPulls(scope, repo);
    const checks = captureCheckRuns(scope, repo);

    await receive("check_suite.rerequested", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: payload.check_suite.head_sha, conclusion: "success" });
  });
});

describe("check_run.completed of a required check", () => {
  it("re-judges the PR when a check named in tests.requiredChecks completes", async () => {
    const payload = loadWebhook("check_run.completed");
    const repo = payload.repository.full_name;
    payload.check_run.name = "ci/unit";
    payload.check_run.pull_requests = [
      {
        number: 4,
        head: { sha: payload.check_run.head_sha },
        base: { ref: "main", repo: { id: payload.repository.id } },
      },
    ];
    const sha = payload.check_run.head_sha;
    const config = "tests:\n  requiredChecks: ['ci/unit']\n";
    const scope = nock(API);
    mockSettings(scope, { config }, repo);
    scope.get(`/repos/${repo}/pulls/4`).reply(200, pullRequest(4, sha));
    mockFiles(scope, repo, 4, FILES);
    scope
      .get(`/repos/${repo}/commits/${sha}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ name: "ci/unit", status: "completed", conclusion: "success" }] });
    scope.get(`/repos/${repo}/commits/${sha}/status`).query(true).reply(200, { state: "success", statuses: [] });
    mockOpenPulls(scope, repo);
    const checks = captureCheckRuns(scope, repo);

    await receive("check_run.completed", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: sha, conclusion: "success" });
  });

  it("does nothing for a check that is not required", async () => {
    const payload = loadWebhook("check_run.completed");
    payload.check_run.name = "lint";
    const scope = nock(API);
    mockSettings(scope, {}, payload.repository.full_name);
    await receive("check_run.completed", payload);
    expectAllMocksDone();
  });
});

describe("status of a required check given as a commit status", () => {
  /** A real `status` delivery (the example that carries an installation), for `context` in `state`. */
  function statusEvent(context: string, state: string) {
    const payload = loadWebhook("status", 3);
    payload.context = context;
    payload.state = state;
    return payload;
  }
  const config = "tests:\n  requiredChecks: ['ci/legacy']\n";

  it.each([
    ["success", "success", "All rules pass"],
    ["failure", "failure", "1 rule fails: Required check ci/legacy concluded failure."],
    ["error", "failure", "1 rule fails: Required check ci/legacy concluded failure."],
  ])("re-judges the open PR whose head it is when it finishes as %s", async (state, conclusion, title) => {
    const payload = statusEvent("ci/legacy", state);
    const repo = payload.repository.full_name;
    const sha = payload.sha;
    const scope = nock(API);
    mockSettings(scope, { config }, repo);
    scope
      .get(`/repos/${repo}/commits/${sha}/pulls`)
      .query(true)
      .reply(200, [{ number: 4, state: "open", head: { sha } }]);
    scope.get(`/repos/${repo}/pulls/4`).reply(200, pullRequest(4, sha));
    mockFiles(scope, repo, 4, FILES);
    scope.get(`/repos/${repo}/commits/${sha}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    scope
      .get(`/repos/${repo}/commits/${sha}/status`)
      .query(true)
      .reply(200, { state, statuses: [{ context: "ci/legacy", state }] });
    // A passing verdict first looks for other open PRs with that head (none here).
    if (conclusion === "success") mockOpenPulls(scope, repo);
    const checks = captureCheckRuns(scope, repo);

    await receive("status", payload);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: "single-patch-order", head_sha: sha, conclusion, external_id: "4" });
    expect(checks[0]!.output.title).toBe(title);
  });

  it("costs one config read for a status that is not required, and nothing when pending or the App's own", async () => {
    const notRequired = statusEvent("ci/lint", "success");
    const scope = nock(API);
    mockSettings(scope, { config }, notRequired.repository.full_name);

    await receive("status", notRequired);
    await receive("status", statusEvent("ci/legacy", "pending"));
    await receive("status", statusEvent("single-patch-order/deploy/canary", "success"));

    expectAllMocksDone();
  });
});

describe("issue_comment /spo recheck", () => {
  it("re-judges the PR the comment is on", async () => {
    const payload = loadWebhook("issue_comment.created");
    const repo = payload.repository.full_name;
    payload.issue.pull_request = { url: "https://api.github.com/repos/x/y/pulls/1" };
    payload.comment.body = "Fixed the section.\n/spo recheck";
    const sha = "b".repeat(40);
    const scope = nock(API);
    scope.get(`/repos/${repo}/pulls/1`).reply(200, pullRequest(1, sha));
    mockSettings(scope, {}, repo);
    mockFiles(scope, repo, 1, FILES);
    mockOpenPulls(scope, repo);
    const checks = captureCheckRuns(scope, repo);

    await receive("issue_comment.created", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ head_sha: sha, conclusion: "success" });
  });

  it("ignores comments without a command, on issues, and from bots", async () => {
    const plain = loadWebhook("issue_comment.created");
    plain.issue.pull_request = { url: "x" };
    plain.comment.body = "looks good";
    await receive("issue_comment.created", plain);
    const onIssue = loadWebhook("issue_comment.created");
    onIssue.comment.body = "/spo recheck";
    delete onIssue.issue.pull_request;
    await receive("issue_comment.created", onIssue);
    const fromBot = loadWebhook("issue_comment.created");
    fromBot.issue.pull_request = { url: "x" };
    fromBot.comment.body = "/spo recheck";
    fromBot.comment.user.type = "Bot";
    await receive("issue_comment.created", fromBot);
    expectAllMocksDone();
  });
});

describe("merge_group.checks_requested", () => {
  it("publishes one check on the group's head, judged from every PR in the group", async () => {
    const payload = loadWebhook("merge_group.checks_requested");
    const repo = payload.repository.full_name;
    const group = payload.merge_group;
    const scope = nock(API);
    scope
      .get(`/repos/${repo}/compare/${group.base_sha}...${group.head_sha}`)
      .query(true)
      .reply(200, {
        commits: [
          { commit: { message: "SHOP-1: earlier fix (#101)" } },
          { commit: { message: "SHOP-42: fix discount (#104)" } },
        ],
      });
    scope.get(`/repos/${repo}/pulls/101`).reply(
      200,
      pullRequest(101, "1".repeat(40), {
        title: "SHOP-1: earlier fix",
        head: { ref: "feature/x", sha: "1".repeat(40) },
      }),
    );
    scope.get(`/repos/${repo}/pulls/104`).reply(200, pullRequest(104, "4".repeat(40)));
    mockSettings(scope, {}, repo);
    mockFiles(scope, repo, 104, FILES);
    const checks = captureCheckRuns(scope, repo);

    await receive("merge_group.checks_requested", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ name: "single-patch-order", head_sha: group.head_sha, conclusion: "success" });
    expect(checks[0]!.output.title).toBe("All 2 pull requests in the group pass the gate");
    expect(checks[0]!.output.summary).toContain("#101");
  });

  it("fails closed when GitHub cannot list the group's commits", async () => {
    const payload = loadWebhook("merge_group.checks_requested");
    const repo = payload.repository.full_name;
    const scope = nock(API);
    scope
      .get(`/repos/${repo}/compare/${payload.merge_group.base_sha}...${payload.merge_group.head_sha}`)
      .query(true)
      .reply(404, { message: "Not Found" });
    const checks = captureCheckRuns(scope, repo);

    await receive("merge_group.checks_requested", payload);

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });
});
