import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import {
  captureComments,
  gateRecord,
  gateRun,
  mockGateRuns,
  mockHeadCommit,
  mockRole,
  prComment,
  pullRequest,
} from "../helpers/pull-request-comments.js";
import { AUTHOR, REASON, REPO, publishAndList, pullRequestEvent } from "./attack-helpers.js";

/**
 * Issue 9, item 5: an admin who pushed the failing head onto someone else's PR overrides it.
 * The push is judged first (the App records its sender in its own check), then the pusher asks.
 */

const ADMIN = "release-lead";

async function receive(name: string, payload: unknown) {
  await createTestProbot().receive({ id: `push-${Math.random()}`, name, payload } as never);
}

/** The admin's `/spo override`, with the head read back: pulls.get, our runs, the commit. */
async function askOverride(runs: unknown[], people: { author?: string | null; committer?: string | null }) {
  const scope = nock(API);
  mockSettings(scope);
  mockRole(scope, ADMIN, "admin");
  scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
  mockGateRuns(scope, runs);
  mockHeadCommit(scope, people);
  const replies = captureComments(scope);
  await receive("issue_comment", prComment(`/spo override ${REASON}`, ADMIN));
  expectAllMocksDone();
  return replies;
}

const REFUSED = (why: string) =>
  new RegExp(`^@${ADMIN} Your override did not count: ${why}, and a break-glass override needs a second person\\.`);

describe("attack: override your own push", () => {
  it("refuses the admin who pushed the failing head onto the author's PR", async () => {
    const pushRun = await publishAndList(receive, pullRequestEvent("synchronize", ADMIN), 8001);
    expectAllMocksDone();

    const replies = await askOverride([pushRun], { author: AUTHOR, committer: AUTHOR });

    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(REFUSED("you pushed its head commit"));
  });

  it("refuses the head commit's author and its committer, whoever pushed it", async () => {
    const pushed = [gateRun(1, gateRecord({ pushedBy: AUTHOR }))];
    expect((await askOverride(pushed, { author: ADMIN, committer: "web-flow" }))[0]).toMatch(
      REFUSED("you are the author of its head commit"),
    );
    expect((await askOverride(pushed, { author: null, committer: ADMIN }))[0]).toMatch(
      REFUSED("you are the committer of its head commit"),
    );
  });

  it("refuses, saying why, when the App never saw who pushed the head", async () => {
    const replies = await askOverride([gateRun(1, gateRecord())], { author: AUTHOR, committer: "web-flow" });
    expect(replies[0]).toMatch(
      /^@release-lead Your override did not count: Single Patch Order did not see who pushed the head commit/,
    );
  });
});
