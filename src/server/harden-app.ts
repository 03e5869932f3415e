import type { Webhooks } from "@octokit/webhooks";
import type { ApplicationFunction, Probot } from "probot";
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
 * guard (payload shape, duplicate deliveries, in-flight tracking) and with `GET /metrics`. Probot
 * builds the webhook middleware after the App is loaded (`server.start()`), so wrapping
 * `getNodeMiddleware` here puts the body limit in front of it.
 */
export function hardenApp(app: ApplicationFunction, hardening: Hardening): ApplicationFunction {
  return async (probot, options) => {
    hardening.probot = probot;
    guardDeliveries(probot.webhooks as unknown as Webhooks, {
      ...hardening,
      log: probot.log.child({ name: "deliveries" }),
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
