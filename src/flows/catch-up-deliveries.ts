import { type FailedDelivery, findFailedDeliveries } from "../github/find-failed-deliveries.js";
import type { GitHubClient } from "../github/github-client.js";
import { listHookDeliveriesSince, type RedeliveryAnswer, redeliverHookDelivery } from "../github/hook-deliveries.js";

/**
 * The guids this App already asked GitHub to redeliver, beyond what the delivery list itself
 * shows (a redelivery GitHub accepted may not be listed yet). `claim` is true for the first caller
 * only, so that two passes (or two replicas sharing Redis) never redeliver one guid twice.
 */
export interface RedeliveredGuids {
  claim(guid: string): Promise<boolean>;
  release(guid: string): Promise<void>;
}

/** One redelivery asked for, with GitHub's answer. */
export type Redelivery = FailedDelivery & RedeliveryAnswer;

export interface CatchUpOptions {
  /** The window: deliveries whose first attempt is older are left alone. */
  since: Date;
  redelivered: RedeliveredGuids;
  /** Asked before each redelivery: false stops the pass there (a shutdown, the pass's deadline). */
  keepGoing?: () => boolean;
  /** Called after each redelivery, as it happens (a pass may take a while: GitHub paces writes). */
  onRedelivery?: (redelivery: Redelivery) => void;
}

export interface CatchUpReport {
  /** Attempts listed in the window, and the pages read. */
  attempts: number;
  pages: number;
  /** Deliveries of the window none of whose attempts got a 2xx, redelivered before or not. */
  unrepaired: number;
  /** Failed deliveries left alone: redelivered already (listed, or remembered by `redelivered`). */
  alreadyRedelivered: number;
  redeliveries: Redelivery[];
  /** Failed deliveries not asked for because the pass was stopped; the next pass takes them. */
  postponed: number;
}

/**
 * One catch-up pass, SPEC §10: list the App's deliveries of the window (every cursor page, with
 * the App's JWT), and ask GitHub to redeliver, once, each one none of whose attempts got a 2xx.
 * The server runs it at start and on an interval, `spo catchup` once. A redelivery GitHub did not
 * take (an error, not a refusal) is forgotten, so a later pass asks again; the list then shows
 * whether GitHub made it after all. Throws SourceError when the list cannot be read.
 */
export async function catchUpDeliveries(octokit: GitHubClient, options: CatchUpOptions): Promise<CatchUpReport> {
  const { deliveries, pages } = await listHookDeliveriesSince(octokit, options.since);
  const ledger = findFailedDeliveries(deliveries, options.since);
  const report: CatchUpReport = {
    attempts: deliveries.length,
    pages,
    unrepaired: ledger.toRedeliver.length + ledger.redelivered.length,
    alreadyRedelivered: ledger.redelivered.length,
    redeliveries: [],
    postponed: 0,
  };
  for (const delivery of ledger.toRedeliver) {
    if (options.keepGoing && !options.keepGoing()) {
      report.postponed++;
      continue;
    }
    const redelivery = await redeliverOnce(octokit, delivery, options.redelivered);
    if (!redelivery) {
      report.alreadyRedelivered++;
      continue;
    }
    report.redeliveries.push(redelivery);
    options.onRedelivery?.(redelivery);
  }
  return report;
}

/** Redelivers unless another pass claimed the guid first (undefined then). */
async function redeliverOnce(
  octokit: GitHubClient,
  delivery: FailedDelivery,
  redelivered: RedeliveredGuids,
): Promise<Redelivery | undefined> {
  let claimed: boolean;
  try {
    claimed = await redelivered.claim(delivery.guid);
  } catch (error) {
    const reason = `could not record the redelivery, so it was not asked for: ${error instanceof Error ? error.message : String(error)}`;
    return { ...delivery, outcome: "error", reason };
  }
  if (!claimed) return undefined;
  const answer = await redeliverHookDelivery(octokit, delivery.id);
  if (answer.outcome === "error") await redelivered.release(delivery.guid).catch(() => undefined);
  return { ...delivery, ...answer };
}
