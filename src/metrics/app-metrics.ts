import { findLeadTimeSeconds, type EvidenceWatch } from "../core/evidence/evidence-watch.js";
import type { GitHubObserver } from "../github/paced-octokit.js";
import { Counter, Gauge, Histogram, renderMetrics } from "./prometheus.js";
import { readRuleVerdicts } from "../render/read-report-table.js";

export type DeliveryOutcome = "handled" | "failed" | "duplicate" | "rejected";
/** A catch-up pass: `done`, `skipped` (another replica or the previous pass holds it) or `error`. */
export type CatchUpPassOutcome = "done" | "skipped" | "error";
export type RedeliveryOutcome = "accepted" | "refused" | "error";
/**
 * What the open-heads index answered a passing verdict: `alone` (no other open PR has its head:
 * published with no look-up), `shared` (another PR has it) or `unknown` (not seeded, expired,
 * Redis failing), the last two looked up; `late`: asked again once an `alone` verdict was
 * published, the index no longer said alone (a PR noted on the commit meanwhile, or unsure), so it
 * was looked up and published again.
 */
export type OpenHeadsAnswer = "alone" | "shared" | "unknown" | "late";

export interface AppMetrics extends GitHubObserver, EvidenceWatch {
  /** A delivery for the commit `key` arrived now: the start of its webhook-to-check latency. */
  markReceived(key: string): void;
  countDelivery(event: string, outcome: DeliveryOutcome): void;
  countCatchUpPass(outcome: CatchUpPassOutcome): void;
  countRedelivery(outcome: RedeliveryOutcome): void;
  countOpenHeadsAnswer(answer: OpenHeadsAnswer): void;
  /** Deliveries of the window that no attempt answered 2xx, as the last catch-up pass listed them. */
  setUnrepairedDeliveries(count: number): void;
  /** The Prometheus text for `GET /metrics`. */
  render(): string;
}

/**
 * Seconds from a webhook's arrival to its completed check: GitHub answers in well under a second, a
 * slow GitHub in tens.
 */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
/**
 * Seconds from a hotfix PR's opening to its production approval: a quick fix ships within hours, a
 * slow one in days.
 */
const LEAD_TIME_BUCKETS = [900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 172_800, 259_200, 604_800, 1_209_600];
/** Commits waiting for their check; the oldest are dropped first (a delivery that leads to no check). */
const MAX_PENDING = 10_000;

/**
 * The App's metrics. Evaluations and rule verdicts are counted from the checks the App publishes
 * (the report's own table), so every front of the judgement (a push, a re-run, a comment) counts
 * alike. Latency is matched by commit rather than followed through async context: Node 20's
 * AsyncLocalStorage costs every promise a hook, measurably.
 */
export function createAppMetrics(inFlight: () => number, now = () => performance.now()): AppMetrics {
  const evaluations = new Counter("spo_evaluations_total", "Completed checks published, by check name and conclusion.");
  const verdicts = new Counter(
    "spo_rule_verdicts_total",
    "Rule verdicts in published gate reports, by rule and verdict.",
  );
  const latency = new Histogram(
    "spo_webhook_to_check_seconds",
    "Seconds from a webhook's arrival to its completed check run.",
    LATENCY_BUCKETS,
  );
  const apiErrors = new Counter(
    "spo_github_api_errors_total",
    "GitHub API responses with an error status (every attempt, retries included), by status.",
  );
  const deliveries = new Counter(
    "spo_webhook_deliveries_total",
    "Signed webhook deliveries, by event and outcome (handled, failed, duplicate, rejected).",
  );
  const passes = new Counter("spo_catchup_passes_total", "Catch-up passes, by outcome (done, skipped, error).");
  const redeliveries = new Counter(
    "spo_catchup_redeliveries_total",
    "Redeliveries the catch-up asked GitHub for, by GitHub's answer (accepted, refused, error).",
  );
  const leadTime = new Histogram(
    "spo_hotfix_lead_time_seconds",
    "Seconds from a hotfix PR's opening to its production approval, per evidence record written.",
    LEAD_TIME_BUCKETS,
  );
  const evidence = new Counter(
    "spo_evidence_records_total",
    "Evidence records of production decisions written, by decision (approved, rejected).",
  );
  const evidenceFailures = new Counter(
    "spo_evidence_write_failures_total",
    "Production decisions whose evidence could not be written (the decision itself stood).",
  );
  const openHeads = new Counter(
    "spo_open_heads_answers_total",
    "Open-heads index answers to passing verdicts, by answer (alone: no open-PR look-up; shared, unknown: looked up; late: looked up after publishing).",
  );
  let unrepaired = 0;
  const all = [
    leadTime,
    evidence,
    evidenceFailures,
    evaluations,
    verdicts,
    latency,
    apiErrors,
    deliveries,
    passes,
    redeliveries,
    openHeads,
    new Gauge(
      "spo_catchup_unrepaired_deliveries",
      "Deliveries of the catch-up window that no attempt answered 2xx, at the last pass (before its redeliveries).",
      () => unrepaired,
    ),
    new Gauge("spo_deliveries_in_flight", "Deliveries being handled now.", inFlight),
    new Gauge("process_resident_memory_bytes", "Resident memory of the process, in bytes.", () =>
      process.memoryUsage.rss(),
    ),
  ];
  const pending = new Map<string, number>();
  return {
    apiError: (status) => apiErrors.inc({ status }),
    markReceived(key) {
      pending.delete(key);
      pending.set(key, now());
      if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value!);
    },
    checkCompleted(check) {
      evaluations.inc({ check: check.name, conclusion: check.conclusion });
      for (const { rule, verdict } of readRuleVerdicts(check.summary)) verdicts.inc({ rule, verdict });
      const receivedAt = check.key === undefined ? undefined : pending.get(check.key);
      if (receivedAt === undefined) return;
      pending.delete(check.key!);
      latency.observe((now() - receivedAt) / 1000);
    },
    evidenceRecorded(record) {
      evidence.inc({ decision: record.decision });
      const seconds = findLeadTimeSeconds(record);
      if (seconds !== undefined) leadTime.observe(seconds);
    },
    evidenceFailed: () => evidenceFailures.inc(),
    countDelivery: (event, outcome) => deliveries.inc({ event, outcome }),
    countCatchUpPass: (outcome) => passes.inc({ outcome }),
    countRedelivery: (outcome) => redeliveries.inc({ outcome }),
    countOpenHeadsAnswer: (answer) => openHeads.inc({ answer }),
    setUnrepairedDeliveries(count) {
      unrepaired = count;
    },
    render: () => renderMetrics(all),
  };
}
