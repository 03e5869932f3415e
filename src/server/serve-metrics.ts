import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppMetrics } from "../metrics/app-metrics.js";

/**
 * `GET /metrics` in Prometheus' text format, for the Probot server's handler chain (`addHandler`).
 * Like `/ping` it is not authenticated: it holds counts only (no repository, user or token), and
 * an ingress that exposes the webhook path need not expose it.
 */
export function serveMetrics(metrics: AppMetrics) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return false;
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(metrics.render());
    return true;
  };
}
