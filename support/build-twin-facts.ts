import type { HotfixFacts, TwinFacts } from "../src/core/forward-port/twin-facts.js";

/** Full SHAs that read as what they are in test output. */
export const SHA = {
  hotfixCommit: "a1".repeat(20),
  hotfixMerge: "a2".repeat(20),
  twinCommit: "b1".repeat(20),
  twinMerge: "b2".repeat(20),
  other: "c1".repeat(20),
} as const;

/** A merged hotfix into release/1.4 (#12, SHOP-42) and a target `main` with nothing of it yet. */
export function buildTwinFacts(
  overrides: Partial<Omit<TwinFacts, "hotfix">> & { hotfix?: Partial<HotfixFacts> } = {},
): TwinFacts {
  const { hotfix, ...rest } = overrides;
  return {
    target: "main",
    targetCommits: [],
    sourcesOnTarget: [],
    candidates: [],
    limits: [],
    ...rest,
    hotfix: {
      number: 12,
      title: "SHOP-42: fix discount total on checkout",
      body: "## Problem\nDiscounts divide by zero.",
      headBranch: "hotfix/SHOP-42-discount-total",
      baseBranch: "release/1.4",
      repository: "octo/shop",
      commits: [{ sha: SHA.hotfixCommit, message: "Fix discount total\n\nSHOP-42" }],
      mergeSha: SHA.hotfixMerge,
      ...hotfix,
    },
  };
}
