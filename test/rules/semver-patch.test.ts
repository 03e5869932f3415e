import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change, ChangedFile } from "../../src/core/change.js";
import { semverPatch } from "../../src/rules/semver-patch.js";
import { buildChange, file } from "../../support/build-change.js";

const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  semverPatch.evaluate({ change, config, sections: readBodySections(change.body) });

/** A root package.json whose version goes from `base` to `head` on line 3. */
const packageJson = (base: string, head: string, path = "package.json"): ChangedFile =>
  file(path, {
    patch: [
      "@@ -1,4 +1,4 @@",
      " {",
      '   "name": "shop",',
      `-  "version": "${base}",`,
      `+  "version": "${head}",`,
      '   "private": true',
    ].join("\n"),
  });
const withVersion = (base: string, head: string) =>
  buildChange({ files: [file("src/checkout/discount.ts"), packageJson(base, head)] });
const FIX_1_4_3 =
  "Set the version in `package.json` to 1.4.3; a hotfix ships only a patch bump, and other changes wait for a regular release.";

describe("semver-patch: no version edit", () => {
  it("skips the default change", () => {
    expect(evaluate(buildChange())).toEqual({ verdict: "skip", message: "The change does not edit a version." });
  });

  it("skips adapter versions that did not change", () => {
    expect(evaluate(buildChange({ versions: [{ path: "package.json", base: "1.4.2", head: "1.4.2" }] })).verdict).toBe(
      "skip",
    );
  });

  it("skips a version that only gains or loses a leading v", () => {
    expect(evaluate(withVersion("v1.4.2", "1.4.2"))).toEqual({
      verdict: "skip",
      message: "The change does not edit a version.",
    });
  });

  it("skips a new package.json that has no base version", () => {
    const patch = ["@@ -0,0 +1,3 @@", "+{", '+  "version": "0.1.0"', "+}"].join("\n");
    expect(evaluate(buildChange({ files: [file("packages/new/package.json", { status: "added", patch })] }))).toEqual({
      verdict: "skip",
      message:
        "Not judged: `packages/new/package.json` has no base and head version to compare (a new or removed version).",
      facts: { Versions: "`packages/new/package.json` (none) → 0.1.0" },
    });
  });
});

describe("semver-patch: one edit", () => {
  it("passes 1.4.2 → 1.4.3", () => {
    expect(evaluate(withVersion("1.4.2", "1.4.3"))).toEqual({
      verdict: "pass",
      message: "`package.json` goes 1.4.2 → 1.4.3, a patch bump.",
      facts: { Versions: "`package.json` 1.4.2 → 1.4.3" },
    });
  });

  it("fails 1.4.2 → 1.5.0, with a finding on the version line", () => {
    expect(evaluate(withVersion("1.4.2", "1.5.0"))).toEqual({
      verdict: "fail",
      message: "`package.json` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3.",
      fix: FIX_1_4_3,
      facts: { Versions: "`package.json` 1.4.2 → 1.5.0" },
      findings: [
        { path: "package.json", line: 3, message: "`package.json` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3." },
      ],
    });
  });

  it.each([
    ["1.4.2", "1.4.4", "`package.json` goes 1.4.2 → 1.4.4; a hotfix must be 1.4.3."],
    ["1.4.2", "2.0.0", "`package.json` goes 1.4.2 → 2.0.0; a hotfix must be 1.4.3."],
    ["1.4.2", "1.4.1", "`package.json` goes 1.4.2 → 1.4.1, which is not above 1.4.2; a hotfix must be 1.4.3."],
    [
      "1.4.2",
      "1.4.2-rc.1",
      "`package.json` goes 1.4.2 → 1.4.2-rc.1, which is not above 1.4.2; a hotfix must be 1.4.3.",
    ],
    [
      "1.4.2",
      "1.4.2+hotfix.1",
      "`package.json` goes 1.4.2 → 1.4.2+hotfix.1, which is not above 1.4.2; a hotfix must be 1.4.3.",
    ],
  ])("fails %s → %s", (base, head, message) => {
    const result = evaluate(withVersion(base, head));
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe(message);
    expect(result.fix).toBe(FIX_1_4_3);
  });

  it.each([
    ["v1.4.2", "v1.4.3"],
    ["1.4.3-rc.2", "1.4.3"],
    ["1.4.2", "1.4.3+build.7"],
    ["0.9.9", "0.9.10"],
  ])("passes %s → %s", (base, head) => {
    expect(evaluate(withVersion(base, head)).verdict).toBe("pass");
  });

  it("warns on a pre-release of the right patch (1.4.2 → 1.4.3-rc.1): not yet the release", () => {
    expect(evaluate(withVersion("1.4.2", "1.4.3-rc.1"))).toEqual({
      verdict: "warn",
      message: "`package.json` goes 1.4.2 → 1.4.3-rc.1, a pre-release of the patch 1.4.3.",
      fix: "Set `package.json` to 1.4.3, the release rather than a pre-release, before this hotfix ships.",
      facts: { Versions: "`package.json` 1.4.2 → 1.4.3-rc.1" },
      findings: [
        {
          path: "package.json",
          line: 3,
          message: "`package.json` goes 1.4.2 → 1.4.3-rc.1, a pre-release of the patch 1.4.3.",
        },
      ],
    });
  });

  it("fails an invalid base version with a clear message", () => {
    const result = evaluate(withVersion("1.4", "1.4.1"));
    expect(result).toMatchObject({
      verdict: "fail",
      message: "`package.json` goes 1.4 → 1.4.1, and 1.4 is not a semantic version (MAJOR.MINOR.PATCH).",
      fix: "Write the version in `package.json` as MAJOR.MINOR.PATCH.",
    });
  });

  it("fails an invalid head version and still says what the hotfix should be", () => {
    expect(evaluate(withVersion("1.4.2", "1.4.3-final!"))).toMatchObject({
      verdict: "fail",
      message:
        "`package.json` goes 1.4.2 → 1.4.3-final!, and 1.4.3-final! is not a semantic version (MAJOR.MINOR.PATCH); a hotfix must be 1.4.3.",
      fix: FIX_1_4_3,
    });
  });
});

describe("semver-patch: version sources", () => {
  const versionFile = (base: string, head: string) =>
    file("VERSION", { patch: ["@@ -1 +1 @@", `-${base}`, `+${head}`].join("\n") });

  it("reads a VERSION file listed in versioning.files", () => {
    const config = parseConfig({ versioning: { files: ["VERSION"] } }, "test");
    const change = buildChange({ files: [file("src/checkout/discount.ts"), versionFile("1.4.2", "1.5.0")] });
    expect(evaluate(change, config)).toMatchObject({
      verdict: "fail",
      message: "`VERSION` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3.",
      findings: [{ path: "VERSION", line: 1, message: "`VERSION` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3." }],
    });
    expect(evaluate(change).verdict).toBe("skip");
  });

  it("prefers the adapter's versions over the patches, and omits the line it cannot know", () => {
    const change = buildChange({
      files: [packageJson("1.4.2", "1.4.3")],
      versions: [{ path: "Cargo.toml", base: "2.0.0", head: "2.1.0" }],
    });
    expect(evaluate(change)).toEqual({
      verdict: "fail",
      message: "`Cargo.toml` goes 2.0.0 → 2.1.0; a hotfix must be 2.0.1.",
      fix: "Set the version in `Cargo.toml` to 2.0.1; a hotfix ships only a patch bump, and other changes wait for a regular release.",
      facts: { Versions: "`Cargo.toml` 2.0.0 → 2.1.0" },
      findings: [{ path: "Cargo.toml", message: "`Cargo.toml` goes 2.0.0 → 2.1.0; a hotfix must be 2.0.1." }],
    });
  });

  it("warns on several pre-releases and lists them briefly", () => {
    const change = buildChange({
      files: [packageJson("1.4.2", "1.4.3-rc.1"), packageJson("0.3.0", "0.3.1-beta.0", "packages/ui/package.json")],
    });
    expect(evaluate(change)).toMatchObject({
      verdict: "warn",
      message:
        "2 version edits are pre-releases: `package.json` goes 1.4.2 → 1.4.3-rc.1 (a pre-release of 1.4.3), `packages/ui/package.json` goes 0.3.0 → 0.3.1-beta.0 (a pre-release of 0.3.1).",
      fix: "Set `package.json` to 1.4.3 and `packages/ui/package.json` to 0.3.1, the release rather than a pre-release, before this hotfix ships.",
    });
  });

  it("passes several patch bumps and lists them", () => {
    const change = buildChange({
      files: [packageJson("1.4.2", "1.4.3"), packageJson("0.3.0", "0.3.1", "packages/ui/package.json")],
    });
    expect(evaluate(change)).toEqual({
      verdict: "pass",
      message:
        "Every version edit is a patch bump: `package.json` goes 1.4.2 → 1.4.3, `packages/ui/package.json` goes 0.3.0 → 0.3.1.",
      facts: { Versions: "`package.json` 1.4.2 → 1.4.3, `packages/ui/package.json` 0.3.0 → 0.3.1" },
    });
  });

  it("fails only the edits that are not patch bumps, and names each fix", () => {
    const config = parseConfig({ versioning: { files: ["VERSION"] } }, "test");
    const change = buildChange({
      files: [
        packageJson("1.4.2", "1.4.3"),
        packageJson("0.3.0", "0.4.0", "packages/ui/package.json"),
        versionFile("1.4.2", "2.0.0"),
      ],
    });
    const result = evaluate(change, config);
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe(
      "2 version edits are not patch bumps: `packages/ui/package.json` goes 0.3.0 → 0.4.0 (must be 0.3.1), `VERSION` goes 1.4.2 → 2.0.0 (must be 1.4.3).",
    );
    expect(result.fix).toBe(
      "Set the version in `packages/ui/package.json` to 0.3.1 and set the version in `VERSION` to 1.4.3; a hotfix ships only a patch bump, and other changes wait for a regular release.",
    );
    expect(result.findings).toEqual([
      {
        path: "packages/ui/package.json",
        line: 3,
        message: "`packages/ui/package.json` goes 0.3.0 → 0.4.0; a hotfix must be 0.3.1.",
      },
      { path: "VERSION", line: 1, message: "`VERSION` goes 1.4.2 → 2.0.0; a hotfix must be 1.4.3." },
    ]);
    expect(result.facts?.Versions).toBe(
      "`package.json` 1.4.2 → 1.4.3, `packages/ui/package.json` 0.3.0 → 0.4.0, `VERSION` 1.4.2 → 2.0.0",
    );
  });
});
