import { DEFAULT_CONFIG } from "../src/config/parse-config.js";
import type { ChangedFile } from "../src/core/change.js";
import { evaluatePolicy } from "../src/core/evaluate-policy.js";
import { rules } from "../src/rules/index.js";
import { buildChange, file } from "../support/build-change.js";
import { median } from "./stats.js";

/** A patch of `lines` added lines, as GitHub lists one. */
function patch(lines: number): string {
  return [`@@ -1,0 +1,${lines} @@`, ...Array.from({ length: lines }, (_, i) => `+const line${i} = ${i};`)].join("\n");
}

/**
 * A 3,000-file change that makes every rule work: production files in several scopes, tests, a
 * migration without its down step, docs, a lockfile and package.json with a version bump.
 */
export function buildLargeChange(count = 3_000) {
  const files: ChangedFile[] = Array.from({ length: count }, (_, i) => {
    if (i % 10 === 0) return file(`src/checkout/feature-${i}.test.ts`, { additions: 20, patch: patch(20) });
    if (i % 97 === 0)
      return file(`db/migrations/${i}_add_column.sql`, {
        status: "added",
        additions: 5,
        deletions: 0,
        patch: patch(5),
      });
    if (i % 89 === 0) return file(`docs/page-${i}.md`, { additions: 3, patch: patch(3) });
    return file(`src/${i % 7 === 0 ? "billing" : "checkout"}/module-${i}.ts`, {
      additions: 8,
      deletions: 2,
      patch: patch(8),
    });
  });
  files.push(file("package.json", { patch: '@@ -1,3 +1,3 @@\n {\n-  "version": "1.4.2",\n+  "version": "1.4.3",\n' }));
  files.push(file("package-lock.json", { additions: 40, deletions: 40 }));
  return buildChange({ files, changedFiles: files.length });
}

/**
 * Median milliseconds of `evaluatePolicy` on a 3,000-file change, after warm-up runs. Each run
 * gets its own copy of the config, as each webhook parses its own: no match result is reused
 * from an earlier run.
 */
export function measureEngine(runs = 25): { medianMs: number; files: number } {
  const change = buildLargeChange();
  for (let i = 0; i < 5; i++) evaluatePolicy(change, structuredClone(DEFAULT_CONFIG), rules);
  const times = Array.from({ length: runs }, () => {
    const config = structuredClone(DEFAULT_CONFIG);
    const start = performance.now();
    evaluatePolicy(change, config, rules);
    return performance.now() - start;
  });
  return { medianMs: median(times), files: change.files.length };
}
