import { GOOD_BODY } from "../../support/build-change.js";
import { createGitRepo, type TempRepo } from "./git-repo.js";

/** A small shop on `main`: two scopes under src/, a manifest with a version and a dependency. */
export const BASE_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "shop", version: "1.4.2", dependencies: { "left-pad": "1.3.0" } }, null, 2)}\n`,
  "README.md": "# Shop\n",
  "src/checkout/discount.ts":
    "export function discountTotal(total: number, rate: number): number {\n  return total / rate;\n}\n",
  "src/checkout/cart.ts": "export const cart: string[] = [];\n",
  "src/billing/invoice.ts": "export const invoice = { lines: [] as string[] };\n",
};

/** The good hotfix: a one-line fix and its regression test. */
export const FIX_FILES: Record<string, string | null> = {
  "src/checkout/discount.ts":
    "export function discountTotal(total: number, rate: number): number {\n  return rate === 0 ? total : total * (1 - rate);\n}\n",
  "src/checkout/discount.test.ts":
    'import { discountTotal } from "./discount";\ntest("no rate", () => expect(discountTotal(10, 0)).toBe(10));\n',
};

export const GOOD_TITLE = "SHOP-42: fix discount total on checkout";
export const GOOD_BRANCH = "hotfix/SHOP-42-discount-total";

export interface HotfixOptions {
  branch?: string;
  title?: string;
  body?: string;
  /** Merged over FIX_FILES; `null` leaves a file out (or deletes it). */
  files?: Record<string, string | null>;
  /** Runs on `main` after the base commit, before the branch is cut. */
  onBase?: (repo: TempRepo) => Promise<void>;
}

/** A repository on the hotfix branch, one commit ahead of `main`, whose message is the PR title and body. */
export async function createHotfixRepo(options: HotfixOptions = {}): Promise<TempRepo> {
  const repo = await createGitRepo(BASE_FILES);
  await options.onBase?.(repo);
  await repo.branch(options.branch ?? GOOD_BRANCH);
  const files = { ...FIX_FILES, ...options.files };
  await repo.commitFiles(`${options.title ?? GOOD_TITLE}\n\n${options.body ?? GOOD_BODY}`, files);
  return repo;
}

/** GOOD_BODY without one `## Heading` section, or with that section's text replaced. */
export function editSection(heading: string, replacement?: string, body = GOOD_BODY): string {
  const pattern = new RegExp(`## ${heading}\\n[\\s\\S]*?(?=\\n## |$)`);
  return body.replace(pattern, replacement === undefined ? "" : `## ${heading}\n${replacement}\n`);
}
