import type { EmitterWebhookEvent, Webhooks } from "@octokit/webhooks";
import type { Logger } from "probot";
import { TokenUnavailableError } from "../github/ensure-installation-token.js";
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
  /**
   * Gets the installation's token before the handlers run, within the time GitHub waits for the
   * answer (counted from `startedAt`, performance.now()); throws TokenUnavailableError.
   */
  ensureToken?: (installationId: number, startedAt: number) => Promise<void>;
  /** Whether a handler listens to the event (`pull_request`) or the event and action (`pull_request.opened`). */
  handles?: (event: string, action: string | undefined) => boolean;
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
 *    latency of its commit;
 * 5. a delivery that some handler listens to gets its installation token first. Without one
 *    nothing can be read or published, so the handlers do not run: GitHub failing (5xx, network)
 *    is answered 503 within the budget of ensure-installation-token.ts, well before the 202 that
 *    the middleware sends at 9 s (a 202 is a success for GitHub, which then keeps nothing to
 *    redeliver); GitHub refusing (401, 403 suspended, 404) is answered 500 at once.
 *
 * A failed delivery releases its claim, so GitHub's "Redeliver" and the catch-up (same id) judge
 * it again, and is answered 500 whatever GitHub answered the App (a 401 from GitHub is not the
 * webhook sender's fault), or 503 when no token could be had because GitHub failed.
 *
 * The claim comes after the signature check, so an unsigned request cannot block a delivery id.
 */
export function guardDeliveries(webhooks: Webhooks, deps: GuardDeps): void {
  const verifyAndReceive = webhooks.verifyAndReceive.bind(webhooks);
  webhooks.verifyAndReceive = async (delivery: SignedDelivery) => {
    const { id, name } = delivery;
    const startedAt = performance.now();
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
      await ensureToken(deps, name, payload as Delivered, startedAt);
      await webhooks.receive({ id, name, payload } as EmitterWebhookEvent);
      deps.metrics.countDelivery(name, "handled");
    } catch (error) {
      deps.metrics.countDelivery(name, "failed");
      await deps.claims
        .release(id)
        .catch((e: unknown) => deps.log.warn({ id, err: e }, "could not release the delivery claim"));
      const unavailable = error instanceof TokenUnavailableError && error.temporary;
      deps.log.error(
        { id, event: name, err: error },
        unavailable
          ? "delivery answered 503: no installation token could be had; catch-up or GitHub's Redeliver will judge it"
          : "delivery failed; GitHub's Redeliver will handle it again",
      );
      throw refusal(unavailable ? 503 : 500, error instanceof Error ? error.message : String(error));
    } finally {
      done();
    }
  };
}

interface Delivered {
  action?: unknown;
  installation?: { id?: unknown };
}

async function ensureToken(deps: GuardDeps, name: string, payload: Delivered, startedAt: number): Promise<void> {
  const installationId = payload.installation?.id;
  if (!deps.ensureToken || typeof installationId !== "number") return;
  const action = typeof payload.action === "string" ? payload.action : undefined;
  if (deps.handles && !deps.handles(name, action)) return;
  await deps.ensureToken(installationId, startedAt);
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
