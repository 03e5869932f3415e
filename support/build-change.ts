import type { Change, ChangedFile } from "../src/core/change.js";

/** A passing hotfix body: every section the rules read, with real content. */
export const GOOD_BODY = `## Problem
Checkout returns 500 for carts with a discount code since 1.4.2.

## Root cause
The discount total is computed before the currency is set, so it divides by zero.

## Fix
Set the currency before computing the discount total.

## Test evidence
Added a regression test for a discounted cart; ran the checkout suite locally.

## Rollback plan
Revert this PR and redeploy 1.4.2; no data or schema changes, so nothing else to undo.
`;

/** A changed file with sensible defaults: modified, 1 addition, 1 deletion. */
export function file(path: string, overrides: Partial<ChangedFile> = {}): ChangedFile {
  return { path, status: "modified", additions: 1, deletions: 1, ...overrides };
}

/**
 * A hotfix change that passes every rule under the default config. Override what a test is about.
 * `files` defaults to one production file and its test.
 */
export function buildChange(overrides: Partial<Change> = {}): Change {
  const files = overrides.files ?? [file("src/checkout/discount.ts"), file("src/checkout/discount.test.ts")];
  return {
    title: "SHOP-42: fix discount total on checkout",
    body: GOOD_BODY,
    labels: [],
    headBranch: "hotfix/SHOP-42-discount-total",
    baseBranch: "main",
    workspaces: [],
    ...overrides,
    files,
    changedFiles: overrides.changedFiles ?? files.length,
    commitCount: overrides.commitCount ?? 1,
  };
}
