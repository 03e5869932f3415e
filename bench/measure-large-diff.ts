import { rm } from "node:fs/promises";
import { DEFAULT_CONFIG } from "../src/config/parse-config.js";
import { evaluatePolicy } from "../src/core/evaluate-policy.js";
import { rules } from "../src/rules/index.js";
import { findBaseRef } from "../src/sources/find-base-ref.js";
import { findHeadRef } from "../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../src/sources/local-git-source.js";
import { generateLargeDiff, type LargeDiffOptions } from "../support/generate-large-diff.js";
import { runSpoCheck, type SpoRun } from "../support/run-spo-check.js";
import { median } from "./stats.js";

export interface LargeDiffResult {
  files: number;
  addedLines: number;
  patchBytes: number;
  /** Reading the change with the local source, in this process. */
  readMs: number;
  /** `evaluatePolicy` on that change, median. */
  engineMs: number;
  /** `spo check` in its own process: fastest time, highest peak. */
  spo: SpoRun;
  /** `spo check` on a one-line change: Node, the modules and one small diff. */
  baseline: SpoRun;
}

async function runBest(dir: string, runs: number, spo?: string): Promise<SpoRun> {
  const results: SpoRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runSpoCheck(dir, spo));
  return {
    ms: Math.min(...results.map((r) => r.ms)),
    peakRssBytes: Math.max(...results.map((r) => r.peakRssBytes)),
    code: results[0]?.code ?? -1,
  };
}

/**
 * The engine and `spo check` on a generated 3,000-file, 600,000-line diff (support/generate-large-diff.ts),
 * and `spo check` on a one-line diff for the memory Node and spo need anyway. `spo` is the built
 * CLI to run (another build can be compared with `--spo`).
 */
export async function measureLargeDiff(
  options: LargeDiffOptions & { runs?: number; spo?: string } = {},
): Promise<LargeDiffResult> {
  const large = await generateLargeDiff(options);
  const small = await generateLargeDiff({ files: 1, linesPerFile: 1 });
  try {
    const local = await openLocalRepo(large.dir);
    const readStart = performance.now();
    const change = await readLocalChange(local, await findBaseRef(local), await findHeadRef(local), { labels: [] });
    const readMs = performance.now() - readStart;
    const times = Array.from({ length: 10 }, () => {
      const config = structuredClone(DEFAULT_CONFIG);
      const start = performance.now();
      evaluatePolicy(change, config, rules);
      return performance.now() - start;
    });
    const runs = options.runs ?? 3;
    return {
      files: large.files,
      addedLines: large.addedLines,
      patchBytes: large.patchBytes,
      readMs,
      engineMs: median(times),
      spo: await runBest(large.dir, runs, options.spo),
      baseline: await runBest(small.dir, runs, options.spo),
    };
  } finally {
    await Promise.all([large.dir, small.dir].map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** The figures as lines of text, memory in MB and as a multiple of the patch size. */
export function formatLargeDiff(result: LargeDiffResult): string[] {
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const above = result.spo.peakRssBytes - result.baseline.peakRssBytes;
  return [
    `Large diff: ${result.files.toLocaleString("en")} files, +${result.addedLines.toLocaleString("en")} lines, patch ${mb(result.patchBytes)} MB`,
    `  local source, read the change:  ${result.readMs.toFixed(0)} ms`,
    `  evaluatePolicy, median:         ${result.engineMs.toFixed(1)} ms`,
    `  spo check, wall time:           ${result.spo.ms.toFixed(0)} ms (exit ${result.spo.code})`,
    `  spo check, peak RSS:            ${mb(result.spo.peakRssBytes)} MB = ${(result.spo.peakRssBytes / result.patchBytes).toFixed(2)}× the patch`,
    `  spo check on a one-line diff:   ${mb(result.baseline.peakRssBytes)} MB, ${result.baseline.ms.toFixed(0)} ms`,
    `  peak RSS above that baseline:   ${mb(above)} MB = ${(above / result.patchBytes).toFixed(2)}× the patch (target ≤ 3×)${above <= 3 * result.patchBytes ? "  ok" : "  MISSED"}`,
  ];
}
