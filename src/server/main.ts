// The App's process entry (`npm start`). Do not add logic here: it only tunes the heap, checks the environment
// and hands the App to the server (Probot's, hardened: see src/server/start-server.ts).
import { readAppDeps } from "../app/app-deps.js";
import { createApp } from "../app/index.js";
import type { AppMetrics } from "../metrics/app-metrics.js";
import { findStartupProblem, loadDotEnv } from "./check-server-env.js";
import { countOpenHeads } from "./count-open-heads.js";
import { readServerDeps } from "./read-server-deps.js";
import { startServer } from "./start-server.js";
import { tuneHeap } from "./tune-heap.js";

tuneHeap();
loadDotEnv();
const problem = findStartupProblem(process.env);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const deps = { ...readAppDeps(process.env), ...(await readServerDeps(process.env)) };
const withMetrics = (metrics: AppMetrics) =>
  createApp({
    ...deps,
    evidenceWatch: metrics,
    ...(deps.openHeads ? { openHeads: countOpenHeads(deps.openHeads, metrics) } : {}),
  });
await startServer({ withMetrics }, process.env);
