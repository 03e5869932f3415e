import type { Webhooks } from "@octokit/webhooks";
import type { ApplicationFunction, Probot } from "probot";
import { ensureInstallationToken } from "../github/ensure-installation-token.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import type { DeliveryClaims } from "./delivery-claims.js";
import { guardDeliveries } from "./guard-deliveries.js";
import { limitWebhookBody } from "./limit-webhook-body.js";
import { serveMetrics } from "./serve-metrics.js";
import type { InFlight } from "./track-in-flight.js";

export interface Hardening {
  metrics: AppMetrics;
  claims: DeliveryClaims;
  inFlight: InFlight;
  maxWebhookBytes: number;
  /** Set when the App is loaded: the Probot instance the server runs. */
  probot?: Probot;
}

/**
 * The App as the server runs it: the same handlers, behind a webhook body limit, the delivery
 * guard (payload shape, duplicate deliveries, in-flight tracking, the installation token first)
 * and with `GET /metrics`. Probot builds the webhook middleware after the App is loaded
 * (`server.start()`), so wrapping `getNodeMiddleware` here puts the body limit in front of it.
 */
export function hardenApp(app: ApplicationFunction, hardening: Hardening): ApplicationFunction {
  return async (probot, options) => {
    hardening.probot = probot;
    const triggers = recordTriggers(probot);
    guardDeliveries(probot.webhooks as unknown as Webhooks, {
      ...hardening,
      log: probot.log.child({ name: "deliveries" }),
      ensureToken: (installationId, startedAt) => ensureInstallationToken(probot, installationId, startedAt),
      handles: (event, action) => triggers.has(event) || (action !== undefined && triggers.has(`${event}.${action}`)),
    });
    const getNodeMiddleware = probot.getNodeMiddleware.bind(probot);
    probot.getNodeMiddleware = async (middlewareOptions) => {
      const middleware = await getNodeMiddleware(middlewareOptions);
      const limited = limitWebhookBody(middleware, {
        path: middlewareOptions?.path ?? probot.webhookPath,
        maxBytes: hardening.maxWebhookBytes,
      });
      return limited as typeof middleware;
    };
    options.addHandler(serveMetrics(hardening.metrics));
    await app(probot, options);
  };
}

/** The event names the App registers handlers for (`app.on`), as they are registered. */
function recordTriggers(probot: Probot): Set<string> {
  const triggers = new Set<string>();
  const on = probot.on;
  probot.on = ((names: string | string[], handler: never) => {
    for (const name of [names].flat()) triggers.add(name);
    return on(names as never, handler);
  }) as typeof probot.on;
  return triggers;
}
