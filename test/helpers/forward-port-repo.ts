import { GOOD_BODY } from "../../support/build-change.js";
import { BASE_FILES, FIX_FILES, GOOD_BRANCH, GOOD_TITLE } from "./hotfix-repo.js";
import { createGitRepo, type TempRepo } from "./git-repo.js";

export const UPSTREAM_FIRST = "forwardPort:\n  mode: upstream-first\n";

export interface ForwardPortRepo extends TempRepo {
  /** Runs git in the repository; returns its output. */
  run(...args: string[]): Promise<string>;
  /** The full SHA of a ref. */
  sha(ref: string): Promise<string>;
}

/**
 * A shop whose `main` moved on after `release/1.4` was cut (a line above the fix changed, so any
 * forward port has other context than the hotfix), with the config on both, and the hotfix branch
 * `hotfix/SHOP-42-discount-total` from `release/1.4` checked out: one commit, the good fix.
 * `onMain` runs on `main` after it moved on, with the hotfix commit already made.
 */
export async function createForwardPortRepo(
  options: {
    config?: string;
    files?: Record<string, string | null>;
    onMain?: (repo: ForwardPortRepo, hotfixSha: string) => Promise<void>;
  } = {},
): Promise<ForwardPortRepo> {
  const base = await createGitRepo({
    ...BASE_FILES,
    ".github/single-patch-order.yml": options.config ?? UPSTREAM_FIRST,
  });
  const repo: ForwardPortRepo = {
    ...base,
    run: (...args) => base.git.raw(args),
    sha: async (ref) => (await base.git.raw(["rev-parse", ref])).trim(),
  };
  await repo.run("branch", "release/1.4");
  await repo.commitFiles("Explain the discount", {
    "src/checkout/discount.ts":
      "// Discounts are rates between 0 and 1.\nexport function discountTotal(total: number, rate: number): number {\n  return total / rate;\n}\n",
  });
  await repo.run("checkout", "-q", "-b", GOOD_BRANCH, "release/1.4");
  const hotfixSha = await repo.commitFiles(`${GOOD_TITLE}\n\n${GOOD_BODY}`, { ...FIX_FILES, ...options.files });
  if (options.onMain) {
    await repo.run("checkout", "-q", "main");
    await options.onMain(repo, hotfixSha);
    await repo.run("checkout", "-q", GOOD_BRANCH);
  }
  return repo;
}
