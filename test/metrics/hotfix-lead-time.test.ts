import { describe, expect, it } from "vitest";
import type { EvidenceRecord } from "../../src/core/evidence/evidence-record.js";
import { createAppMetrics } from "../../src/metrics/app-metrics.js";

function record(overrides: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return {
    schema: "evidence/v1",
    repository: "o/r",
    sha: "f".repeat(40),
    environment: "production",
    decision: "approved",
    reason: "Canary baked.",
    source: "protection-rule",
    deploymentId: 1,
    pullRequest: null,
    ticket: null,
    gate: null,
    override: null,
    canary: null,
    timeline: {
      prOpened: "2026-11-21T08:00:00Z",
      merged: null,
      canary: null,
      productionDecision: "2026-11-21T12:00:00Z",
    },
    ...overrides,
  };
}

describe("spo_hotfix_lead_time_seconds", () => {
  it("observes PR opened → production approval for approvals only, and counts records and failed writes", () => {
    const metrics = createAppMetrics(() => 0);
    metrics.evidenceRecorded(record());
    metrics.evidenceRecorded(record({ decision: "rejected" }));
    metrics.evidenceRecorded(
      record({ timeline: { prOpened: null, merged: null, canary: null, productionDecision: "2026-11-21T12:00:00Z" } }),
    );
    metrics.evidenceFailed();

    const text = metrics.render();
    expect(text).toContain("# TYPE spo_hotfix_lead_time_seconds histogram");
    expect(text).toContain('spo_hotfix_lead_time_seconds_bucket{le="7200"} 0');
    expect(text).toContain('spo_hotfix_lead_time_seconds_bucket{le="14400"} 1');
    expect(text).toContain('spo_hotfix_lead_time_seconds_bucket{le="+Inf"} 1');
    expect(text).toContain("spo_hotfix_lead_time_seconds_sum 14400");
    expect(text).toContain("spo_hotfix_lead_time_seconds_count 1");
    expect(text).toContain('spo_evidence_records_total{decision="approved"} 2');
    expect(text).toContain('spo_evidence_records_total{decision="rejected"} 1');
    expect(text).toContain("spo_evidence_write_failures_total 1");
  });
});
