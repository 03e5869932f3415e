import { describe, expect, it } from "vitest";
import { MAX_COMMENT_BYTES, renderExplain } from "../../src/render/command-replies.js";
import { renderOverrideComment } from "../../src/render/override-comment.js";

const record = {
  sha: "f".repeat(40),
  by: "lead",
  reason: "INC-9 <b>checkout</b> | down -->",
  at: "2026-11-21T12:00:00Z",
  comment: 42,
};

describe("renderOverrideComment", () => {
  it("keeps the comment within GitHub's limit, however many findings, and carries no machine record", () => {
    const failed = Array.from({ length: 500 }, (_, i) => ({
      ruleId: `rule-${i}`,
      verdict: "fail" as const,
      message: "x".repeat(500),
    }));
    const body = renderOverrideComment({ record, grant: { kind: "user" }, failed, label: "spo:overridden" });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
    expect(body).toContain("**… truncated:");
    expect(body).not.toContain("<!--");
  });

  it("escapes the reason in the table", () => {
    const body = renderOverrideComment({
      record,
      grant: { kind: "role", role: "maintain" },
      failed: [],
      label: "spo:overridden",
    });
    expect(body).toContain("| Why | INC-9 &lt;b&gt;checkout&lt;/b&gt; \\| down --\u200B&gt; |");
    expect(body).toContain("| Who | @lead (`maintain` role on the repository) |");
  });
});

describe("renderExplain", () => {
  it("cuts a report that would not fit in a comment", () => {
    const output = {
      conclusion: "failure" as const,
      title: "1 rule fails",
      summary: "é".repeat(MAX_COMMENT_BYTES),
      annotations: [],
    };
    const body = renderExplain("reader", "a".repeat(40), output);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
    expect(body).toMatch(/GitHub takes at most 65,536 characters in a comment/);
  });
});
