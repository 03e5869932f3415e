import { describe, expect, it } from "vitest";
import { findPayloadProblem } from "../../src/server/find-payload-problem.js";
import { loadWebhook } from "../../support/webhooks.js";

describe("the payload guard for pull_request.closed", () => {
  it("accepts the real delivery", () => {
    expect(findPayloadProblem("pull_request", loadWebhook("pull_request.closed"))).toBeUndefined();
  });

  it("refuses one without what the forward-port handler reads, before any GitHub call", () => {
    const payload = loadWebhook("pull_request.closed");
    delete payload.pull_request.merged;
    delete payload.pull_request.html_url;
    expect(findPayloadProblem("pull_request", payload)).toBe(
      "the pull_request payload lacks pull_request.merged, pull_request.html_url",
    );
  });
});
