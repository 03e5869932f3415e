// `npm run demo`: the README's first command. Builds spo, creates a throwaway git repository with a
// small shop on `main` and two hotfix branches, runs `spo check` on each, then deletes the repository.
// No GitHub account, no network.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SPO = fileURLToPath(new URL("../bin/spo.js", import.meta.url));
const TEMPLATE = fileURLToPath(new URL("../.github/pull_request_template.md", import.meta.url));

const MAIN_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "acme-shop", version: "1.4.2", private: true, scripts: { test: "node --test" } }, null, 2)}\n`,
  "README.md": "# ACME shop\n\nCheckout and billing for the ACME web shop.\n",
  "src/checkout/discount.js": [
    "/** The cart total after a percentage discount code. */",
    "export function discountTotal(total, percent) {",
    "  return total - percent;",
    "}",
    "",
  ].join("\n"),
  "src/checkout/cart.js":
    "export function cartTotal(lines) {\n  return lines.reduce((sum, line) => sum + line.price * line.quantity, 0);\n}\n",
  "src/checkout/discount.test.js": [
    'import { test } from "node:test";',
    'import assert from "node:assert/strict";',
    'import { discountTotal } from "./discount.js";',
    "",
    'test("no discount", () => assert.equal(discountTotal(80, 0), 80));',
    "",
  ].join("\n"),
  "src/billing/invoice.js": "export function invoiceTotal(total, taxRate) {\n  return total * (1 + taxRate);\n}\n",
};

const GOOD_PR = `## Problem
Customers with a percentage discount code (e.g. SAVE10) are charged the wrong total at checkout since 1.4.2: a 10% code takes 10 off instead of 10%.

## Root cause
\`discountTotal\` subtracts the percentage as an amount; the 1.4.2 refactoring dropped the conversion.

## Fix
Apply the percentage to the total in \`discountTotal\`, and nothing else.

## Test evidence
Added regression tests for 10% and 100% codes in \`src/checkout/discount.test.js\`; \`npm test\` passes.

## Rollback plan
Revert this PR and redeploy 1.4.2. No data or schema change, so nothing else to undo; watch the checkout error rate and the average order value for an hour after the deploy.
`;

const BAD_PR = `## Problem
Invoices round the tax differently from the cart.

## Root cause
Two rounding helpers.

## Fix
Round in both places.

## Rollback plan
TBD
`;

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", ...args], {
    cwd,
    stdio: "ignore",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Demo",
      GIT_AUTHOR_EMAIL: "demo@example.com",
      GIT_COMMITTER_NAME: "Demo",
      GIT_COMMITTER_EMAIL: "demo@example.com",
    },
  });
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function commitBranch(repo: string, branch: string, message: string, files: Record<string, string>): void {
  git(repo, "checkout", "-q", "-b", branch, "main");
  write(repo, files);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
}

/** Runs spo in the repository, showing the command as a reader would type it; returns its exit code. */
function spo(repo: string, args: string[]): number {
  console.log(`\n$ spo ${args.join(" ")}\n`);
  const result = spawnSync(process.execPath, [SPO, ...args], { cwd: repo, stdio: "inherit" });
  console.log(`(exit code ${result.status})`);
  return result.status ?? -1;
}

const root = mkdtempSync(join(tmpdir(), "spo-demo-"));
let ok = false;
try {
  const repo = join(root, "acme-shop");
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  write(repo, { ...MAIN_FILES, ".github/pull_request_template.md": readFileSync(TEMPLATE, "utf8") });
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", "ACME shop 1.4.2");

  commitBranch(repo, "hotfix/SHOP-42-discount-total", "SHOP-42: fix discount total for percentage codes", {
    "src/checkout/discount.js": MAIN_FILES["src/checkout/discount.js"]!.replace(
      "return total - percent;",
      "return total * (1 - percent / 100);",
    ),
    "src/checkout/discount.test.js": `${MAIN_FILES["src/checkout/discount.test.js"]}test("10% code", () => assert.equal(discountTotal(80, 10), 72));\ntest("100% code", () => assert.equal(discountTotal(80, 100), 0));\n`,
  });
  writeFileSync(join(root, "SHOP-42.md"), GOOD_PR);
  commitBranch(repo, "hotfix/SHOP-57-rounding", "SHOP-57: round tax the same way in cart and invoice", {
    "src/checkout/cart.js": MAIN_FILES["src/checkout/cart.js"]!.replace("0);", "0) * 100 / 100;"),
    "src/billing/invoice.js": MAIN_FILES["src/billing/invoice.js"]!.replace(
      "return total * (1 + taxRate);",
      "return Math.round(total * (1 + taxRate) * 100) / 100;",
    ),
  });
  writeFileSync(join(root, "SHOP-57.md"), BAD_PR);

  console.log(`A throwaway repository at ${repo}: a small shop on main, and two hotfix branches.`);
  console.log(
    "Each PR description is a Markdown file next to the repository (the sections come from .github/pull_request_template.md).",
  );

  console.log("\n1. A good hotfix: one scope, one ticket, a regression test and a rollback plan.");
  git(repo, "checkout", "-q", "hotfix/SHOP-42-discount-total");
  const good = spo(repo, ["check", "--body-file", "../SHOP-42.md"]);

  console.log("\n2. A hotfix that touches two scopes, with no test and no real rollback plan.");
  git(repo, "checkout", "-q", "hotfix/SHOP-57-rounding");
  const bad = spo(repo, ["check", "--body-file", "../SHOP-57.md"]);

  ok = good === 0 && bad === 1;
  console.log(
    ok
      ? "\nspo exits 0 when the gate passes and 1 when it fails (2: usage, config or git error). Run `spo check --help` for the options."
      : `\nUnexpected exit codes: ${good} and ${bad} (expected 0 and 1).`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
