import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../../src/config/parse-config.js";
import { findVersionChanges, isVersionOnlyEdit } from "../../../src/core/readers/find-version-changes.js";
import { findVersionReader } from "../../../src/core/readers/versions/index.js";
import { buildChange, file, textFile } from "../../../support/build-change.js";

const read = (path: string, text: string, config = DEFAULT_CONFIG) => findVersionReader(path, config)?.read(text);

describe("version readers: the project's own version, per format", () => {
  it.each([
    ["package.json", '{ "version": "1.4.2", "dependencies": { "a": "2.0.0" } }', "1.4.2"],
    ["package.json", '{ "private": true }', undefined],
    ["Cargo.toml", '[package]\nname = "x"\nversion = "15.1.0"\n\n[dependencies]\ny = "1.0.0"\n', "15.1.0"],
    ["Cargo.toml", '[workspace.package]\nversion = "0.3.0"\n', "0.3.0"],
    [
      "crates/a/Cargo.toml",
      '[package]\nname = "a"\nversion.workspace = true\n\n[dependencies]\nb = { version = "1.2.3" }\n',
      undefined,
    ],
    [
      "pom.xml",
      "<project><version>5.8.34-SNAPSHOT</version><dependencies><dependency><version>9.9.9</version></dependency></dependencies></project>",
      "5.8.34-SNAPSHOT",
    ],
    [
      "core/pom.xml",
      "<project><parent><version>5.8.34</version></parent><artifactId>core</artifactId></project>",
      "5.8.34",
    ],
    ["gradle.properties", "GROUP=com.squareup\nVERSION_NAME=2.11.0-SNAPSHOT\n", "2.11.0-SNAPSHOT"],
    ["gradle.properties", "version=1.2.0\nkotlin.version=2.0.20\n", "1.2.0"],
    ["pyproject.toml", '[project]\nname = "redash"\nversion = "26.07.1-dev"\n', "26.07.1-dev"],
    ["pyproject.toml", '[tool.poetry]\nname = "x"\nversion = "0.9.0"\n', "0.9.0"],
    ["src/A/A.csproj", "<Project><PropertyGroup><Version>3.1.0</Version></PropertyGroup></Project>", "3.1.0"],
    [
      "Directory.Build.props",
      "<Project><PropertyGroup><VersionPrefix>10.11.10</VersionPrefix><VersionSuffix>rc1</VersionSuffix></PropertyGroup></Project>",
      "10.11.10-rc1",
    ],
    ["mix.exs", 'def project do\n  [app: :hexpm, version: "0.0.1", deps: deps()]\nend\n', "0.0.1"],
    ["VERSION", "v24.05.1\n", "v24.05.1"],
    [".version", "v9.11.1", "v9.11.1"],
    ["CTFd/__init__.py", '__version__ = "3.7.7"\n__channel__ = "oss"\n', "3.7.7"],
    ["src/pkg/_version.py", "__version__: str = '1.0.0'\n", "1.0.0"],
  ])("%s: %j → %s", (path, text, version) => {
    expect(read(path, text)).toBe(version);
  });

  it("reads no version from a file nobody declares a version in", () => {
    expect(findVersionReader("src/config.ts", DEFAULT_CONFIG)).toBeUndefined();
    expect(findVersionReader(".python-version", DEFAULT_CONFIG)).toBeUndefined();
    expect(findVersionReader(".tool-versions", DEFAULT_CONFIG)).toBeUndefined();
    expect(findVersionReader("hc/api/views/__init__.py", DEFAULT_CONFIG)).toBeUndefined();
  });

  it("reads a file versioning.files names by its version line, when no format reader knows it", () => {
    const config = parseConfig({ versioning: { files: ["deploy/chart/Chart.yaml"] } }, "test");
    expect(read("deploy/chart/Chart.yaml", "apiVersion: v2\nversion: 1.4.2\n", config)).toBe("1.4.2");
    expect(read("deploy/chart/Chart.yaml", "version: 1.4.2\n")).toBeUndefined();
  });

  it("reads a `.version` dotfile edit as a version edit (a release commit of koel)", () => {
    const patch = "@@ -1,1 +1,1 @@\n-v9.11.0\n+v9.11.1";
    expect(findVersionChanges(buildChange({ files: [file(".version", { patch })] }), DEFAULT_CONFIG)).toEqual({
      edits: [{ path: ".version", base: "v9.11.0", head: "v9.11.1", line: 1 }],
      unread: [],
    });
  });

  it("reads a line format from its diff when the text could not be read", () => {
    const patch = '@@ -1,2 +1,2 @@\n-__version__ = "3.7.7"\n+__version__ = "3.8.0"\n __channel__ = "oss"';
    expect(findVersionChanges(buildChange({ files: [file("CTFd/__init__.py", { patch })] }), DEFAULT_CONFIG)).toEqual({
      edits: [{ path: "CTFd/__init__.py", base: "3.7.7", head: "3.8.0", line: 1 }],
      unread: [],
    });
  });
});

describe("a version-only edit", () => {
  it.each([
    [
      "package.json",
      '{\n  "name": "a",\n  "version": "1.0.0"\n}\n',
      '{\n  "name": "a",\n  "version": "1.0.1"\n}\n',
      true,
    ],
    [
      "core/pom.xml",
      "<project><parent><version>5.8.34-SNAPSHOT</version></parent></project>\n",
      "<project><parent><version>5.8.34</version></parent></project>\n",
      true,
    ],
    ["package.json", '{ "version": "1.0.0", "main": "a.js" }\n', '{ "version": "1.0.1", "main": "b.js" }\n', false],
    ["src/a.ts", "export const v = 1;\n", "export const v = 2;\n", false],
  ])("%s: %s", (path, base, head, versionOnly) => {
    const f = textFile(path, base, head);
    expect(isVersionOnlyEdit(buildChange({ files: [f] }), f, DEFAULT_CONFIG)).toBe(versionOnly);
  });
});
