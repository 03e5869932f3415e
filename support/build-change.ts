import type { Change, ChangedFile } from "../src/core/change.js";
import { fileFromTexts } from "./make-patch.js";

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

/** A changed file stated by its texts: the patch and counts come from them, the texts go to `contents`. */
export interface TextFile extends ChangedFile {
  texts: { base: string | null; head: string | null };
}

/** A file whose base and head texts are given (`null`: absent on that side). */
export function textFile(
  path: string,
  base: string | null,
  head: string | null,
  overrides: Partial<ChangedFile> = {},
): TextFile {
  return { ...fileFromTexts(path, base, head, overrides), texts: { base, head } };
}

/**
 * A hotfix change that passes every rule under the default config. Override what a test is about.
 * `files` defaults to one production file and its test; a `textFile` also gives its texts, which
 * join `contents` as an adapter would have read them.
 */
export function buildChange(
  overrides: Omit<Partial<Change>, "files"> & { files?: Array<ChangedFile | TextFile> } = {},
): Change {
  const given = overrides.files ?? [file("src/checkout/discount.ts"), file("src/checkout/discount.test.ts")];
  const files = given.map(({ texts: _texts, ...changed }: ChangedFile & { texts?: unknown }) => changed);
  const base: Record<string, string | null> = { ...overrides.contents?.base };
  const head: Record<string, string | null> = { ...overrides.contents?.head };
  for (const f of given)
    if ("texts" in f) {
      base[f.previousPath ?? f.path] = f.texts.base;
      head[f.path] = f.texts.head;
    }
  const hasTexts = Object.keys(base).length + Object.keys(head).length > 0;
  return {
    title: "SHOP-42: fix discount total on checkout",
    body: GOOD_BODY,
    labels: [],
    headBranch: "hotfix/SHOP-42-discount-total",
    baseBranch: "main",
    ...overrides,
    files,
    ...(hasTexts ? { contents: { base, head } } : {}),
    changedFiles: overrides.changedFiles ?? files.length,
    commitCount: overrides.commitCount ?? 1,
  };
}
