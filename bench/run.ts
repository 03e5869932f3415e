// `npm run bench`: the PR gate under load, against the fake GitHub of the e2e suite, next to a
// minimal Probot app that does the least such a gate must do; then resident memory under 12
// installations at concurrency 12; then the engine and `spo check` on a generated 3,000-file,
// 600,000-line diff (also alone: `npm run bench:diff`). Options: --events, --concurrency,
// --installations, --rounds. The server and the CLI are the built ones (`npm run bench` builds
// first); the minimal app is bundled here, so that both run as plain JavaScript (under tsx the
// minimal app carried tsx's loader thread: about 18 MB more resident memory).
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { median } from "./stats.js";
import { measureEngine } from "./measure-engine.js";
import { formatLargeDiff, measureLargeDiff } from "./measure-large-diff.js";
import { measureLoad, type LoadOptions, type LoadResult } from "./measure-load.js";
import { measureWriteSpread } from "./measure-write-pacing.js";

const ROOT = resolve(import.meta.dirname, "..");
const APP = [join(ROOT, "dist/server/main.js")];
// Beside node_modules, so that its packages resolve; not under dist/, which is published.
const MINIMAL_JS = join(ROOT, "node_modules/.cache/single-patch-order-bench/minimal-server.mjs");
await build({
  entryPoints: [join(ROOT, "bench/minimal-server.ts")],
  outfile: MINIMAL_JS,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
const MINIMAL = [MINIMAL_JS];
/** The load of the memory rows: few installations, so that each one's config and PRs repeat. */
const MEMORY_LOAD: LoadOptions = { events: 300, concurrency: 12, installations: 12 };
/**
 * The App runs as one process here, the case `OPEN_HEADS_INDEX=memory` states (README, "Rate
 * budget"): the open PRs are listed once per repository, not at every passing verdict.
 */
const APP_ENV = { OPEN_HEADS_INDEX: "memory" };

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "500" },
    concurrency: { type: "string", default: "16" },
    installations: { type: "string", default: "" },
    rounds: { type: "string", default: "3" },
  },
});
const events = Number(values.events);
const load: LoadOptions = {
  events,
  concurrency: Number(values.concurrency),
  installations: Number(values.installations || events),
};

console.log(
  `PR gate benchmark: ${load.events} hotfix PRs, ${load.concurrency} concurrent, ${load.installations} installations, best of ${values.rounds} rounds`,
);
console.log(
  `Node ${process.version}, ${availableParallelism()} CPUs; the App, the fake GitHub and the load share them.\n`,
);

const app: LoadResult[] = [];
const minimal: LoadResult[] = [];
for (let round = 0; round < Number(values.rounds); round++) {
  minimal.push(await measureLoad(MINIMAL, load));
  app.push(await measureLoad(APP, load, APP_ENV));
}
const best = (results: LoadResult[]) => results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const [a, m] = [best(app), best(minimal)];
const memory = { app: [] as LoadResult[], minimal: [] as LoadResult[] };
for (let round = 0; round < Number(values.rounds); round++) {
  memory.minimal.push(await measureLoad(MINIMAL, MEMORY_LOAD));
  memory.app.push(await measureLoad(APP, MEMORY_LOAD, APP_ENV));
}
const budget = {
  orgFile: await measureLoad(APP, { ...MEMORY_LOAD, orgConfig: "# shared defaults\n" }, APP_ENV),
  noIndex: await measureLoad(APP, MEMORY_LOAD, { OPEN_HEADS_INDEX: "off" }),
};
const rss = (results: LoadResult[]) => median(results.map((r) => r.rssBytes)) / 2 ** 20;
const calls = (results: LoadResult[]) => median(results.map((r) => r.apiCallsPerEvaluation));
const [rssApp, rssMinimal] = [rss(memory.app), rss(memory.minimal)];
const engine = measureEngine();
const spread = {
  stock: await measureWriteSpread(MINIMAL, 10, { BENCH_STOCK_OCTOKIT: "1" }),
  app: await measureWriteSpread(APP, 10),
};

const rows: Array<[string, number, number | undefined, string, boolean | undefined]> = [
  [
    "(a) rate-limited calls per evaluation",
    a.apiCallsPerEvaluation,
    m.apiCallsPerEvaluation,
    // Config 304s are free, the open PRs are known from the deliveries, and an org without a
    // shared file answers the floor read 404: files, floor, check (README, "Rate budget").
    "≤ 3",
    a.apiCallsPerEvaluation <= 3,
  ],
  [`    same, ${MEMORY_LOAD.installations} installations`, calls(memory.app), calls(memory.minimal), "", undefined],
  // SPEC §15: with an unchanged config of its own, files and check.
  [
    "    org with a shared .github file",
    budget.orgFile.apiCallsPerEvaluation,
    undefined,
    "≤ 2",
    budget.orgFile.apiCallsPerEvaluation <= 2,
  ],
  ["    OPEN_HEADS_INDEX=off (lists open PRs)", budget.noIndex.apiCallsPerEvaluation, undefined, "", undefined],
  ["(b) webhook → completed check, p50 (ms)", a.p50Ms, m.p50Ms, "", undefined],
  ["    webhook → completed check, p95 (ms)", a.p95Ms, m.p95Ms, "≤ 1.10×", a.p95Ms <= m.p95Ms * 1.1],
  ["(c) evaluations per second", a.perSecond, m.perSecond, "≥ 0.90×", a.perSecond >= m.perSecond * 0.9],
  ["(d) resident memory after the run (MB)", a.rssBytes / 2 ** 20, m.rssBytes / 2 ** 20, "", undefined],
  [
    `    ${MEMORY_LOAD.installations} installations, median of rounds (MB)`,
    rssApp,
    rssMinimal,
    "≤ 1.25×",
    rssApp <= rssMinimal * 1.25,
  ],
  ["    server CPU per evaluation (ms)", a.cpuMsPerEvaluation, m.cpuMsPerEvaluation, "", undefined],
  [`(e) engine, ${engine.files} files, median (ms)`, engine.medianMs, undefined, "< 50", engine.medianMs < 50],
];
const pad = (text: string, width: number) => text.padStart(width);
console.log(`${"".padEnd(46)}${pad("App", 10)}${pad("minimal", 10)}${pad("ratio", 8)}  target`);
for (const [label, ours, theirs, target, met] of rows) {
  const ratio = theirs === undefined ? "—" : (ours / theirs).toFixed(2);
  const verdict = met === undefined ? "" : met ? "  ok" : "  MISSED";
  console.log(
    `${label.padEnd(46)}${pad(ours.toFixed(2), 10)}${pad(theirs === undefined ? "—" : theirs.toFixed(2), 10)}${pad(ratio, 8)}  ${target}${verdict}`,
  );
}
console.log(
  `\nRounds (evaluations/s): App ${app.map((r) => r.perSecond.toFixed(1)).join(", ")}; minimal ${minimal.map((r) => r.perSecond.toFixed(1)).join(", ")}`,
);
console.log(
  `Resident memory (MB), ${MEMORY_LOAD.installations} installations: App ${memory.app.map((r) => (r.rssBytes / 2 ** 20).toFixed(0)).join(", ")}; minimal ${memory.minimal.map((r) => (r.rssBytes / 2 ** 20).toFixed(0)).join(", ")}`,
);
console.log(
  `Failed deliveries: App ${a.failed}, minimal ${m.failed}. App conclusions: ${JSON.stringify(a.conclusions)}`,
);
console.log(
  `\nWrite throttling: 10 PRs on 10 installations at once; seconds from the first check written to the last:`,
);
console.log(`  Probot's Octokit (one write queue per process): ${spread.stock.toFixed(2)} s`);
console.log(`  the App (one write queue per installation):      ${spread.app.toFixed(2)} s`);
console.log("");
console.log(formatLargeDiff(await measureLargeDiff()).join("\n"));
