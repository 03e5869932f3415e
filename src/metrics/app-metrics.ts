import type { GitHubObserver } from "../github/paced-octokit.js";
import { Counter, Gauge, Histogram, renderMetrics } from "./prometheus.js";
import { readRuleVerdicts } from "./read-rule-verdicts.js";

export type DeliveryOutcome = "handled" | "failed" | "duplicate" | "rejected";

export interface AppMetrics extends GitHubObserver {
  /** A delivery for the commit `key` arrived now: the start of its webhook-to-check latency. */
  markReceived(key: string): void;
  countDelivery(event: string, outcome: DeliveryOutcome): void;
  /** The Prometheus text for `GET /metrics`. */
  render(): string;
}

/**
 * Seconds from a webhook's arrival to its completed check: GitHub answers in well under a second, a
 * slow GitHub in tens.
 */
const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
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
  const all = [
    evaluations,
    verdicts,
    latency,
    apiErrors,
    deliveries,
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
    countDelivery: (event, outcome) => deliveries.inc({ event, outcome }),
    render: () => renderMetrics(all),
  };
}
