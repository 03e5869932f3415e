import type { HookDelivery } from "./hook-deliveries.js";

/** A delivery (one guid) none of whose attempts got a 2xx answer. */
export interface FailedDelivery {
  /** `X-GitHub-Delivery`: the same for the first attempt and every redelivery. */
  guid: string;
  /** The newest failed attempt: the one to redeliver (every attempt carries the same payload). */
  id: number;
  event: string;
  action: string | null;
  installationId: number | null;
  /** When GitHub first tried to deliver it. */
  firstAttemptAt: string;
  /** The status codes of its attempts, oldest first (0: GitHub could not connect). */
  statusCodes: number[];
}

export interface DeliveryLedger {
  /** Failed deliveries never redelivered, oldest first: the ones to redeliver. */
  toRedeliver: FailedDelivery[];
  /** Failed deliveries that were redelivered already (an attempt with `redelivery: true`): never again. */
  redelivered: FailedDelivery[];
  /** Deliveries of the window with a 2xx attempt. */
  succeeded: number;
}

/**
 * Sorts the attempts of the window into deliveries, by guid. A delivery counts from its first
 * attempt (`redelivery: false`), which must lie at or after `since`: one whose listed attempts are
 * all redeliveries began before the window. A delivery is repaired when ANY attempt got a 2xx,
 * whatever failed before or after. Otherwise it is redelivered at most once in all: when the list
 * already holds a redelivery of it (ours, another replica's or a person's), it is left alone, so
 * a replica that keeps no state never repeats one. (GitHub's example script redelivers, at every
 * run, each guid without an `OK` attempt since its previous run, so a redelivery that fails again
 * is sent again, run after run.)
 */
export function findFailedDeliveries(attempts: readonly HookDelivery[], since: Date): DeliveryLedger {
  const byGuid = new Map<string, HookDelivery[]>();
  for (const attempt of attempts) byGuid.set(attempt.guid, [...(byGuid.get(attempt.guid) ?? []), attempt]);
  const ledger: DeliveryLedger = { toRedeliver: [], redelivered: [], succeeded: 0 };
  for (const [guid, group] of byGuid) {
    const sorted = [...group].sort((a, b) => Date.parse(a.delivered_at) - Date.parse(b.delivered_at) || a.id - b.id);
    const first = sorted.find((attempt) => !attempt.redelivery);
    if (!first || Date.parse(first.delivered_at) < since.getTime()) continue;
    if (sorted.some((attempt) => isSuccess(attempt.status_code))) {
      ledger.succeeded++;
      continue;
    }
    const newest = sorted.at(-1)!;
    const failed: FailedDelivery = {
      guid,
      id: newest.id,
      event: first.event,
      action: first.action,
      installationId: first.installation_id,
      firstAttemptAt: first.delivered_at,
      statusCodes: sorted.map((attempt) => attempt.status_code),
    };
    (sorted.some((attempt) => attempt.redelivery) ? ledger.redelivered : ledger.toRedeliver).push(failed);
  }
  ledger.toRedeliver.sort((a, b) => Date.parse(a.firstAttemptAt) - Date.parse(b.firstAttemptAt));
  return ledger;
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}
