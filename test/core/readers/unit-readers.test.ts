import { describe, expect, it } from "vitest";
import type { Change } from "../../../src/core/change.js";
import { findUnits, planUnitReads } from "../../../src/core/readers/scopes/find-units.js";
import { readIncludedProjects } from "../../../src/core/readers/scopes/gradle-settings.js";
import { readUseDirectives } from "../../../src/core/readers/scopes/go-work.js";
import { readSln } from "../../../src/core/readers/scopes/dotnet-solution.js";
import { buildChange } from "../../../support/build-change.js";

/** The units of a base with these descriptor texts and these other listed paths, as `folder (by)`. */
function unitsOf(texts: Record<string, string>, paths: string[] = []): string[] {
  const change: Change = buildChange({
    contents: { base: texts, head: {} },
    baseTree: { paths: [...Object.keys(texts), ...paths], complete: true },
  });
  return findUnits(change).map((u) => `${u.folder || "(root)"}${u.pattern ? " *" : ""} (${u.by})`);
}

describe("unit readers", () => {
  it("reads npm and pnpm workspaces, globs as patterns and listed packages", () => {
    expect(
      unitsOf({ "package.json": '{ "workspaces": { "packages": ["packages/*", "!packages/legacy"] } }' }, [
        "packages/ui/package.json",
      ]),
    ).toEqual(["packages/ui (workspace package)", "packages/* * (workspace package)"]);
    expect(unitsOf({ "pnpm-workspace.yaml": "packages:\n  - '**'\n" }, ["tools/x/package.json"])).toEqual([
      "(root) (workspace package)",
      "tools/x (workspace package)",
    ]);
  });

  it("reads a Cargo workspace and its root package; an unparsable Cargo.toml declares nothing", () => {
    expect(
      unitsOf({ "Cargo.toml": '[package]\nname = "rg"\n\n[workspace]\nmembers = ["crates/cli", "crates/grep"]\n' }),
    ).toEqual([
      "(root) (Cargo root package)",
      "crates/cli (Cargo workspace member)",
      "crates/grep (Cargo workspace member)",
    ]);
    expect(unitsOf({ "Cargo.toml": "[workspace\nmembers = " })).toEqual([]);
  });

  it("reads go.work use directives, single and in a block", () => {
    expect(readUseDirectives("go 1.22\nuse ./tools // dev\nuse (\n\t.\n\t./rpc/flipt\n)\n")).toEqual([
      "./tools",
      ".",
      "./rpc/flipt",
    ]);
  });

  it("reads Maven modules, profiles included", () => {
    expect(
      unitsOf({
        "pom.xml":
          "<project><modules><module>core</module></modules><profiles><profile><modules><module>extra</module></modules></profile></profiles></project>",
      }),
    ).toEqual(["core (Maven module)", "extra (Maven module)"]);
  });

  it("reads Gradle includes in Groovy and Kotlin, and moved project folders", () => {
    expect(
      readIncludedProjects(
        "include ':a', ':b:c'\n// include ':old'\ninclude(\"d\")\nproject(':d').projectDir = file('libs/d')\n",
      ),
    ).toEqual(["a", "b/c", "libs/d"]);
  });

  it("reads the projects of a solution, skipping solution folders", () => {
    expect(
      readSln(
        'Project("{2150E333}") = "tests", "tests", "{1}"\nEndProject\nProject("{9A19103F}") = "A", "src\\A\\A.csproj", "{2}"\nEndProject\n',
      ),
    ).toEqual(["src\\A\\A.csproj"]);
  });

  it("reads Django apps and framework apps laid out by layer", () => {
    expect(unitsOf({}, ["hc/api/apps.py", "manage.py"])).toEqual(["hc/api (Django app)"]);
    expect(unitsOf({}, ["config/application.rb", "engines/pay/pay.gemspec"])).toEqual([
      "(root) (Rails application)",
      "engines/pay (Rails application part)",
    ]);
    expect(unitsOf({ "mix.exs": 'def project, do: [apps_path: "apps"]\n' })).toEqual(["apps/* * (umbrella app)"]);
    expect(unitsOf({}, ["migrations/env.py", "migrations/alembic.ini"])).toEqual([
      "migrations (migration environment)",
    ]);
  });

  it("plans the listing first, then only the descriptors the listing has", () => {
    const unlisted = buildChange({});
    expect(planUnitReads(unlisted)).toEqual({ baseTree: true, base: [] });
    const listed = buildChange({
      baseTree: { paths: ["pnpm-workspace.yaml", "Jellyfin.sln", "src/a.ts"], complete: true },
    });
    expect(planUnitReads(listed)).toEqual({ baseTree: false, base: ["pnpm-workspace.yaml", "Jellyfin.sln"] });
    const truncated = buildChange({ baseTree: { paths: [], complete: false } });
    expect(planUnitReads(truncated).base).toEqual([
      "package.json",
      "pnpm-workspace.yaml",
      "Cargo.toml",
      "go.work",
      "pom.xml",
      "settings.gradle",
      "settings.gradle.kts",
      "config/application.rb",
      "artisan",
      "mix.exs",
      "app.psgi",
      "prisma/schema.prisma",
    ]);
  });
});
