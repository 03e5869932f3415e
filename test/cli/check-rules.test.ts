import { afterEach, describe, expect, it } from "vitest";
import type { TempRepo } from "../helpers/git-repo.js";
import { BASE_FILES, createHotfixRepo, editSection, type HotfixOptions } from "../helpers/hotfix-repo.js";
import { checkJson, runSpo } from "../helpers/run-cli.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function hotfixRepo(options: HotfixOptions = {}): Promise<TempRepo> {
  const repo = await createHotfixRepo(options);
  cleanup.push(repo.remove);
  return repo;
}

/** Only the manifest changes (and the test): the root manifest is its own scope. */
const manifestOnly = (version: string, leftPad: string) => ({
  "package.json": `${JSON.stringify({ name: "shop", version, dependencies: { "left-pad": leftPad } }, null, 2)}\n`,
  "src/checkout/discount.ts": BASE_FILES["src/checkout/discount.ts"] ?? null,
});

/** Each rule, broken on its own on top of the good hotfix of test/helpers/hotfix-repo.ts. */
describe("spo check fails each rule with exit 1", () => {
  const failures: Array<[string, HotfixOptions, string[]?]> = [
    [
      "base-branch",
      { onBase: (repo) => repo.git.raw(["branch", "develop"]).then(() => undefined) },
      ["--base", "develop"],
    ],
    [
      "single-scope",
      { files: { "src/billing/invoice.ts": "export const invoice = { lines: [] as string[], total: 0 };\n" } },
    ],
    [
      "change-size",
      {
        files: {
          "src/checkout/rates.ts": Array.from({ length: 450 }, (_, i) => `export const r${i} = ${i};`).join("\n"),
        },
      },
    ],
    ["linked-ticket", { branch: "hotfix/discount-total", title: "Fix the discount total on checkout" }],
    ["problem-statement", { body: editSection("Root cause") }],
    ["test-evidence", { files: { "src/checkout/discount.test.ts": null }, body: editSection("Test evidence") }],
    ["rollback-plan", { body: editSection("Rollback plan", "N/A") }],
    [
      "reversible-migration",
      {
        files: {
          "src/checkout/migrations/002_discount_rate.up.sql": "ALTER TABLE carts ADD COLUMN discount_rate numeric;\n",
        },
      },
    ],
    ["dependency-change", { files: manifestOnly("1.4.2", "1.3.1") }],
    ["semver-patch", { files: manifestOnly("1.5.0", "1.3.0") }],
  ];

  it.each(failures)("fails %s with exit 1 and the rule id in the output", async (ruleId, options, args = []) => {
    const repo = await hotfixRepo(options);

    const json = await checkJson(repo.dir, args);
    const text = await runSpo(["check", ...args], { cwd: repo.dir });

    expect(json.code).toBe(1);
    expect(json.verdictOf(ruleId)).toBe("fail");
    expect(json.report?.conclusion).toBe("failure");
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`^ {2}FAIL {2}${ruleId} `, "m"));
    expect(text.stdout).toContain("How to fix");
    expect(json.report?.rules.filter((r) => r.verdict === "fail").map((r) => r.id)).toEqual([ruleId]);
  });
});
