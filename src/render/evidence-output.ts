import { formatEvidenceBlock } from "../core/evidence/evidence-block.js";
import type { EvidenceRecord } from "../core/evidence/evidence-record.js";
import { toEvidenceConclusion } from "../core/to-conclusion.js";
import { MAX_OUTPUT_BYTES, MAX_TITLE, type CheckRunOutput } from "./check-run-output.js";
import { byteLength, table, truncateChars, truncateUtf8 } from "./markdown.js";
import { codeCell, escapeCell, plainText } from "./safe-markdown.js";

/**
 * The `single-patch-order/evidence` check run of one production decision: a short table for
 * people in the summary, and `output.text` ending with the `evidence/v1` record as a fenced `json`
 * block that a machine reads. The record is never cut: the human part before it is truncated
 * instead, so the whole stays within GitHub's 65,535 bytes.
 */
export function renderEvidenceOutput(record: EvidenceRecord): CheckRunOutput {
  const verb = record.decision === "approved" ? "approved" : "rejected";
  const pr = record.pullRequest ? ` (hotfix #${record.pullRequest.number})` : "";
  const title = truncateChars(`Production ${verb}: ${record.environment}${pr}`, MAX_TITLE);
  const summary = truncateUtf8(
    describeEvidence(record),
    MAX_OUTPUT_BYTES,
    "\n\n… truncated; the record in the text is whole.",
  );
  const block = formatEvidenceBlock(record);
  const intro = `The \`${record.schema}\` record of this decision (schema: docs/evidence.md). \`spo evidence\` reads it back.\n\n`;
  const reason = `**Reason:** ${escapeCell(record.reason)}\n\n`;
  const room = MAX_OUTPUT_BYTES - byteLength(block);
  const human = truncateUtf8(intro + reason, Math.max(0, room), "… truncated\n\n");
  return {
    conclusion: toEvidenceConclusion(record),
    title: plainText(title),
    summary,
    text: human + block,
    annotations: [],
  };
}

function describeEvidence(record: EvidenceRecord): string {
  const pull = record.pullRequest;
  const dash = "—";
  const rows: [string, string][] = [
    [
      "Decision",
      `${record.decision === "approved" ? "✅ approved" : "❌ rejected"} for ${codeCell(record.environment)}`,
    ],
    ["Commit", codeCell(record.sha)],
    ["Asked by", record.deploymentId === null ? record.source : `${record.source}, deployment ${record.deploymentId}`],
    ["Hotfix", pull ? `#${pull.number} by ${codeCell(pull.author)}` : dash],
    ["Merged", pull?.mergedAt ? `${pull.mergedAt} by ${codeCell(pull.mergedBy ?? "unknown")}` : dash],
    [
      "Approving reviewers",
      pull?.approvingReviewers.length ? pull.approvingReviewers.map((r) => codeCell(r)).join(", ") : "none",
    ],
    ["Ticket", record.ticket ? codeCell(record.ticket) : dash],
    ["Gate", record.gate ? describeGate(record.gate) : dash],
    [
      "Override",
      record.override
        ? `by ${codeCell(record.override.by)} at ${record.override.at}: ${escapeCell(record.override.reason)}`
        : "none",
    ],
    [
      "Canary",
      record.canary
        ? `deployment ${record.canary.id} to ${codeCell(record.canary.environment)}, succeeded ${record.canary.succeeded}, baked ${record.canary.bakedMinutes} min`
        : "none",
    ],
    ["Decided at", record.timeline.productionDecision],
  ];
  return table(["Fact", "Value"], rows);
}

function describeGate(gate: NonNullable<EvidenceRecord["gate"]>): string {
  const failing = gate.rules.filter((r) => r.verdict === "fail").map((r) => r.rule);
  const counts = `${gate.rules.filter((r) => r.verdict === "pass").length} pass, ${failing.length} fail`;
  return `${gate.conclusion ?? "none"} (${counts}${failing.length ? `: ${failing.join(", ")}` : ""})`;
}
