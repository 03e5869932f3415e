import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Change } from "../../src/core/change.js";
import { MAX_TEXT_READS, planFacts } from "../../src/core/plan-facts.js";
import { buildChange, file } from "../../support/build-change.js";

const patch = "@@ -1,1 +1,1 @@\n-a\n+b";

describe("planFacts: only what a verdict depends on (SPEC §15)", () => {
  it("asks nothing for the common hotfix: one folder, no manifest, no migration", () => {
    expect(planFacts(buildChange(), DEFAULT_CONFIG)).toBeUndefined();
  });

  it("asks for one side of a changed manifest when its patch rebuilds the other", () => {
    const change = buildChange({ files: [file("src/checkout/a.ts"), file("package.json", { patch })] });
    expect(planFacts(change, DEFAULT_CONFIG)).toEqual({ baseTree: true, base: [], head: ["package.json"] });
  });

  it("asks for both sides of a manifest GitHub sent no patch for, and the base of a removed one", () => {
    const change = buildChange({
      files: [file("src/a.ts"), file("src/b.ts"), file("go.mod"), file("Cargo.lock", { status: "removed" })],
    });
    expect(planFacts(change, DEFAULT_CONFIG)).toMatchObject({ base: ["go.mod", "Cargo.lock"], head: ["go.mod"] });
  });

  it("asks for a migration's head and its required down counterpart, never for an added file's patch", () => {
    const change = buildChange({
      files: [
        file("db/migrations/1_a.up.sql", { status: "added", patch: "@@ -0,0 +1,1 @@\n+CREATE TABLE a (id int);" }),
        file("db/migrations/2_b.sql", { patch }),
      ],
    });
    expect(planFacts(change, DEFAULT_CONFIG)).toEqual({
      baseTree: false,
      base: [],
      head: ["db/migrations/2_b.sql", "db/migrations/1_a.down.sql"],
      previousRelease: { paths: ["db/migrations/2_b.sql"] },
    });
  });

  it("asks for the previous release when a base version is a pre-release, once the versions are known", () => {
    const pkg = (v: string) => `{ "version": "${v}" }\n`;
    const listed = buildChange({
      files: [file("package.json", { patch: `@@ -1 +1 @@\n-${pkg("3.5.0-rc.1").trim()}\n+${pkg("3.5.0").trim()}` })],
    });
    expect(planFacts(listed, DEFAULT_CONFIG)).toEqual({ baseTree: false, base: [], head: ["package.json"] });
    const read: Change = { ...listed, contents: { base: {}, head: { "package.json": pkg("3.5.0") } } };
    expect(planFacts(read, DEFAULT_CONFIG)).toEqual({
      baseTree: false,
      base: [],
      head: [],
      previousRelease: { paths: [] },
    });
    expect(planFacts({ ...read, previousRelease: null }, DEFAULT_CONFIG)).toBeUndefined();
  });

  it("reads a Rust file's head only when no file is a test by its name", () => {
    const rust = file("crates/a/src/lib.rs", { patch });
    expect(planFacts(buildChange({ files: [rust] }), DEFAULT_CONFIG)?.head).toEqual(["crates/a/src/lib.rs"]);
    expect(planFacts(buildChange({ files: [rust, file("crates/a/tests/x.rs")] }), DEFAULT_CONFIG)).toBeUndefined();
  });

  it("asks for CODEOWNERS, not the tree, with scope.from: codeowners; nothing with declared scopes", () => {
    const files = [file("src/a/x.ts"), file("lib/b/y.ts")];
    expect(planFacts(buildChange({ files }), parseConfig({ scope: { from: "codeowners" } }, "t"))).toEqual({
      baseTree: false,
      base: [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"],
      head: [],
    });
    expect(
      planFacts(buildChange({ files }), parseConfig({ scope: { scopes: { a: ["src/**"] } } }, "t")),
    ).toBeUndefined();
  });

  it("stays within a bound of file reads", () => {
    const files = Array.from({ length: 150 }, (_, i) => file(`pkg${i}/go.mod`, { patch }));
    const plan = planFacts(buildChange({ files }), parseConfig({ scope: { scopes: { all: ["**"] } } }, "t"));
    expect(plan?.head).toHaveLength(MAX_TEXT_READS);
    expect(plan?.base).toEqual([]);
  });
});
