import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/core/errors.js";
import { byteLength } from "../../src/render/markdown.js";
import {
  decideUndecidable,
  MAX_REVIEW_COMMENT_BYTES,
  MAX_STATUS_DESCRIPTION_BYTES,
  renderGateJson,
  renderReviewComment,
  renderStatusDescription,
} from "../../src/render/deployment-messages.js";

const readyAt = new Date("2026-11-21T12:15:00.000Z");

describe("renderReviewComment", () => {
  it("says approved or rejected, for which environment, and why", () => {
    expect(renderReviewComment("canary", { allowed: true, reason: "It passed." })).toBe(
      "✅ **Approved** by Single Patch Order for `canary`: It passed.",
    );
    expect(renderReviewComment("canary", { allowed: false, reason: "It failed." })).toBe(
      "❌ **Rejected** by Single Patch Order for `canary`: It failed.",
    );
  });

  it("tells when a job rejected only for bake time can be re-run", () => {
    expect(renderReviewComment("production", { allowed: false, reason: "Baking.", readyAt })).toBe(
      "❌ **Rejected** by Single Patch Order for `production`: Baking.\n\n⏳ Ready at 2026-11-21T12:15:00Z. Re-run this job after that time and it will be approved, unless a canary fails meanwhile.",
    );
  });

  it("stays within GitHub's 1024-character limit and keeps the re-run line", () => {
    const comment = renderReviewComment("production", { allowed: false, reason: "é".repeat(5000), readyAt });
    expect(byteLength(comment)).toBeLessThanOrEqual(MAX_REVIEW_COMMENT_BYTES);
    expect(comment).toContain("…\n\n⏳ Ready at 2026-11-21T12:15:00Z.");
  });
});

describe("renderStatusDescription", () => {
  it("is at most 140 characters, on one line", () => {
    const description = renderStatusDescription({ allowed: false, reason: `a\nb ${"x".repeat(300)}` });
    expect(byteLength(description)).toBeLessThanOrEqual(MAX_STATUS_DESCRIPTION_BYTES);
    expect(description.startsWith("a b x")).toBe(true);
    expect(description.endsWith("…")).toBe(true);
  });

  it("says when to deploy again for bake time", () => {
    expect(renderStatusDescription({ allowed: false, reason: "long", readyAt })).toBe(
      "Canary bakes until 2026-11-21T12:15:00Z; deploy again after that.",
    );
  });
});

describe("renderGateJson", () => {
  it("carries readyAt only when bake time is what is missing", () => {
    expect(renderGateJson({ allowed: true, reason: "ok" })).toEqual({ allowed: true, reason: "ok" });
    expect(renderGateJson({ allowed: false, reason: "wait", readyAt })).toEqual({
      allowed: false,
      reason: "wait",
      readyAt: "2026-11-21T12:15:00Z",
    });
  });
});

describe("decideUndecidable", () => {
  it("refuses with the reason and GitHub's request id", () => {
    const decision = decideUndecidable(
      new SourceError("GitHub answered 502 while listing: bad gateway", true, "AB:12"),
    );
    expect(decision).toEqual({
      allowed: false,
      reason:
        "Refused because Single Patch Order could not decide: GitHub answered 502 while listing: bad gateway (GitHub request id AB:12). This may be temporary: deploy again to retry.",
    });
  });
});
