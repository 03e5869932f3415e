import type { EvidenceRecord } from "./evidence-record.js";

/** What happened to a hotfix's commit around its production approval, from its deployments. */
export interface HotfixOutcome {
  /** A canary deployment of the commit reported `failure` or `error`. */
  failedCanary: boolean;
  /** A production deployment of the commit reported `failure` or `error` (it was rolled back). */
  rolledBack: boolean;
}

/** Median and 90th percentile of a set of durations, in seconds; null when the set is empty. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface WeekPoint {
  /** ISO week, `2026-W47`. */
  week: string;
  hotfixes: number;
  medianTimeToProduction: number | null;
}

/** The hotfix lifecycle in numbers over a range (SPEC §11 `--summary`). */
export interface EvidenceSummary {
  /** Production hotfixes: commits of a hotfix PR approved for production in the range (the first approval counts). */
  hotfixes: number;
  /** PR opened → production approval. */
  timeToProduction: Spread;
  /** Canary success (the start of the bake) → production approval. */
  timeInCanary: Spread;
  /** Hotfixes with a failed canary or a rollback, over all hotfixes; null with none. */
  changeFailureRate: number | null;
  failed: number;
  /** Hotfixes approved through an override, over all hotfixes; null with none. */
  overrideRate: number | null;
  overridden: number;
  weeks: WeekPoint[];
}

/**
 * The lifecycle numbers of the approved production records: one hotfix per commit (its first
 * approval; a second environment or a re-run is the same hotfix), records without a PR left out.
 * Median: the middle value, or the mean of the two middle ones; p90: the nearest rank (the
 * smallest value with at least 90% of the values at or below it). Pure.
 */
export function summarizeEvidence(
  records: readonly EvidenceRecord[],
  outcomes: ReadonlyMap<string, HotfixOutcome>,
): EvidenceSummary {
  const first = new Map<string, EvidenceRecord>();
  for (const record of [...records].sort((a, b) => decidedAt(a) - decidedAt(b))) {
    if (record.decision === "approved" && record.pullRequest && !first.has(record.sha)) first.set(record.sha, record);
  }
  const hotfixes = [...first.values()];
  const leadTimes = hotfixes.flatMap((r) => seconds(r.timeline.prOpened, r.timeline.productionDecision));
  const canaryTimes = hotfixes.flatMap((r) => seconds(r.canary?.succeeded ?? null, r.timeline.productionDecision));
  const failed = hotfixes.filter((r) => {
    const outcome = outcomes.get(r.sha);
    return Boolean(outcome?.failedCanary || outcome?.rolledBack);
  }).length;
  const overridden = hotfixes.filter((r) => r.override).length;
  return {
    hotfixes: hotfixes.length,
    timeToProduction: spread(leadTimes),
    timeInCanary: spread(canaryTimes),
    changeFailureRate: hotfixes.length ? failed / hotfixes.length : null,
    failed,
    overrideRate: hotfixes.length ? overridden / hotfixes.length : null,
    overridden,
    weeks: byWeek(hotfixes),
  };
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return { count: 0, median: null, p90: null };
  const middle = Math.floor(n / 2);
  const median = n % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: n, median, p90: sorted[Math.ceil(0.9 * n) - 1]! };
}

function byWeek(hotfixes: readonly EvidenceRecord[]): WeekPoint[] {
  const weeks = new Map<string, EvidenceRecord[]>();
  for (const record of hotfixes) {
    const week = isoWeek(new Date(decidedAt(record)));
    weeks.set(week, [...(weeks.get(week) ?? []), record]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, list]) => ({
      week,
      hotfixes: list.length,
      medianTimeToProduction: spread(list.flatMap((r) => seconds(r.timeline.prOpened, r.timeline.productionDecision)))
        .median,
    }));
}

/** ISO 8601 week of a UTC date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function decidedAt(record: EvidenceRecord): number {
  return Date.parse(record.timeline.productionDecision);
}

function seconds(from: string | null, to: string): number[] {
  if (!from) return [];
  const value = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(value) && value >= 0 ? [value] : [];
}
