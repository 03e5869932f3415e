import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { singleScope } from "../../src/rules/single-scope.js";
import { buildChange, file } from "../../support/build-change.js";

const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  singleScope.evaluate({ change, config, sections: readBodySections(change.body) });
const withFiles = (...paths: string[]) => buildChange({ files: paths.map((p) => file(p)) });

describe("single-scope: one scope", () => {
  it("passes the default change and names its scope", () => {
    expect(evaluate(buildChange())).toEqual({
      verdict: "pass",
      message: "Every production file lies in scope `src/checkout`.",
      facts: { Scopes: "`src/checkout`" },
    });
  });

  it.each([
    [["Dockerfile", "Makefile"], "(root)"],
    [["src/checkout/a.ts", "src/checkout/deep/b.ts", "docs/checkout.md", "test/checkout.test.ts"], "src/checkout"],
    [["src/index.ts", "src/main.ts"], "src"],
    [["scripts/deploy.sh", "scripts/ci/check.sh"], "scripts"],
  ])("passes %j in scope %s", (paths, scope) => {
    expect(evaluate(withFiles(...paths))).toEqual({
      verdict: "pass",
      message: `Every production file lies in scope \`${scope}\`.`,
      facts: { Scopes: `\`${scope}\`` },
    });
  });

  it("counts a removed file and a rename within the scope", () => {
    const change = buildChange({
      files: [
        file("src/checkout/old.ts", { status: "removed" }),
        file("src/checkout/new.ts", { status: "renamed", previousPath: "src/checkout/legacy.ts" }),
      ],
    });
    expect(evaluate(change).verdict).toBe("pass");
  });

  it("counts only the new path of a copied file", () => {
    const change = buildChange({
      files: [
        file("src/checkout/a.ts"),
        file("src/checkout/b.ts", { status: "copied", previousPath: "src/payments/b.ts" }),
      ],
    });
    expect(evaluate(change).verdict).toBe("pass");
  });
});

describe("single-scope: skips", () => {
  it.each([
    [["src/checkout/discount.test.ts", "test/e2e/checkout.spec.ts"]],
    [["README.md", "docs/runbook.md", "CHANGELOG.md", "src/checkout/__tests__/x.ts"]],
  ])("skips a change with only tests and docs: %j", (paths) => {
    expect(evaluate(withFiles(...paths))).toEqual({
      verdict: "skip",
      message: "Only tests and docs changed, so there is no production scope to judge.",
    });
  });

  it("skips a partial listing rather than pass what it could not see", () => {
    const files = Array.from({ length: 100 }, (_, i) => file(`src/checkout/f${i}.ts`));
    expect(evaluate(buildChange({ files, changedFiles: 3000 }))).toEqual({
      verdict: "skip",
      message: "Not judged: only 100 of 3000 changed files could be listed.",
    });
  });
});

describe("single-scope: several scopes", () => {
  it("fails two container scopes, naming each with its count, main scope first", () => {
    expect(evaluate(withFiles("src/payments/refund.ts", "src/checkout/a.ts", "src/checkout/b.ts"))).toEqual({
      verdict: "fail",
      message: "Production files span 2 scopes: `src/checkout` (2 files), `src/payments` (1 file).",
      fix: "Split this into one PR per scope: keep `src/checkout` here and move the changes in `src/payments` to their own PRs.",
      facts: { Scopes: "`src/checkout` (2 files), `src/payments` (1 file)" },
      findings: [
        {
          path: "src/payments/refund.ts",
          message:
            "`src/payments/refund.ts` is in scope `src/payments`, outside this hotfix's main scope `src/checkout`.",
        },
      ],
    });
  });

  it("breaks a tie between scopes by path order", () => {
    const result = evaluate(withFiles("src/payments/refund.ts", "src/checkout/a.ts"));
    expect(result.message).toBe("Production files span 2 scopes: `src/checkout` (1 file), `src/payments` (1 file).");
    expect(result.findings?.map((f) => f.path)).toEqual(["src/payments/refund.ts"]);
  });

  it("fails a workspace monorepo change that touches two packages", () => {
    const change = buildChange({
      workspaces: ["packages/*"],
      files: [
        file("packages/api/src/orders.ts"),
        file("packages/api/src/db.ts"),
        file("packages/web/src/cart.tsx"),
        file("packages/web/src/cart.test.tsx"),
      ],
    });
    const result = evaluate(change);
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe("Production files span 2 scopes: `packages/api` (2 files), `packages/web` (1 file).");
    expect(result.findings).toEqual([
      {
        path: "packages/web/src/cart.tsx",
        message:
          "`packages/web/src/cart.tsx` is in scope `packages/web`, outside this hotfix's main scope `packages/api`.",
      },
    ]);
  });

  it("passes a workspace monorepo change inside one package", () => {
    const change = buildChange({
      workspaces: ["packages/*"],
      files: [file("packages/api/src/orders.ts"), file("packages/api/lib/db.ts")],
    });
    expect(evaluate(change)).toEqual({
      verdict: "pass",
      message: "Every production file lies in scope `packages/api`.",
      facts: { Scopes: "`packages/api`" },
    });
  });

  it("fails a rename across scopes, counting both sides and annotating the head path", () => {
    const change = buildChange({
      files: [file("src/payments/discount.ts", { status: "renamed", previousPath: "src/checkout/discount.ts" })],
    });
    expect(evaluate(change)).toEqual({
      verdict: "fail",
      message: "Production files span 2 scopes: `src/checkout` (1 file), `src/payments` (1 file).",
      fix: "Split this into one PR per scope: keep `src/checkout` here and move the changes in `src/payments` to their own PRs.",
      facts: { Scopes: "`src/checkout` (1 file), `src/payments` (1 file)" },
      findings: [
        {
          path: "src/payments/discount.ts",
          message:
            "`src/payments/discount.ts` is in scope `src/payments`, outside this hotfix's main scope `src/checkout`.",
        },
      ],
    });
  });

  it("names the old path of a renamed file that left the main scope", () => {
    const change = buildChange({
      files: [
        file("src/checkout/a.ts"),
        file("src/checkout/b.ts"),
        file("src/checkout/moved.ts", { status: "renamed", previousPath: "src/payments/moved.ts" }),
      ],
    });
    expect(evaluate(change).findings).toEqual([
      {
        path: "src/checkout/moved.ts",
        message:
          "`src/payments/moved.ts` (renamed to `src/checkout/moved.ts`) is in scope `src/payments`, outside this hotfix's main scope `src/checkout`.",
      },
    ]);
  });

  it("counts the production side of a file renamed into a test", () => {
    const change = buildChange({
      files: [
        file("src/checkout/a.ts"),
        file("src/payments/b.test.ts", { status: "renamed", previousPath: "src/payments/b.ts" }),
      ],
    });
    expect(evaluate(change).message).toBe(
      "Production files span 2 scopes: `src/checkout` (1 file), `src/payments` (1 file).",
    );
  });
});

describe("single-scope: declared scopes", () => {
  const config = parseConfig(
    { scope: { scopes: { checkout: ["src/checkout/**", "api/checkout/**"], payments: ["src/payments/**"] } } },
    "test",
  );

  it("passes files of one declared scope spread over several folders", () => {
    expect(evaluate(withFiles("src/checkout/a.ts", "api/checkout/routes.ts"), config)).toEqual({
      verdict: "pass",
      message: "Every production file lies in scope `checkout`.",
      facts: { Scopes: "`checkout`" },
    });
  });

  it("fails a file outside every declared scope, with a finding on it", () => {
    expect(evaluate(withFiles("src/checkout/a.ts", "tools/seed.ts"), config)).toEqual({
      verdict: "fail",
      message: "`tools/seed.ts` matches no declared scope (`checkout`, `payments`).",
      fix: "Keep only the files of one declared scope in this PR, or add these files to a scope under `scope.scopes` in the config.",
      facts: { Scopes: "`checkout` (1 file), no scope (1 file)" },
      findings: [
        {
          path: "tools/seed.ts",
          message: "`tools/seed.ts` matches none of the declared scopes `checkout`, `payments`.",
        },
      ],
    });
  });

  it("fails when every file is outside the declared scopes", () => {
    const result = evaluate(withFiles("tools/a.ts", "tools/b.ts"), config);
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe("`tools/a.ts`, `tools/b.ts` match no declared scope (`checkout`, `payments`).");
    expect(result.findings).toHaveLength(2);
  });

  it("fails two declared scopes, and annotates both unscoped and off-scope files", () => {
    const result = evaluate(
      withFiles("src/checkout/a.ts", "src/checkout/b.ts", "src/payments/c.ts", "tools/d.ts"),
      config,
    );
    expect(result.verdict).toBe("fail");
    expect(result.facts).toEqual({ Scopes: "`checkout` (2 files), `payments` (1 file), no scope (1 file)" });
    expect(result.findings?.map((f) => f.path)).toEqual(["tools/d.ts", "src/payments/c.ts"]);
  });

  it("fails two declared scopes with the split fix", () => {
    const result = evaluate(withFiles("src/checkout/a.ts", "src/payments/c.ts"), config);
    expect(result.message).toBe("Production files span 2 scopes: `checkout` (1 file), `payments` (1 file).");
    expect(result.fix).toBe(
      "Split this into one PR per scope: keep `checkout` here and move the changes in `payments` to their own PRs.",
    );
  });

  it("lists at most five unscoped files in the message", () => {
    const result = evaluate(withFiles(...Array.from({ length: 7 }, (_, i) => `tools/f${i}.ts`)), config);
    expect(result.message).toBe(
      "`tools/f0.ts`, `tools/f1.ts`, `tools/f2.ts`, `tools/f3.ts`, `tools/f4.ts` and 2 more match no declared scope (`checkout`, `payments`).",
    );
  });
});
