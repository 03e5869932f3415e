import type { EmitterWebhookEvent, Webhooks } from "@octokit/webhooks";
import type { Logger } from "probot";
import type { AppMetrics } from "../metrics/app-metrics.js";
import type { DeliveryClaims } from "./delivery-claims.js";
import { findCheckKey } from "../github/find-check-key.js";
import { findPayloadProblem } from "./find-payload-problem.js";
import type { InFlight } from "./track-in-flight.js";

export interface GuardDeps {
  claims: DeliveryClaims;
  inFlight: InFlight;
  metrics: AppMetrics;
  log: Logger;
}

type SignedDelivery = Parameters<Webhooks["verifyAndReceive"]>[0];

/**
 * Puts checks between a verified signature and the handlers, in the one call Probot's webhook
 * middleware makes per delivery (`verifyAndReceive`):
 *
 * 1. a bad signature or malformed JSON goes to the library as before (400, nothing else runs);
 * 2. a payload that lacks what its handlers read is refused with 400;
 * 3. a delivery id seen before (claimed) is acknowledged and dropped: no second check run;
 * 4. the delivery is tracked in flight (for a graceful shutdown) and starts the webhook-to-check
 *    latency of its commit. A failed delivery releases its claim, so GitHub's
 *    "Redeliver" (same id) judges it again, and is answered 500 whatever GitHub answered the App
 *    (a 401 from GitHub is not the webhook sender's fault).
 *
 * The claim comes after the signature check, so an unsigned request cannot block a delivery id.
 */
export function guardDeliveries(webhooks: Webhooks, deps: GuardDeps): void {
  const verifyAndReceive = webhooks.verifyAndReceive.bind(webhooks);
  webhooks.verifyAndReceive = async (delivery: SignedDelivery) => {
    const { id, name } = delivery;
    if (!deps.inFlight.accepting)
      throw refusal(
        503,
        "the App is shutting down; GitHub's Redeliver will reach another replica or the restarted App",
      );
    if (!(await webhooks.verify(delivery.payload, delivery.signature).catch(() => false)))
      return verifyAndReceive(delivery);
    let payload: unknown;
    try {
      payload = JSON.parse(delivery.payload);
    } catch {
      return verifyAndReceive(delivery);
    }
    const problem = findPayloadProblem(name, payload);
    if (problem) {
      deps.metrics.countDelivery(name, "rejected");
      deps.log.warn({ id, event: name }, `delivery refused: ${problem}`);
      throw refusal(400, problem);
    }
    if (!(await claimOrAssume(deps, id))) {
      deps.metrics.countDelivery(name, "duplicate");
      deps.log.info({ id, event: name }, "delivery already handled or being handled: ignored");
      return;
    }
    const done = deps.inFlight.add({ id, event: name, payload });
    try {
      const key = findCheckKey(name, payload as Record<string, unknown>);
      if (key) deps.metrics.markReceived(key);
      await webhooks.receive({ id, name, payload } as EmitterWebhookEvent);
      deps.metrics.countDelivery(name, "handled");
    } catch (error) {
      deps.metrics.countDelivery(name, "failed");
      await deps.claims
        .release(id)
        .catch((e: unknown) => deps.log.warn({ id, err: e }, "could not release the delivery claim"));
      deps.log.error({ id, event: name, err: error }, "delivery failed; GitHub's Redeliver will handle it again");
      throw refusal(500, error instanceof Error ? error.message : String(error));
    } finally {
      done();
    }
  };
}

/** When the claim store fails (Redis down), the delivery is handled: a duplicate check is better than none. */
async function claimOrAssume(deps: GuardDeps, id: string): Promise<boolean> {
  try {
    return await deps.claims.claim(id);
  } catch (error) {
    deps.log.warn({ id, err: error }, "could not claim the delivery id; handling it anyway");
    return true;
  }
}

/** The webhook middleware answers with the status of the first error inside an AggregateError. */
function refusal(status: number, message: string): AggregateError {
  return new AggregateError([Object.assign(new Error(message), { status })], message);
}
