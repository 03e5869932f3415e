// `npm run bench`: the PR gate under load, against the fake GitHub of the e2e suite, next to a
// minimal Probot app that does the least such a gate must do; then the engine and `spo check` on a
// generated 3,000-file, 600,000-line diff (also alone: `npm run bench:diff`). Options: --events,
// --concurrency, --installations, --rounds. The server and the CLI are the built ones (`npm run
// bench` builds first).
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureEngine } from "./measure-engine.js";
import { formatLargeDiff, measureLargeDiff } from "./measure-large-diff.js";
import { measureLoad, type LoadOptions, type LoadResult } from "./measure-load.js";
import { measureWriteSpread } from "./measure-write-pacing.js";

const ROOT = resolve(import.meta.dirname, "..");
const APP = [join(ROOT, "dist/server/main.js")];
const MINIMAL = ["--import", import.meta.resolve("tsx"), join(ROOT, "bench/minimal-server.ts")];

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
  app.push(await measureLoad(APP, load));
}
const best = (results: LoadResult[]) => results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
const [a, m] = [best(app), best(minimal)];
const engine = measureEngine();
const spread = {
  stock: await measureWriteSpread(MINIMAL, 10, { BENCH_STOCK_OCTOKIT: "1" }),
  app: await measureWriteSpread(APP, 10),
};

const rows: Array<[string, number, number | undefined, string, boolean | undefined]> = [
  [
    "(a) API calls per evaluation (no token call)",
    a.apiCallsPerEvaluation,
    m.apiCallsPerEvaluation,
    // A passing verdict adds the look-up of other open PRs on its head commit (issue 9, SPEC §8).
    "≤ 4",
    a.apiCallsPerEvaluation <= 4,
  ],
  ["(b) webhook → completed check, p50 (ms)", a.p50Ms, m.p50Ms, "", undefined],
  ["    webhook → completed check, p95 (ms)", a.p95Ms, m.p95Ms, "≤ 1.10×", a.p95Ms <= m.p95Ms * 1.1],
  ["(c) evaluations per second", a.perSecond, m.perSecond, "≥ 0.90×", a.perSecond >= m.perSecond * 0.9],
  ["(d) resident memory after the run (MB)", a.rssBytes / 2 ** 20, m.rssBytes / 2 ** 20, "", undefined],
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
  `Failed deliveries: App ${a.failed}, minimal ${m.failed}. App conclusions: ${JSON.stringify(a.conclusions)}`,
);
console.log(
  `\nWrite throttling: 10 PRs on 10 installations at once; seconds from the first check written to the last:`,
);
console.log(`  Probot's Octokit (one write queue per process): ${spread.stock.toFixed(2)} s`);
console.log(`  the App (one write queue per installation):      ${spread.app.toFixed(2)} s`);
console.log("");
console.log(formatLargeDiff(await measureLargeDiff()).join("\n"));
