import { iso } from "../core/deploy/decide-production.js";
import type { EvidenceRow } from "../core/evidence/audit-evidence.js";
import type { EvidenceSummary, Spread } from "../core/evidence/summarize-evidence.js";
import { table } from "./markdown.js";
import { codeCell, escapeCell } from "./safe-markdown.js";

/** The formats of `spo evidence`. */
export const EVIDENCE_FORMATS = ["markdown", "csv", "jsonl"] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

/** The CSV columns, in order: what an auditor's spreadsheet gets. */
export const CSV_COLUMNS = [
  "decided_at",
  "repository",
  "sha",
  "environment",
  "decision",
  "source",
  "deployment_id",
  "pr",
  "author",
  "merged_by",
  "merged_at",
  "approving_reviewers",
  "ticket",
  "gate",
  "failing_rules",
  "override_by",
  "override_reason",
  "override_at",
  "canary_deployment",
  "canary_succeeded",
  "baked_minutes",
  "pr_opened",
  "exceptions",
  "check_run",
  "reason",
] as const;

export function formatEvidence(rows: readonly EvidenceRow[], format: EvidenceFormat): string {
  if (format === "jsonl") return rows.map((row) => `${JSON.stringify(toJsonRow(row))}\n`).join("");
  if (format === "csv") return formatCsv(rows);
  return formatMarkdown(rows);
}

/**
 * One JSON line per row: a decision carries its `evidence/v1` record untouched (`record`), the
 * run it was read from and its exceptions; a bypass carries the deployment.
 */
function toJsonRow(row: EvidenceRow): Record<string, unknown> {
  if (row.kind === "bypass") return { kind: "bypass", exceptions: row.exceptions, deployment: row.deployment };
  return {
    kind: "decision",
    exceptions: row.exceptions,
    checkRun: { id: row.found.runId, url: row.found.url ?? null },
    record: row.found.record,
  };
}

function toCells(row: EvidenceRow): Record<(typeof CSV_COLUMNS)[number], string> {
  if (row.kind === "bypass") {
    const d = row.deployment;
    return {
      ...Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])),
      decided_at: d.succeededAt ?? d.createdAt,
      sha: d.sha,
      environment: d.environment,
      decision: "none",
      deployment_id: String(d.id),
      exceptions: row.exceptions.join(" "),
      reason: `production deployment ${d.id} reached success with no approval by the App${d.creator ? ` (created by ${d.creator})` : ""}`,
    } as Record<(typeof CSV_COLUMNS)[number], string>;
  }
  const r = row.found.record;
  const pr = r.pullRequest;
  return {
    decided_at: r.timeline.productionDecision,
    repository: r.repository,
    sha: r.sha,
    environment: r.environment,
    decision: r.decision,
    source: r.source,
    deployment_id: r.deploymentId === null ? "" : String(r.deploymentId),
    pr: pr ? String(pr.number) : "",
    author: pr?.author ?? "",
    merged_by: pr?.mergedBy ?? "",
    merged_at: pr?.mergedAt ?? "",
    approving_reviewers: pr?.approvingReviewers.join(" ") ?? "",
    ticket: r.ticket ?? "",
    gate: r.gate?.conclusion ?? "",
    failing_rules: (r.gate?.rules ?? [])
      .filter((x) => x.verdict === "fail")
      .map((x) => x.rule)
      .join(" "),
    override_by: r.override?.by ?? "",
    override_reason: r.override?.reason ?? "",
    override_at: r.override?.at ?? "",
    canary_deployment: r.canary ? String(r.canary.id) : "",
    canary_succeeded: r.canary?.succeeded ?? "",
    baked_minutes: r.canary ? String(r.canary.bakedMinutes) : "",
    pr_opened: r.timeline.prOpened ?? "",
    exceptions: row.exceptions.join(" "),
    check_run: row.found.url ?? String(row.found.runId),
    reason: r.reason,
  };
}

/** RFC 4180, with a header; a cell a spreadsheet would run as a formula starts with `'` (CSV injection). */
function formatCsv(rows: readonly EvidenceRow[]): string {
  const lines = [
    CSV_COLUMNS.join(","),
    ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(toCells(row)[c])).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function formatMarkdown(rows: readonly EvidenceRow[]): string {
  if (!rows.length) return "No production decision or deployment in the range.\n";
  const body = rows.map((row) => {
    const c = toCells(row);
    const decision =
      row.kind === "bypass" ? "⚠️ no approval" : c.decision === "approved" ? "✅ approved" : "❌ rejected";
    return [
      c.decided_at,
      codeCell(c.sha.slice(0, 7)),
      codeCell(c.environment),
      decision,
      c.pr ? `#${c.pr}` : "—",
      c.ticket ? codeCell(c.ticket) : "—",
      c.approving_reviewers
        ? c.approving_reviewers
            .split(" ")
            .map((r) => codeCell(r))
            .join(", ")
        : "—",
      c.override_by ? `${codeCell(c.override_by)}: ${escapeCell(c.override_reason)}` : "—",
      c.baked_minutes ? `${c.baked_minutes} min` : "—",
      c.exceptions ? c.exceptions.split(" ").join(", ") : "—",
    ];
  });
  const headers = [
    "Decided",
    "Commit",
    "Environment",
    "Decision",
    "PR",
    "Ticket",
    "Approved by",
    "Override",
    "Canary",
    "Exceptions",
  ];
  const flagged = rows.filter((r) => r.exceptions.length).length;
  const tail = flagged ? `\n${flagged} of ${rows.length} rows have exceptions.\n` : "\nNo exceptions.\n";
  return `${table(headers, body)}\n${tail}`;
}

/** The `--summary`: the numbers, then a text chart of the median time to production per week. */
export function formatEvidenceSummary(
  summary: EvidenceSummary,
  range: { since: Date; until: Date },
  rows: readonly EvidenceRow[] = [],
): string {
  const lines = [
    `Production hotfixes from ${iso(range.since)} until ${iso(range.until)}: ${summary.hotfixes}`,
    `Time to production (PR opened → production approval): ${describeSpread(summary.timeToProduction)}`,
    `Time in canary (canary success → production approval): ${describeSpread(summary.timeInCanary)}`,
    `Change failure rate (failed canary or rollback): ${rate(summary.failed, summary.changeFailureRate, summary.hotfixes)}`,
    `Override rate: ${rate(summary.overridden, summary.overrideRate, summary.hotfixes)}`,
    describeExceptions(rows),
  ];
  const weeks = summary.weeks.filter((w) => w.medianTimeToProduction !== null);
  if (weeks.length) {
    const max = Math.max(...weeks.map((w) => w.medianTimeToProduction!));
    lines.push("", "Median time to production per week:");
    for (const w of weeks) {
      const bar = "█".repeat(Math.max(1, Math.round((w.medianTimeToProduction! / max) * 30)));
      lines.push(`  ${w.week}  ${bar} ${duration(w.medianTimeToProduction!)} (${w.hotfixes})`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The exit code's reason, in one line: how many rows have which exception. */
function describeExceptions(rows: readonly EvidenceRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) for (const kind of row.exceptions) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const flagged = rows.filter((row) => row.exceptions.length).length;
  if (!flagged) return "Exceptions: none";
  const kinds = [...counts].map(([kind, n]) => `${kind} ${n}`).join(", ");
  return `Exceptions: ${flagged} of ${rows.length} rows (${kinds}); run without --summary to list them`;
}

function describeSpread(spread: Spread): string {
  if (spread.median === null || spread.p90 === null) return "none";
  return `median ${duration(spread.median)}, p90 ${duration(spread.p90)} (${spread.count})`;
}

function rate(count: number, value: number | null, of: number): string {
  return value === null ? "none" : `${(value * 100).toFixed(1)}% (${count} of ${of})`;
}

/** A duration for people: minutes under 2 hours, hours under 2 days, then days; one decimal. */
export function duration(seconds: number): string {
  const minutes = seconds / 60;
  if (minutes < 120) return `${trim(minutes)} min`;
  if (minutes < 2_880) return `${trim(minutes / 60)} h`;
  return `${trim(minutes / 1_440)} d`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** One line: a refused token, GitHub out of reach, or what GitHub answered. */
export function formatEvidenceError(error: unknown, repo: string, apiUrl: string): string {
  const cause = (error as { cause?: { status?: number; response?: unknown; message?: string } }).cause ?? error;
  const status = (cause as { status?: number }).status;
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  if (status === 401)
    return `spo evidence: GitHub refused the token (401 Bad credentials) at ${apiUrl}: set GITHUB_TOKEN to a valid token that can read ${repo}.\n`;
  if (status === 404) return `spo evidence: ${repo} was not found at ${apiUrl}, or the token cannot read it (404).\n`;
  if (status === undefined) return `spo evidence: could not reach GitHub at ${apiUrl}: ${reason}\n`;
  return `spo evidence: ${reason}\n`;
}
