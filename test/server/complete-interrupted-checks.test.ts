import { describe, expect, it } from "vitest";
import { findInterruptedCheck } from "../../src/server/complete-interrupted-checks.js";
import { loadWebhook } from "../../support/webhooks.js";

describe("findInterruptedCheck", () => {
  it("finds the head SHA of an open pull request", () => {
    const payload = { ...loadWebhook("pull_request.synchronize"), installation: { id: 9 } };
    expect(findInterruptedCheck({ id: "d", event: "pull_request", payload })).toEqual({
      installationId: 9,
      repo: { owner: payload.repository.owner.login, repo: payload.repository.name },
      headSha: payload.pull_request.head.sha,
      externalId: String(payload.pull_request.number),
    });
  });

  it("finds the head SHA of a re-run of the gate check", () => {
    const payload = { ...loadWebhook("check_run.rerequested"), installation: { id: 9 } };
    payload.check_run.name = "single-patch-order";
    expect(findInterruptedCheck({ id: "d", event: "check_run", payload })).toMatchObject({
      headSha: payload.check_run.head_sha,
    });
  });

  it("names no check for other deliveries", () => {
    const comment = { ...loadWebhook("issue_comment.created"), installation: { id: 9 } };
    const closed = { ...loadWebhook("pull_request.closed"), installation: { id: 9 } };
    expect(findInterruptedCheck({ id: "d", event: "issue_comment", payload: comment })).toBeUndefined();
    expect(findInterruptedCheck({ id: "d", event: "pull_request", payload: closed })).toBeUndefined();
  });
});
