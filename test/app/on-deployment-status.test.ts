import nock from "nock";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { hotfixPull, mockCommitPulls } from "../helpers/deploy-nock.js";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";
/** The deployed commit of the example delivery: here, the hotfix's merge commit. */
const MERGE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "a".repeat(40);
const PARENT = "b".repeat(40);
const MARKER = "<!-- spo:rollback deployment=145988746 status=209916254 -->";
const AUTO_REVERT = "deploy:\n  autoRevert: true\n";

/** The real `deployment_status.created` delivery, turned into a failed canary. */
function canaryFailed(state = "failure", statusId = 209916254) {
  const payload = loadWebhook("deployment_status.created");
  payload.deployment_status.state = state;
  payload.deployment_status.id = statusId;
  payload.deployment_status.environment = "canary";
  payload.deployment_status.log_url = "https://ci.example.com/runs/1";
  payload.deployment.environment = "canary";
  return payload;
}

const mergedHotfix = (body?: string) =>
  hotfixPull(12, HEAD, {
    merge_commit_sha: MERGE,
    merged_at: "2026-11-21T10:00:00Z",
    ...(body === undefined ? {} : { body }),
  });

const COMMENT = [
  MARKER,
  "### 🚨 Canary failed: roll back",
  "The `canary` deployment 145988746 of `f95f852` reported **failure** at 2019-05-15T15:20:55Z ([logs](https://ci.example.com/runs/1)).",
  "**Rollback plan** from this pull request:\n\n> Revert this PR and redeploy v1.4.2; no data changes, nothing else to undo.",
];
const FOOTER = "_Posted once per failed canary status by Single Patch Order._";

/**
 * Comments on #12 updated since the failed status (one page, the bound of roll-back-hotfix.ts):
 * what the App posted so far is listed again on the next delivery.
 */
function mockComments(scope: nock.Scope, posted: string[], deliveries: number) {
  scope
    .get(`/repos/${REPO}/issues/12/comments`)
    .query({ since: "2019-05-15T15:20:55Z", per_page: "100" })
    .times(deliveries)
    .reply(200, () =>
      posted.map((body, i) => ({
        id: i + 1,
        body,
        user: { login: "single-patch-order[bot]", type: "Bot" },
        performed_via_github_app: { id: 1, slug: "single-patch-order" },
      })),
    );
}

function capturePosts(scope: nock.Scope, posted: string[], times = 1) {
  scope
    .post(`/repos/${REPO}/issues/12/comments`, (body: { body: string }) => posted.push(body.body) > 0)
    .times(times)
    .reply(201, { id: 500, html_url: "https://github.com/o/r/pull/12#issuecomment-500" });
}

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "ds-1", name: "deployment_status", payload } as never);
}

describe("a failed canary", () => {
  it("posts the hotfix's rollback plan once across two identical deliveries", async () => {
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix()]);
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix()]);
    mockComments(scope, posted, 2);
    capturePosts(scope, posted);

    await receive(canaryFailed());
    await receive(canaryFailed());

    expectAllMocksDone();
    expect(posted).toEqual([[...COMMENT, FOOTER].join("\n\n")]);
  });

  it("says so when the hotfix has no rollback plan, also for an `error` state", async () => {
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope);
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix("## Fix\nSomething.\n\n## Rollback plan\nN/A")]);
    mockComments(scope, posted, 1);
    capturePosts(scope, posted);

    await receive(canaryFailed("error"));

    expectAllMocksDone();
    expect(posted[0]).toContain("reported **error**");
    expect(posted[0]).toContain(
      '**This pull request has no rollback plan** (a section headed "Rollback plan", "Rollback", "Revert plan", "Backout plan", "Roll back").',
    );
  });

  it("ignores a successful status, and a failure outside the canary environments", async () => {
    const success = canaryFailed("success");
    await receive(success);
    const scope = nock(API);
    mockSettings(scope);
    const production = canaryFailed();
    production.deployment_status.environment = "production";
    await receive(production);
    expectAllMocksDone();
  });

  it("does nothing for a commit that is no hotfix's head or merge", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockCommitPulls(scope, REPO, MERGE, [hotfixPull(12, HEAD)]);
    await receive(canaryFailed());
    expectAllMocksDone();
  });
});

describe("a failed canary with deploy.autoRevert", () => {
  const REVERT_COMMIT = "c".repeat(40);
  const TITLE = 'Revert "SHOP-42: fix discount total"';

  function mockRevertLookups(scope: nock.Scope, existing: Array<Record<string, unknown>>) {
    scope
      .get(`/repos/${REPO}/pulls`)
      .query({ head: "Codertocat:revert/hotfix/SHOP-42-discount", state: "all", per_page: "1" })
      .reply(200, existing);
  }

  it("opens one revert PR across redeliveries and a second failure, reverting the merge commit via the git data API", async () => {
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope, { config: AUTO_REVERT });
    mockSettings(scope, { config: AUTO_REVERT });
    mockSettings(scope, { config: AUTO_REVERT });
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix()])
      .get(`/repos/${REPO}/commits/${MERGE}/pulls`)
      .query(true)
      .times(2)
      .reply(200, [mergedHotfix()]);
    mockComments(scope, posted, 3);
    // First delivery: no revert yet; the base head is still the merge commit.
    mockRevertLookups(scope, []);
    scope.get(`/repos/${REPO}/git/ref/heads%2Frevert%2Fhotfix%2FSHOP-42-discount`).reply(404, { message: "Not Found" });
    scope.get(`/repos/${REPO}/git/commits/${MERGE}`).reply(200, {
      sha: MERGE,
      message: "SHOP-42: fix discount total (#12)",
      parents: [{ sha: PARENT }],
      tree: { sha: "t-merge" },
    });
    scope
      .get(`/repos/${REPO}/git/commits/${PARENT}`)
      .reply(200, { sha: PARENT, message: "before", parents: [], tree: { sha: "t-parent" } });
    scope.get(`/repos/${REPO}/git/ref/heads%2Fmain`).reply(200, { ref: "refs/heads/main", object: { sha: MERGE } });
    scope
      .post(`/repos/${REPO}/git/commits`, {
        message: `${TITLE}\n\nThis reverts commit ${MERGE}, the merge of #12.\n\nTicket: SHOP-42`,
        tree: "t-parent",
        parents: [MERGE],
      })
      .reply(201, { sha: REVERT_COMMIT });
    scope
      .post(`/repos/${REPO}/git/refs`, { ref: "refs/heads/revert/hotfix/SHOP-42-discount", sha: REVERT_COMMIT })
      .reply(201, {});
    scope
      .post(`/repos/${REPO}/pulls`, {
        title: TITLE,
        head: "revert/hotfix/SHOP-42-discount",
        base: "main",
        body: [
          `Reverts #12 (merged as ${MERGE}) because its canary failed: the \`canary\` deployment 145988746 of \`f95f852\` reported **failure** at 2019-05-15T15:20:55Z.`,
          "Ticket: SHOP-42",
          "Opened by Single Patch Order because `deploy.autoRevert` is on. Review it like any change before merging.",
        ].join("\n\n"),
      })
      .reply(201, { number: 99, html_url: "https://github.com/Codertocat/Hello-World/pull/99" });
    // Third delivery, a new failure: the revert PR is found, not opened again.
    mockRevertLookups(scope, [{ number: 99, html_url: "https://github.com/Codertocat/Hello-World/pull/99" }]);
    capturePosts(scope, posted, 2);

    await receive(canaryFailed());
    await receive(canaryFailed());
    await receive(canaryFailed("failure", 209916300));

    expectAllMocksDone();
    expect(posted).toHaveLength(2);
    expect(posted[0]).toBe(
      [
        ...COMMENT,
        "**Revert pull request:** #99 was opened (`deploy.autoRevert`). Review and merge it to roll back the code.",
        FOOTER,
      ].join("\n\n"),
    );
    expect(posted[1]).toContain("<!-- spo:rollback deployment=145988746 status=209916300 -->");
    expect(posted[1]).toContain("**Revert pull request:** #99 already exists; no other was opened.");
  });

  it("reverts with a server-side merge when the base moved on, and reports a conflict without leaving a branch", async () => {
    const BASE_HEAD = "d".repeat(40);
    const HELPER = "e".repeat(40);
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope, { config: AUTO_REVERT });
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix()]);
    mockComments(scope, posted, 1);
    mockRevertLookups(scope, []);
    scope.get(`/repos/${REPO}/git/ref/heads%2Frevert%2Fhotfix%2FSHOP-42-discount`).reply(404, { message: "Not Found" });
    scope.get(`/repos/${REPO}/git/commits/${MERGE}`).reply(200, {
      sha: MERGE,
      message: "Merge pull request #12 from o/hotfix",
      parents: [{ sha: PARENT }, { sha: HEAD }],
      tree: { sha: "t-merge" },
    });
    scope
      .get(`/repos/${REPO}/git/commits/${PARENT}`)
      .reply(200, { sha: PARENT, parents: [], tree: { sha: "t-parent" } });
    scope.get(`/repos/${REPO}/git/ref/heads%2Fmain`).reply(200, { object: { sha: BASE_HEAD } });
    scope
      .post(`/repos/${REPO}/git/commits`, {
        message: "Undo f95f852 (helper for the revert of #12)",
        tree: "t-parent",
        parents: [MERGE],
      })
      .reply(201, { sha: HELPER });
    scope
      .post(`/repos/${REPO}/git/refs`, { ref: "refs/heads/revert/hotfix/SHOP-42-discount", sha: BASE_HEAD })
      .reply(201, {});
    scope
      .post(`/repos/${REPO}/merges`, {
        base: "revert/hotfix/SHOP-42-discount",
        head: HELPER,
        commit_message: "Single Patch Order: revert (temporary merge)",
      })
      .reply(409, { message: "Merge conflict" });
    scope
      .get(`/repos/${REPO}/git/commits/${BASE_HEAD}`)
      .reply(200, { sha: BASE_HEAD, parents: [], tree: { sha: "t-base" } });
    scope.delete(`/repos/${REPO}/git/refs/heads%2Frevert%2Fhotfix%2FSHOP-42-discount`).reply(204);
    capturePosts(scope, posted);

    await receive(canaryFailed());

    expectAllMocksDone();
    expect(posted[0]).toContain(
      `**The revert pull request could not be opened:** The revert of f95f852 conflicts with later changes on main; run \`git revert -m 1 ${MERGE}\` and resolve the conflicts.`,
    );
  });

  it("turns the merged tree into one revert commit on the base head", async () => {
    const BASE_HEAD = "d".repeat(40);
    const HELPER = "e".repeat(40);
    const MERGED = "f".repeat(40);
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope, { config: AUTO_REVERT });
    mockCommitPulls(scope, REPO, MERGE, [mergedHotfix()]);
    mockComments(scope, posted, 1);
    mockRevertLookups(scope, []);
    scope.get(`/repos/${REPO}/git/ref/heads%2Frevert%2Fhotfix%2FSHOP-42-discount`).reply(404, { message: "Not Found" });
    scope.get(`/repos/${REPO}/git/commits/${MERGE}`).reply(200, {
      sha: MERGE,
      message: "Merge pull request #12",
      parents: [{ sha: PARENT }, { sha: HEAD }],
      tree: { sha: "t-merge" },
    });
    scope
      .get(`/repos/${REPO}/git/commits/${PARENT}`)
      .reply(200, { sha: PARENT, parents: [], tree: { sha: "t-parent" } });
    scope.get(`/repos/${REPO}/git/ref/heads%2Fmain`).reply(200, { object: { sha: BASE_HEAD } });
    scope
      .post(`/repos/${REPO}/git/commits`, (body: { parents: string[] }) => body.parents[0] === MERGE)
      .reply(201, { sha: HELPER });
    scope
      .post(`/repos/${REPO}/git/refs`, { ref: "refs/heads/revert/hotfix/SHOP-42-discount", sha: BASE_HEAD })
      .reply(201, {});
    scope.post(`/repos/${REPO}/merges`).reply(201, { sha: MERGED, commit: { tree: { sha: "t-reverted" } } });
    scope
      .get(`/repos/${REPO}/git/commits/${BASE_HEAD}`)
      .reply(200, { sha: BASE_HEAD, parents: [], tree: { sha: "t-base" } });
    scope
      .post(`/repos/${REPO}/git/commits`, {
        message: `Revert "SHOP-42: fix discount total"\n\nThis reverts commit ${MERGE}, the merge of #12.\n\nTicket: SHOP-42`,
        tree: "t-reverted",
        parents: [BASE_HEAD],
      })
      .reply(201, { sha: "9".repeat(40) });
    scope
      .patch(`/repos/${REPO}/git/refs/heads%2Frevert%2Fhotfix%2FSHOP-42-discount`, { sha: "9".repeat(40), force: true })
      .reply(200, {});
    scope.post(`/repos/${REPO}/pulls`).reply(201, { number: 100, html_url: "u" });
    capturePosts(scope, posted);

    await receive(canaryFailed());

    expectAllMocksDone();
    expect(posted[0]).toContain("**Revert pull request:** #100 was opened");
  });

  it("opens no revert for a hotfix that is not merged", async () => {
    const scope = nock(API);
    const posted: string[] = [];
    mockSettings(scope, { config: AUTO_REVERT });
    const payload = canaryFailed();
    payload.deployment.sha = HEAD;
    mockCommitPulls(scope, REPO, HEAD, [hotfixPull(12, HEAD)]);
    mockComments(scope, posted, 1);
    capturePosts(scope, posted);

    await receive(payload);

    expectAllMocksDone();
    expect(posted[0]).toContain(
      "**No revert pull request:** #12 is not merged, so there is nothing to revert on main; close it or push a fix.",
    );
  });
});
