// The App's process entry (`npm start`). Do not add logic here: it only tunes the heap, checks the environment
// and hands the App to the server (Probot's, hardened: see src/server/start-server.ts).
import { readAppDeps } from "../app/app-deps.js";
import { findStartupProblem, loadDotEnv } from "./check-server-env.js";
import { createWatchedApp } from "./create-watched-app.js";
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
await startServer({ withMetrics: (metrics) => createWatchedApp(deps, metrics) }, process.env);
