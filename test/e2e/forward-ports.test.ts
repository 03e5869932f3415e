import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { buildOnce } from "./build-once.js";
import { describeCalls, isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const MERGE = "a2".repeat(20);
const HOTFIX_COMMIT = "a1".repeat(20);
/** The built App runs on the real clock: merged an hour ago, due in 71 hours. */
const MERGED_AT = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const DUE = `${new Date(MERGED_AT.getTime() + 72 * 3_600_000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The real `pull_request` delivery, closed: hotfix #2 merged into release/1.4. */
function mergedHotfix() {
  const payload = pullRequestEvent({ installationId: 77 });
  payload.action = "closed";
  Object.assign(payload.pull_request, {
    state: "closed",
    merged: true,
    merged_at: MERGED_AT.toISOString(),
    merge_commit_sha: MERGE,
  });
  payload.pull_request.base.ref = "release/1.4";
  return payload;
}

/** What GitHub answers for the twin search: the hotfix's commit, and `main` with or without the twin. */
function answerTwinSearch(harnessed: Harness, twin: boolean) {
  const { github } = harnessed;
  const on = (pattern: RegExp, body: unknown, accept?: RegExp) =>
    github.inject({
      match: (r: RecordedRequest) =>
        r.method === "GET" && pattern.test(r.path) && (!accept || accept.test(String(r.headers.accept))),
      reply: { status: 200, body },
    });
  on(new RegExp(`^/repos/${REPO}/pulls/2/commits\\?`), [
    { sha: HOTFIX_COMMIT, commit: { message: "Fix", author: { date: MERGED_AT.toISOString() } } },
  ]);
  on(new RegExp(`^/repos/${REPO}/commits\\?sha=main&`), []);
  on(
    new RegExp(`^/repos/${REPO}/pulls\\?state=closed&.*base=main`),
    twin
      ? [
          {
            number: 57,
            title: "SHOP-42: forward-port the discount fix",
            body: "",
            labels: [],
            head: { ref: "forward-port/2-to-main" },
            base: { ref: "main" },
            merge_commit_sha: "b2".repeat(20),
            merged_at: "2026-11-21T11:00:00Z",
            updated_at: "2026-11-21T11:00:00Z",
            created_at: "2026-11-21T10:30:00Z",
            html_url: `https://github.com/${REPO}/pull/57`,
          },
        ]
      : [],
  );
  on(new RegExp(`^/repos/${REPO}/pulls/2$`), "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n", /diff/);
  on(new RegExp(`^/repos/${REPO}/commits/${MERGE}\\?`), {
    sha: MERGE,
    parents: [{ sha: "0".repeat(40) }],
    commit: { message: "Fix (#2)" },
  });
}

describe("the built App follows a merged hotfix up (forwardPort.mode: after)", () => {
  it("publishes an action_required forward-port check on the merge commit while main has no twin", async () => {
    harness = await startHarness();
    harness.github.repos.configs.set(REPO, "forwardPort:\n  mode: after\n");
    answerTwinSearch(harness, false);

    const reply = await sendWebhook(harness.app.url, { event: "pull_request", payload: mergedHotfix() });

    expect(reply.status).toBe(200);
    expect(describeCalls(harness.github.requests.slice(1)).map((c) => c.replace(/since=[^&]+&/, "since=…&"))).toEqual([
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      // Every config read also reads the org file, for its floor (SPEC §12).
      `GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2/commits?per_page=100&page=1`,
      `GET /repos/${REPO}/commits?sha=main&since=…&per_page=100&page=1`,
      `GET /repos/${REPO}/pulls?state=closed&sort=updated&direction=desc&per_page=100&page=1&base=main`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/commits/${MERGE}?per_page=1`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    const check = harness.github.requests.find(isCheckRunPost)!.body;
    expect(check).toMatchObject({
      name: "single-patch-order/forward-port",
      head_sha: MERGE,
      status: "completed",
      conclusion: "action_required",
      details_url: expect.stringMatching(/\/pull\/2$/),
      external_id: "forward-port:2",
      output: { title: `Forward-port to main needed by ${DUE}` },
    });
    expect(check.output.summary).toContain(`git cherry-pick -x ${MERGE}`);
  });

  it("publishes success naming the twin when main has it", async () => {
    harness = await startHarness();
    harness.github.repos.configs.set(REPO, "forwardPort:\n  mode: after\n");
    answerTwinSearch(harness, true);

    await sendWebhook(harness.app.url, { event: "pull_request", payload: mergedHotfix() });

    expect(harness.github.requests.find(isCheckRunPost)!.body).toMatchObject({
      conclusion: "success",
      output: { title: "Forward-ported to main: #57" },
    });
  });
});
