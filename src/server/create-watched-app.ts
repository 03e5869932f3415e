import type { ApplicationFunction } from "probot";
import type { AppDeps } from "../app/app-deps.js";
import { createApp } from "../app/index.js";
import type { AppMetrics } from "../metrics/app-metrics.js";

/** The App, with the server's metrics watching it: evidence writes, and the open-heads index's answers. */
export function createWatchedApp(deps: AppDeps, metrics: AppMetrics): ApplicationFunction {
  return createApp({
    ...deps,
    evidenceWatch: metrics,
    openHeadsWatch: (answer) => metrics.countOpenHeadsAnswer(answer),
  });
}
