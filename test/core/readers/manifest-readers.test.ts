import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/core/change.js";
import { findDependencyChanges } from "../../../src/core/readers/find-dependency-changes.js";
import { findManifestReader, manifestReaders } from "../../../src/core/readers/manifests/index.js";
import { buildChange, textFile } from "../../../support/build-change.js";

/** The dependency edits of one file changed from `base` to `head`: the reasons, or [] when none. */
function edits(path: string, base: string | null, head: string | null): string[] {
  const change: Change = buildChange({ files: [textFile(path, base, head)] });
  return findDependencyChanges(change).map((c) => c.reason);
}

describe("manifest readers: only dependency edits count", () => {
  it.each([
    [
      "package.json: a version bump and a new script",
      "package.json",
      '{ "version": "1.0.0", "scripts": {}, "dependencies": { "a": "^1.0.0" } }',
      '{ "version": "1.0.1", "scripts": { "x": "y" }, "dependencies": { "a": "^1.0.0" } }',
    ],
    [
      "package.json: a workspace package swapped for another",
      "packages/ssr/package.json",
      '{ "peerDependencies": { "vue": "workspace:*" } }',
      '{ "dependencies": { "@vue/runtime-dom": "workspace:*" } }',
    ],
    [
      "pnpm-lock.yaml: importers linking the workspace's own packages",
      "pnpm-lock.yaml",
      "lockfileVersion: '9.0'\nimporters:\n  packages/ssr:\n    dependencies:\n      vue:\n        specifier: workspace:*\n        version: link:../vue\n",
      "lockfileVersion: '9.0'\nimporters:\n  packages/ssr:\n    dependencies:\n      '@vue/runtime-dom':\n        specifier: workspace:*\n        version: link:../runtime-dom\n",
    ],
    [
      "Cargo.lock: only the workspace's own crates change version",
      "Cargo.lock",
      'version = 4\n\n[[package]]\nname = "ignore"\nversion = "0.4.22"\n\n[[package]]\nname = "memchr"\nversion = "2.7.4"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "aa"\n',
      'version = 4\n\n[[package]]\nname = "ignore"\nversion = "0.4.23"\n\n[[package]]\nname = "memchr"\nversion = "2.7.4"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "aa"\n',
    ],
    [
      "Cargo.toml: a path dependency on an own crate and the [package] version",
      "Cargo.toml",
      '[package]\nname = "rg"\nversion = "14.1.0"\n\n[dependencies]\ngrep = { version = "0.2.13", path = "crates/grep" }\n',
      '[package]\nname = "rg"\nversion = "14.1.1"\n\n[dependencies]\ngrep = { version = "0.3.0", path = "crates/grep" }\n',
    ],
    [
      "pom.xml: a release commit that edits only <version>",
      "pom.xml",
      "<project><groupId>cn.x</groupId><artifactId>p</artifactId><version>5.8.34-SNAPSHOT</version><dependencyManagement><dependencies><dependency><groupId>cn.x</groupId><artifactId>core</artifactId><version>${project.version}</version></dependency></dependencies></dependencyManagement></project>",
      "<project><groupId>cn.x</groupId><artifactId>p</artifactId><version>5.8.34</version><dependencyManagement><dependencies><dependency><groupId>cn.x</groupId><artifactId>core</artifactId><version>${project.version}</version></dependency></dependencies></dependencyManagement></project>",
    ],
    [
      "pom.xml: a module's <parent> of the same reactor, which it takes its version from",
      "core/pom.xml",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>5.8.34-SNAPSHOT</version></parent><artifactId>core</artifactId></project>",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>5.8.34</version></parent><artifactId>core</artifactId></project>",
    ],
    [
      "pom.xml: a dependency on a module of the same reactor",
      "cron/pom.xml",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>1</version></parent><dependencies/></project>",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>1</version></parent><dependencies><dependency><groupId>cn.x</groupId><artifactId>log</artifactId><version>${project.parent.version}</version></dependency></dependencies></project>",
    ],
    [
      "build.gradle.kts: a version and a task, outside dependencies {}",
      "app/build.gradle.kts",
      'version = "1.0"\ndependencies {\n    implementation("com.squareup.okio:okio:3.9.0") // io\n    implementation(project(":core"))\n}\n',
      'version = "1.1"\ntasks.register("x") { doLast { println("}") } }\ndependencies {\n    implementation("com.squareup.okio:okio:3.9.0") // io, kept\n    implementation(project(":api"))\n}\n',
    ],
    [
      ".csproj: only <VersionPrefix>",
      "src/App/App.csproj",
      '<Project><PropertyGroup><VersionPrefix>10.11.10</VersionPrefix></PropertyGroup><ItemGroup><PackageReference Include="A" Version="1.0.0" /><ProjectReference Include="../B/B.csproj" /></ItemGroup></Project>',
      '<Project><PropertyGroup><VersionPrefix>10.11.11</VersionPrefix></PropertyGroup><ItemGroup><PackageReference Include="A" Version="1.0.0" /><ProjectReference Include="../C/C.csproj" /></ItemGroup></Project>',
    ],
    [
      "go.mod: the go line and a local replace",
      "go.mod",
      "module x\n\ngo 1.22\n\nrequire github.com/a/b v1.0.0\n\nreplace example.com/own => ./own\n",
      "module x\n\ngo 1.23\n\nrequire github.com/a/b v1.0.0 // pinned\n\nreplace example.com/own => ./own/v2\n",
    ],
    [
      "requirements.txt: comments and blank lines",
      "requirements.txt",
      "# pins\nDjango==6.0.5\n",
      "# pins, reviewed\n\ndjango==6.0.5  # security\n",
    ],
    [
      "pyproject.toml: [project] version and tool settings",
      "pyproject.toml",
      '[project]\nname = "x"\nversion = "1.0.0"\ndependencies = ["requests==2.32.3"]\n\n[tool.ruff]\nline-length = 100\n',
      '[project]\nname = "x"\nversion = "1.0.1"\ndependencies = ["requests==2.32.3"]\n\n[tool.ruff]\nline-length = 120\n',
    ],
    [
      "Gemfile.lock: a gem of the repository's own PATH source",
      "Gemfile.lock",
      "PATH\n  remote: engines/billing\n  specs:\n    billing (0.1.0)\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.2.1)\n",
      "PATH\n  remote: engines/billing\n  specs:\n    billing (0.2.0)\n\nGEM\n  remote: https://rubygems.org/\n  specs:\n    rake (13.2.1)\n",
    ],
    [
      "mix.exs: an umbrella sibling",
      "apps/web/mix.exs",
      'defp deps do\n  [\n    {:phoenix, "~> 1.8"},\n    {:core, in_umbrella: true}\n  ]\nend\n',
      'defp deps do\n  [\n    {:phoenix, "~> 1.8"},\n    {:core, in_umbrella: true},\n    {:auth, in_umbrella: true}\n  ]\nend\n',
    ],
  ])("no dependency change: %s", (_name, path, base, head) => {
    expect(edits(path, base, head)).toEqual([]);
  });

  it.each([
    [
      "Cargo.lock: an external crate's version and checksum",
      "Cargo.lock",
      '[[package]]\nname = "crossbeam-channel"\nversion = "0.5.13"\nsource = "registry+x"\nchecksum = "aa"\n',
      '[[package]]\nname = "crossbeam-channel"\nversion = "0.5.15"\nsource = "registry+x"\nchecksum = "bb"\n',
      "changes `packages` › `crossbeam-channel` 0.5.13 → 0.5.15",
    ],
    [
      "pom.xml: a dependency bumped through a <properties> value",
      "extra/pom.xml",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>1</version></parent><properties><beetl.version>3.15.12</beetl.version></properties><dependencies><dependency><groupId>com.ibeetl</groupId><artifactId>beetl</artifactId><version>${beetl.version}</version></dependency></dependencies></project>",
      "<project><parent><groupId>cn.x</groupId><artifactId>p</artifactId><version>1</version></parent><properties><beetl.version>3.15.14</beetl.version></properties><dependencies><dependency><groupId>com.ibeetl</groupId><artifactId>beetl</artifactId><version>${beetl.version}</version></dependency></dependencies></project>",
      "changes `<dependencies>` › `com.ibeetl:beetl` 3.15.12 → 3.15.14",
    ],
    [
      "pom.xml: a plugin bump",
      "pom.xml",
      "<project><version>1</version><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.0</version></plugin></plugins></build></project>",
      "<project><version>1</version><build><plugins><plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.0</version></plugin></plugins></build></project>",
      "changes `<plugins>` › `org.apache.maven.plugins:maven-surefire-plugin` 3.2.0 → 3.5.0",
    ],
    [
      "gradle/libs.versions.toml: a catalog version",
      "gradle/libs.versions.toml",
      '[versions]\nprotobuf = "3.25.4"\n',
      '[versions]\nprotobuf = "3.25.5"\n',
      "changes `[versions]` › `protobuf` 3.25.4 → 3.25.5",
    ],
    [
      "gradle-wrapper.properties: the Gradle distribution",
      "gradle/wrapper/gradle-wrapper.properties",
      "distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10.1-bin.zip\nnetworkTimeout=10000\n",
      "distributionUrl=https\\://services.gradle.org/distributions/gradle-8.10.2-bin.zip\nnetworkTimeout=10000\n",
      "changes `wrapper` › `distributionUrl` gradle-8.10.1-bin.zip → gradle-8.10.2-bin.zip",
    ],
    [
      "build.gradle: a library inside dependencies {}",
      "build.gradle",
      "dependencies {\n  implementation 'com.squareup.okio:okio:3.9.0'\n}\n",
      "dependencies {\n  implementation 'com.squareup.okio:okio:3.9.1'\n}\n",
      "changes `dependencies {}` › `implementation 'com.squareup.okio:okio:3.9.1'` (added), `dependencies {}` › `implementation 'com.squareup.okio:okio:3.9.0'` (removed)",
    ],
    [
      "Directory.Packages.props: a central package version",
      "Directory.Packages.props",
      '<Project><ItemGroup><PackageVersion Include="AsyncKeyedLock" Version="7.1.6" /></ItemGroup></Project>',
      '<Project><ItemGroup><PackageVersion Include="AsyncKeyedLock" Version="7.1.7" /></ItemGroup></Project>',
      "changes `PackageVersion` › `AsyncKeyedLock` 7.1.6 → 7.1.7",
    ],
    [
      "go.mod: a required module",
      "go.mod",
      "module x\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.5\n)\n",
      "module x\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.6\n)\n",
      "changes `require` › `github.com/jackc/pgx/v5` v5.7.5 → v5.7.6",
    ],
    [
      "requirements.txt: a pin, whatever the name's case",
      "requirements/base.txt",
      "Django==6.0.5\n",
      "django==6.0.6\n",
      "changes `requirements` › `django` ==6.0.5 → ==6.0.6",
    ],
    [
      "uv.lock: a locked package",
      "uv.lock",
      'version = 1\n\n[[package]]\nname = "redash"\nversion = "1"\nsource = { editable = "." }\n\n[[package]]\nname = "authlib"\nversion = "0.15.5"\nsource = { registry = "https://pypi.org/simple" }\n',
      'version = 1\n\n[[package]]\nname = "redash"\nversion = "2"\nsource = { editable = "." }\n\n[[package]]\nname = "authlib"\nversion = "1.7.2"\nsource = { registry = "https://pypi.org/simple" }\n',
      "changes `packages` › `authlib` 0.15.5 → 1.7.2",
    ],
    [
      "Gemfile.lock: a transitive gem",
      "Gemfile.lock",
      "GEM\n  remote: https://rubygems.org/\n  specs:\n    websocket-driver (0.8.0)\n      base64\n",
      "GEM\n  remote: https://rubygems.org/\n  specs:\n    websocket-driver (0.8.2)\n      base64\n",
      "changes `specs` › `websocket-driver` 0.8.0 → 0.8.2",
    ],
    [
      "composer.json: require-dev",
      "composer.json",
      '{ "require-dev": { "phpunit/phpunit": "^10.5" } }',
      '{ "require-dev": { "phpunit/phpunit": "^11.0" } }',
      "changes `require-dev` › `phpunit/phpunit` ^10.5 → ^11.0",
    ],
    [
      "mix.lock: a hex package",
      "mix.lock",
      '%{\n  "ex_machina": {:hex, :ex_machina, "2.8.0", "aa", [:mix], [], "hexpm", "bb"},\n}\n',
      '%{\n  "ex_machina": {:hex, :ex_machina, "2.8.1", "cc", [:mix], [], "hexpm", "dd"},\n}\n',
      "changes `lock` › `ex_machina` 2.8.0 → 2.8.1",
    ],
    [
      "cpanfile: a minimum version, in its phase",
      "cpanfile",
      "requires 'MetaCPAN::Role', '0.06';\non test => sub {\n    requires 'Test::More', '0.96';\n};\n",
      "requires 'MetaCPAN::Role', '1.00';\non test => sub {\n    requires 'Test::More', '0.98';\n};\n",
      "changes `runtime requires` › `MetaCPAN::Role` 0.06 → 1.00, `test requires` › `Test::More` 0.96 → 0.98",
    ],
    [
      "cpanfile.snapshot: a distribution",
      "cpanfile.snapshot",
      "DISTRIBUTIONS\n  URI-5.31\n    pathname: O/OA/OALDERS/URI-5.31.tar.gz\n",
      "DISTRIBUTIONS\n  URI-5.32\n    pathname: O/OA/OALDERS/URI-5.32.tar.gz\n",
      "changes `distributions` › `URI` 5.31 → 5.32",
    ],
    [
      "yarn.lock: an entry",
      "yarn.lock",
      'lodash@^4.17.20:\n  version "4.17.20"\n',
      'lodash@^4.17.20:\n  version "4.17.21"\n',
      "changes `entries` › `lodash@^4.17.20` 4.17.20 → 4.17.21",
    ],
    [
      "package.json: the packageManager pin",
      "package.json",
      '{ "packageManager": "pnpm@9.1.0" }',
      '{ "packageManager": "pnpm@9.2.0" }',
      "changes `packageManager` › `pnpm` pnpm@9.1.0 → pnpm@9.2.0",
    ],
    [
      "bun.lockb: any change of an opaque lockfile",
      "bun.lockb",
      "aaa",
      "bbb",
      "changes `lockfile` › `its locked versions` aaa → bbb",
    ],
  ])("a dependency change: %s", (_name, path, base, head, reason) => {
    expect(edits(path, base, head)).toEqual([reason]);
  });

  it("counts every dependency of an added manifest and of a removed one", () => {
    expect(edits("go.mod", null, "module x\n\nrequire github.com/a/b v1.0.0\n")).toEqual([
      "changes `require` › `github.com/a/b` (added v1.0.0)",
    ]);
    expect(edits("Pipfile", '[packages]\nrequests = "*"\n', null)).toEqual([
      "changes `[packages]` › `requests` (removed)",
    ]);
  });

  it("names every format in the registry once, and finds the reader of a path by its name", () => {
    expect(new Set(manifestReaders.map((r) => r.format)).size).toBe(manifestReaders.length);
    expect(findManifestReader("packages/a/package.json")?.format).toBe("package.json");
    expect(findManifestReader("gradle/wrapper/gradle-wrapper.properties")?.format).toBe("gradle-wrapper.properties");
    expect(findManifestReader("src/package.ts")).toBeUndefined();
  });
});
