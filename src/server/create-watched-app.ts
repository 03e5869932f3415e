import type { ApplicationFunction } from "probot";
import type { AppDeps } from "../app/app-deps.js";
import { createApp } from "../app/index.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import { countOpenHeads } from "./count-open-heads.js";

/** The App, with the server's metrics watching its deps: evidence writes, and the open-heads index's answers. */
export function createWatchedApp(deps: AppDeps, metrics: AppMetrics): ApplicationFunction {
  return createApp({
    ...deps,
    evidenceWatch: metrics,
    ...(deps.openHeads ? { openHeads: countOpenHeads(deps.openHeads, metrics) } : {}),
  });
}
