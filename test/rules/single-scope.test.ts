import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { singleScope } from "../../src/rules/single-scope.js";
import { buildChange, file, textFile } from "../../support/build-change.js";

/** A repository whose root package.json declares `packages/*` workspaces. */
const WORKSPACES = { base: { "package.json": JSON.stringify({ workspaces: ["packages/*"] }) }, head: {} };

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

describe("single-scope: no production file", () => {
  it.each([
    [["src/checkout/discount.test.ts", "test/e2e/checkout.spec.ts"]],
    [["README.md", "docs/runbook.md", "CHANGELOG.md", "src/checkout/__tests__/x.ts"]],
    [[".github/workflows/ci.yml", ".github/workflows/release.yml", ".editorconfig"]],
    [["Cargo.lock", "pnpm-lock.yaml", "go.sum", "crates/a/Cargo.lock"]],
    [
      [
        "go.mod",
        "pom.xml",
        "gradle/libs.versions.toml",
        "gradle/wrapper/gradle-wrapper.properties",
        "requirements.txt",
      ],
    ],
  ])("passes a change with no production file: %j", (paths) => {
    expect(evaluate(withFiles(...paths))).toEqual({
      verdict: "pass",
      message:
        "No production file changed (only tests, docs, CI, lockfiles, build or version files): nothing lies outside one scope.",
      facts: { Scopes: "none" },
    });
  });
});

describe("single-scope: skips", () => {
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
      contents: WORKSPACES,
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
      contents: WORKSPACES,
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

describe("single-scope: scopes from the build (SPEC §9)", () => {
  const scopesOf = (change: Change) => evaluate(change).facts?.Scopes;
  const base = (files: Record<string, string>, paths: string[] = []) => ({
    contents: { base: files, head: {} },
    baseTree: { paths: [...Object.keys(files), ...paths], complete: true },
  });

  it.each([
    [
      "Cargo workspace members and the root package",
      base({ "Cargo.toml": '[package]\nname = "rg"\n\n[workspace]\nmembers = ["crates/printer"]\n' }),
      ["crates/core/flags/hiargs.rs", "crates/printer/src/summary.rs"],
      "`(root)` (1 file), `crates/printer` (1 file)",
    ],
    [
      "go.work modules",
      base({ "go.work": "go 1.22\n\nuse (\n\t.\n\t./rpc/flipt\n)\n" }),
      ["internal/server/a.go", "rpc/flipt/b.go"],
      "`(root)` (1 file), `rpc/flipt` (1 file)",
    ],
    [
      "Maven modules",
      base({ "pom.xml": "<project><modules><module>core</module><module>json</module></modules></project>" }),
      ["core/src/main/java/A.java", "json/src/main/java/B.java"],
      "`core` (1 file), `json` (1 file)",
    ],
    [
      "Gradle settings includes",
      base({ "settings.gradle": "include ':retrofit'\ninclude ':retrofit-adapters:guava'\n" }),
      ["retrofit/src/main/A.java", "retrofit-adapters/guava/src/main/B.java"],
      "`retrofit-adapters/guava` (1 file), `retrofit` (1 file)",
    ],
    [
      ".NET solution projects",
      base({
        "App.sln":
          'Project("{X}") = "A", "src\\A\\A.csproj", "{1}"\nEndProject\nProject("{X}") = "B", "src\\B\\B.csproj", "{2}"\nEndProject\n',
      }),
      ["src/A/One.cs", "src/B/Two.cs"],
      "`src/A` (1 file), `src/B` (1 file)",
    ],
    [
      "Django apps (folders with apps.py)",
      base({}, ["hc/api/apps.py"]),
      ["hc/api/views.py", "hc/front/views.py"],
      "`hc/api` (1 file), `hc` (1 file)",
    ],
    [
      "crates as a container folder",
      {},
      ["crates/a/src/lib.rs", "crates/b/src/lib.rs"],
      "`crates/a` (1 file), `crates/b` (1 file)",
    ],
  ])("fails production files in two units: %s", (_name, facts, paths, scopes) => {
    expect(scopesOf(buildChange({ ...facts, files: paths.map((p) => file(p)) }))).toBe(scopes);
  });

  it.each([
    [
      "a Rails application",
      base({}, ["config/application.rb"]),
      ["app/models/a.rb", "app/views/a/index.html.erb", "config/routes.rb", "db/schema.rb", "lib/tasks/x.rake"],
    ],
    ["a Laravel application", base({}, ["artisan"]), ["app/Http/A.php", "routes/api.php", "database/seeders/S.php"]],
    [
      "a Phoenix application",
      base({ "mix.exs": "defmodule X.MixProject do\nend\n" }, ["lib/hexpm_web.ex"]),
      ["lib/hexpm/a.ex", "lib/hexpm_web/b.ex", "priv/repo/seeds.exs", "config/prod.exs"],
    ],
    [
      "a PSGI application",
      base({}, ["app.psgi"]),
      ["lib/MetaCPAN/Web/Model/API.pm", "root/inc/table.tx", "conf/x.yml"],
    ],
    [
      "a pnpm workspace of `**` with one package",
      base({ "pnpm-workspace.yaml": "packages:\n  - '**'\n" }),
      ["docker/middleware.ts", "src/lib/a.ts", "src/app/layout.tsx"],
    ],
    [
      "an Alembic environment beside its application",
      base({}, ["migrations/env.py", "migrations/alembic.ini"]),
      ["CTFd/api/v1/solutions.py", "migrations/versions/e69a_x.py"],
    ],
  ])("passes %s laid out by layer as one scope", (_name, facts, paths) => {
    expect(evaluate(buildChange({ ...facts, files: paths.map((p) => file(p)) })).verdict).toBe("pass");
  });

  it("keeps a Rails engine a scope of its own", () => {
    const facts = base({}, ["config/application.rb", "engines/billing/billing.gemspec"]);
    expect(
      scopesOf(buildChange({ ...facts, files: [file("app/models/a.rb"), file("engines/billing/app/models/b.rb")] })),
    ).toBe("`(root)` (1 file), `engines/billing` (1 file)");
  });

  it("opens no scope for a lockfile, a root build file or a version-only edit", () => {
    const pkg = (version: string) => `{\n  "name": "@x/ui",\n  "version": "${version}"\n}\n`;
    const change = buildChange({
      files: [
        file("packages/api/src/orders.ts"),
        textFile("packages/ui/package.json", pkg("1.0.0"), pkg("1.0.1")),
        file("pnpm-lock.yaml"),
        file("Cargo.toml"),
      ],
    });
    expect(scopesOf(change)).toBe("`packages/api`");
  });

  it("counts a Rust file whose diff only changes test code as a test, not as production", () => {
    const head =
      "pub fn a() {}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn b() {\n        assert!(true);\n    }\n}\n";
    const base = head.replace("        assert!(true);\n", "");
    const change = buildChange({ files: [file("crates/a/src/lib.rs"), textFile("crates/b/src/lib.rs", base, head)] });
    expect(scopesOf(change)).toBe("`crates/a`");
  });
});

describe("single-scope: scope.from codeowners", () => {
  const config = parseConfig({ scope: { from: "codeowners" } }, "test");
  const owners = (text: string) => ({ contents: { base: { ".github/CODEOWNERS": text, CODEOWNERS: null }, head: {} } });

  it("makes one owner set one scope, the last matching line winning", () => {
    const change = buildChange({
      ...owners("* @org/core\n/src/billing/ @org/payments\n/src/billing/tax/ @org/tax @org/payments\n"),
      files: [
        file("src/checkout/a.ts"),
        file("lib/b.ts"),
        file("src/billing/tax/rates.ts"),
        file("src/billing/invoice.ts"),
      ],
    });
    const result = evaluate(change, config);
    expect(result.verdict).toBe("fail");
    // Owner names come out through the one safe renderer: a zero-width space after `@`, no team pinged.
    expect(result.facts?.Scopes).toBe(
      "`@\u200Borg/core` (2 files), `@\u200Borg/payments` (1 file), `@\u200Borg/payments @\u200Borg/tax` (1 file)",
    );
  });

  it("passes files of different folders with the same owners", () => {
    const change = buildChange({ ...owners("*.ts @org/web\n"), files: [file("src/a/x.ts"), file("lib/b/y.ts")] });
    expect(evaluate(change, config)).toMatchObject({
      verdict: "pass",
      message: "Every production file lies in scope `@\u200Borg/web`.",
    });
  });

  it("fails closed without a CODEOWNERS file, or with one GitHub would refuse", () => {
    const none = buildChange({
      contents: { base: { ".github/CODEOWNERS": null, CODEOWNERS: null, "docs/CODEOWNERS": null }, head: {} },
    });
    expect(evaluate(none, config)).toEqual({
      verdict: "fail",
      message:
        "Scopes come from CODEOWNERS (`scope.from: codeowners`), but no CODEOWNERS file at the base (`.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`).",
      fix: "Add a valid CODEOWNERS file to the base branch, or set `scope.from: build` in the config.",
    });
    expect(evaluate(buildChange(owners("!/src @org/x\n")), config).message).toContain(
      "uses syntax GitHub does not support",
    );
  });
});
