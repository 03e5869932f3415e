import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLargeDiff, type LargeDiffRepo } from "../../support/generate-large-diff.js";
import { runSpoCheck } from "../../support/run-spo-check.js";
import { buildOnce } from "./build-once.js";

/**
 * Issue 11: `spo check` took 449 MB, 8–9× the patch, on a 3,613-file, +606k-line diff. The built
 * CLI, in its own process, on 3,000 files and +300,000 lines (half the bench's diff, to keep the
 * suite quick): its peak RSS above what it needs for a one-line diff stays within 3× the patch.
 */
let large: LargeDiffRepo;
let small: LargeDiffRepo;
beforeAll(async () => {
  await buildOnce();
  [large, small] = await Promise.all([
    generateLargeDiff({ files: 3_000, linesPerFile: 100 }),
    generateLargeDiff({ files: 1, linesPerFile: 1 }),
  ]);
}, 180_000);
afterAll(() => Promise.all([large, small].map((repo) => repo && rm(repo.dir, { recursive: true, force: true }))));

describe("spo check on a diff of thousands of files", () => {
  it("judges it in memory within 3× the patch size above a one-line check", async () => {
    const baseline = await runSpoCheck(small.dir);
    const run = await runSpoCheck(large.dir);

    expect(large.patchBytes).toBeGreaterThan(25 * 2 ** 20);
    expect(run.code).toBe(1);
    expect(run.peakRssBytes - baseline.peakRssBytes).toBeLessThan(3 * large.patchBytes);
  }, 120_000);
});
