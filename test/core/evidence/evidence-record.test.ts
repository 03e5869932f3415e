import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findApprovingReviewers } from "../../../src/core/evidence/approving-reviewers.js";
import { buildEvidenceJsonSchema } from "../../../src/core/evidence/build-evidence-json-schema.js";
import { buildEvidenceRecord } from "../../../src/core/evidence/build-evidence-record.js";
import { formatEvidenceBlock, readEvidenceBlock } from "../../../src/core/evidence/evidence-block.js";
import { formatEvidenceKey } from "../../../src/core/evidence/evidence-key.js";

const SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";

function record(reason = "Canary baked.") {
  return buildEvidenceRecord({
    repository: "o/r",
    sha: SHA,
    environment: "Production",
    decision: { allowed: true, reason },
    decidedAt: new Date("2026-11-21T12:00:00.000Z"),
    source: "protection-rule",
    deploymentId: 9,
    gate: {
      conclusion: "success",
      rules: [{ rule: "rollback-plan", verdict: "pass" }],
      override: { by: "lead", reason: "held over a pass", at: "2026-11-21T09:00:00Z" },
    },
  });
}

describe("findApprovingReviewers", () => {
  it("keeps each person's latest deciding review, counts APPROVED only, and never the author", () => {
    const reviews = [
      { id: 1, login: "Bob", state: "APPROVED", submittedAt: "2026-11-21T09:00:00Z" },
      { id: 2, login: "bob", state: "COMMENTED", submittedAt: "2026-11-21T09:30:00Z" },
      { id: 3, login: "carol", state: "APPROVED", submittedAt: "2026-11-21T09:00:00Z" },
      { id: 4, login: "carol", state: "CHANGES_REQUESTED", submittedAt: "2026-11-21T10:00:00Z" },
      { id: 5, login: "dave", state: "DISMISSED", submittedAt: "2026-11-21T09:00:00Z" },
      { id: 6, login: "dave", state: "APPROVED", submittedAt: "2026-11-21T10:00:00Z" },
      { id: 7, login: "ana", state: "APPROVED", submittedAt: "2026-11-21T10:00:00Z" },
      { id: 8, state: "APPROVED", submittedAt: "2026-11-21T10:00:00Z" },
      { id: 9, login: "erin", state: "PENDING" },
    ];
    expect(findApprovingReviewers(reviews, "ANA")).toEqual(["Bob", "dave"]);
  });
});

describe("the evidence/v1 record", () => {
  it("shows no override over a passing verdict: it changed nothing", () => {
    expect(record().override).toBeNull();
    expect(record().pullRequest).toBeNull();
    expect(record().canary).toBeNull();
  });

  it("keys one record per deployment (or commit) and decision, the environment without case", () => {
    expect(formatEvidenceKey(record())).toBe("evidence/v1:production:deployment-9:approved");
    expect(formatEvidenceKey({ ...record(), deploymentId: null, decision: "rejected" })).toBe(
      `evidence/v1:production:${SHA}:rejected`,
    );
  });

  it("reads back the record it writes, whatever backticks a value holds", () => {
    const tricky = record("a reason with ``` and ```` and a closing fence\n```");
    const text = `Some human text\n\n${formatEvidenceBlock(tricky)}`;
    expect(readEvidenceBlock(text)).toStrictEqual(tricky);
  });

  it("reads a v1 record written by a newer App, ignoring the fields it does not know", () => {
    const newer = { ...record(), addedLater: { anything: true } };
    expect(readEvidenceBlock(`\`\`\`json\n${JSON.stringify(newer)}\n\`\`\``)).toStrictEqual(record());
  });

  it("reads nothing from a text without a block, with a broken block, or with a record of another shape", () => {
    expect(readEvidenceBlock("no block")).toBeUndefined();
    expect(readEvidenceBlock("```json\n{ not json\n```")).toBeUndefined();
    expect(readEvidenceBlock('```json\n{"schema":"evidence/v2"}\n```')).toBeUndefined();
    expect(readEvidenceBlock(null)).toBeUndefined();
  });

  it("has its JSON Schema committed and fresh (npm run schema rewrites it)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../../schema/evidence-v1.json", import.meta.url), "utf8"));
    expect(committed).toEqual(buildEvidenceJsonSchema());
  });

  it("is documented field by field in docs/evidence.md", () => {
    const doc = readFileSync(new URL("../../../docs/evidence.md", import.meta.url), "utf8");
    const schema = buildEvidenceJsonSchema() as {
      properties: Record<string, { anyOf?: Array<{ properties?: object }>; properties?: object }>;
    };
    const names: string[] = [];
    for (const [name, value] of Object.entries(schema.properties)) {
      names.push(name);
      const inner = value.properties ?? value.anyOf?.find((v) => v.properties)?.properties;
      for (const child of Object.keys(inner ?? {})) names.push(`${name}.${child}`);
    }
    const missing = names.filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
