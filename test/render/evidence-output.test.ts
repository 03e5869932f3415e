import { describe, expect, it } from "vitest";
import { buildEvidenceRecord } from "../../src/core/evidence/build-evidence-record.js";
import { readEvidenceBlock } from "../../src/core/evidence/evidence-block.js";
import { MAX_OUTPUT_BYTES } from "../../src/render/check-run-output.js";
import { renderEvidenceOutput } from "../../src/render/evidence-output.js";
import { byteLength } from "../../src/render/markdown.js";

function record(reason: string, overrideReason = "INC-1 checkout is down") {
  return buildEvidenceRecord({
    repository: "o/r",
    sha: "f".repeat(40),
    environment: "production",
    decision: { allowed: false, reason },
    decidedAt: new Date("2026-11-21T12:00:00Z"),
    source: "gate-endpoint",
    pull: { number: 12, author: "ana", mergedAt: null, openedAt: "2026-11-21T08:00:00Z", reviews: [] },
    gate: {
      conclusion: "success",
      rules: [{ rule: "rollback-plan", verdict: "fail" }],
      ticket: "SHOP-42",
      override: { by: "lead", reason: overrideReason, at: "2026-11-21T09:30:00Z" },
    },
  });
}

describe("renderEvidenceOutput", () => {
  it("is neutral for a rejection, with a short table and the record at the end of the text", () => {
    const output = renderEvidenceOutput(record("f fffffff has not been deployed to canary."));
    expect(output.conclusion).toBe("neutral");
    expect(output.title).toBe("Production rejected: production (hotfix #12)");
    expect(output.summary).toContain("| Override | by `lead` at 2026-11-21T09:30:00Z: INC-1 checkout is down |");
    expect(readEvidenceBlock(output.text)).toStrictEqual(record("f fffffff has not been deployed to canary."));
  });

  it("cuts the human part, never the record, to stay within GitHub's 65,535 bytes", () => {
    const long = record(`${"é".repeat(25_000)} end`);
    const output = renderEvidenceOutput(long);
    expect(byteLength(output.text!)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(byteLength(output.summary)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(output.text).toContain("… truncated");
    expect(readEvidenceBlock(output.text)).toStrictEqual(long);
  });

  it("shows user text without a mention, an HTML comment or a broken table", () => {
    const output = renderEvidenceOutput(record("r", "@octo-org/admins <!-- hide --> | x"));
    expect(output.summary).not.toMatch(/(^|[^\w])@[a-z]/);
    expect(output.summary).not.toContain("<!--");
    expect(output.summary).toContain("\\| x");
    // The record keeps the reason verbatim: inside a fenced block nothing is a mention or a comment.
    expect(readEvidenceBlock(output.text)?.override?.reason).toBe("@octo-org/admins <!-- hide --> | x");
  });
});
