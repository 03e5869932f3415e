import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { semverPatch } from "../../src/rules/semver-patch.js";
import { buildChange, file, textFile } from "../../support/build-change.js";

const inc = (version: string) => version.replace(/\d+$/, (patch) => String(Number(patch) + 1));
const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  semverPatch.evaluate({ change, config, sections: readBodySections(change.body) });

/** A package.json whose version goes from `base` to `head` on line 3. */
const packageJson = (base: string, head: string, path = "package.json") =>
  textFile(path, manifest(base), manifest(head));
const manifest = (version: string) => `{\n  "name": "shop",\n  "version": "${version}",\n  "private": true\n}\n`;
const withVersion = (base: string, head: string) =>
  buildChange({ files: [file("src/checkout/discount.ts"), packageJson(base, head)] });
const FIX_1_4_3 =
  "Set the version in `package.json` to 1.4.3; a hotfix ships only a patch bump, and other changes wait for a regular release.";

describe("semver-patch: no version edit", () => {
  it("skips the default change", () => {
    expect(evaluate(buildChange())).toEqual({ verdict: "skip", message: "The change does not edit a version." });
  });

  it("skips a package.json edit that leaves the version alone", () => {
    const change = buildChange({
      files: [textFile("package.json", manifest("1.4.2"), manifest("1.4.2").replace("shop", "store"))],
    });
    expect(evaluate(change).verdict).toBe("skip");
  });

  it("skips a version that only gains or loses a leading v", () => {
    expect(evaluate(withVersion("v1.4.2", "1.4.2"))).toEqual({
      verdict: "skip",
      message: "The change does not edit a version.",
    });
  });

  it("skips a new package.json that has no base version", () => {
    const patch = ["@@ -0,0 +1,3 @@", "+{", '+  "version": "0.1.0"', "+}"].join("\n");
    // An added file's head is its patch: nothing to read.
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
  const versionFile = (base: string, head: string, path = "VERSION") => textFile(path, `${base}\n`, `${head}\n`);

  it("reads a VERSION file by default", () => {
    const change = buildChange({ files: [file("src/checkout/discount.ts"), versionFile("1.4.2", "1.5.0")] });
    expect(evaluate(change)).toMatchObject({
      verdict: "fail",
      message: "`VERSION` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3.",
      findings: [{ path: "VERSION", line: 1, message: "`VERSION` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3." }],
    });
  });

  it("reads a file of no known format only when versioning.files names it, by its version line", () => {
    const chart = textFile("chart/Chart.yaml", "name: shop\nversion: 1.4.2\n", "name: shop\nversion: 1.5.0\n");
    const change = buildChange({ files: [file("src/checkout/discount.ts"), chart] });
    expect(evaluate(change).verdict).toBe("skip");
    const config = parseConfig({ versioning: { files: ["chart/Chart.yaml"] } }, "test");
    expect(evaluate(change, config)).toMatchObject({
      verdict: "fail",
      message: "`chart/Chart.yaml` goes 1.4.2 → 1.5.0; a hotfix must be 1.4.3.",
    });
  });

  it.each([
    [
      "Cargo.toml",
      '[package]\nname = "rg"\nversion = "15.1.0"\n\n[dependencies]\nbstr = "1.7.0"\n',
      "15.1.0",
      "15.2.0",
    ],
    ["crates/a/Cargo.toml", '[package]\nname = "a"\nversion.workspace = true\n', undefined, undefined],
    [
      "pom.xml",
      "<project><groupId>g</groupId><artifactId>a</artifactId><version>2.3.0</version></project>\n",
      "2.3.0",
      "2.4.0",
    ],
    ["gradle.properties", "GROUP=com.example\nVERSION_NAME=2.10.0\n", "2.10.0", "2.11.0"],
    ["pyproject.toml", '[project]\nname = "x"\nversion = "1.0.0"\ndependencies = ["a==1.0.0"]\n', "1.0.0", "1.1.0"],
    [
      "src/App/App.csproj",
      "<Project><PropertyGroup><VersionPrefix>10.11.10</VersionPrefix></PropertyGroup></Project>\n",
      "10.11.10",
      "10.12.0",
    ],
    ["mix.exs", '@version "0.4.0"\ndef project, do: [app: :x, version: @version]\n', "0.4.0", "0.5.0"],
    ["shop/__init__.py", '__version__ = "3.7.7"\n', "3.7.7", "3.8.0"],
  ])("reads the project's own version of %s", (path, text, base, head) => {
    const bumped = base && head ? text.replace(base, head) : `${text}# edited\n`;
    const result = evaluate(buildChange({ files: [file("src/checkout/discount.ts"), textFile(path, text, bumped)] }));
    if (base === undefined) expect(result.verdict).toBe("skip");
    else expect(result.message).toBe(`\`${path}\` goes ${base} → ${head}; a hotfix must be ${inc(base)}.`);
  });

  it("does not read a Cargo.toml dependency's version as the crate's", () => {
    const base = '[package]\nname = "grep"\nversion = "0.2.13"\n\n[dependencies]\nregex = "1.10.0"\n';
    const change = buildChange({ files: [textFile("crates/grep/Cargo.toml", base, base.replace("1.10.0", "1.11.0"))] });
    expect(evaluate(change).verdict).toBe("skip");
  });

  it("fails closed when a version file's text could not be read", () => {
    const change = buildChange({
      files: [file("package.json", { patch: '@@ -1 +1 @@\n-{"version": "1"}\n+{"version": "2"}' })],
    });
    expect(evaluate(change)).toEqual({
      verdict: "fail",
      message: "The version could not be checked: `package.json` at the base could not be read.",
      fix: "Re-run the check (`/spo recheck`); if it fails again, the file may be too large for the host to return.",
    });
  });
});

describe("semver-patch: a pre-release base", () => {
  const release = { tag: "v3.4.38", version: "3.4.38", paths: [] };

  it("compares with the previous release tag: 3.5.0-rc.1 → 3.5.0 is a minor release, not a hotfix", () => {
    const change = buildChange({ files: [packageJson("3.5.0-rc.1", "3.5.0")], previousRelease: release });
    expect(evaluate(change)).toMatchObject({
      verdict: "fail",
      message:
        "`package.json` goes 3.5.0-rc.1 → 3.5.0 (the base is a pre-release, so the previous release v3.4.38 counts); a hotfix must be 3.4.39.",
    });
  });

  it("passes a development base released as the next patch of the previous release", () => {
    const change = buildChange({
      files: [packageJson("5.8.34-SNAPSHOT", "5.8.34")],
      previousRelease: { tag: "5.8.33", version: "5.8.33", paths: [] },
    });
    expect(evaluate(change).verdict).toBe("pass");
  });

  it("compares with the base when the repository has no release tag", () => {
    const change = buildChange({ files: [packageJson("3.5.0-rc.1", "3.5.0")], previousRelease: null });
    expect(evaluate(change)).toMatchObject({
      verdict: "pass",
      message: "`package.json` goes 3.5.0-rc.1 → 3.5.0, a patch bump.",
    });
  });

  it("reads calendar versions loosely (26.07.1-dev → 26.08.0-dev after v26.3.0)", () => {
    const change = buildChange({
      files: [packageJson("26.07.1-dev", "26.08.0-dev")],
      previousRelease: { tag: "v26.3.0", version: "26.3.0", paths: [] },
    });
    expect(evaluate(change).message).toBe(
      "`package.json` goes 26.07.1-dev → 26.08.0-dev (the base is a pre-release, so the previous release v26.3.0 counts); a hotfix must be 26.3.1.",
    );
  });
});

describe("semver-patch: several edits", () => {
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
    const change = buildChange({
      files: [
        packageJson("1.4.2", "1.4.3"),
        packageJson("0.3.0", "0.4.0", "packages/ui/package.json"),
        textFile("VERSION", "1.4.2\n", "2.0.0\n"),
      ],
    });
    const result = evaluate(change);
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
