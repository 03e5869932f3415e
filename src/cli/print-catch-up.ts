import type { CatchUpReport, Redelivery } from "../flows/catch-up-deliveries.js";

const LABEL: Record<Redelivery["outcome"], string> = {
  accepted: "redelivered",
  refused: "refused    ",
  error: "error      ",
};

/** What `spo catchup` prints: a summary line, then one line per redelivery asked for. */
export function formatCatchUp(report: CatchUpReport, since: Date): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `spo catchup: ${plural(report.attempts, "delivery attempt")} since ${since.toISOString()} (${plural(report.pages, "page")}); ${plural(report.unrepaired, "delivery")} without a 2xx answer`,
    ...report.redeliveries.map((r) => {
      const name = r.action ? `${r.event}.${r.action}` : r.event;
      const why = r.outcome === "accepted" ? "" : `: ${"status" in r && r.status ? `${r.status} ` : ""}${r.reason}`;
      return `  ${LABEL[r.outcome]}  ${name}  ${r.guid}  (attempt ${r.id}, first tried ${r.firstAttemptAt})${why}`;
    }),
  ];
  if (report.alreadyRedelivered)
    lines.push(`  ${plural(report.alreadyRedelivered, "delivery")} redelivered before and failed again: left alone`);
  if (!report.unrepaired) lines.push("  nothing to redeliver");
  return `${lines.join("\n")}\n`;
}
