import { parse as parseToml } from "smol-toml";
import { baseName, type DependencyEntry, type ManifestReader, stableString } from "./manifest-reader.js";
import { normalizeName, readRequirement } from "./requirements-txt.js";

/**
 * pyproject.toml (parsed with smol-toml): `[project]` `dependencies` and
 * `optional-dependencies`, `[dependency-groups]`, `[build-system] requires`, Poetry's dependency
 * tables and groups, and uv's and PDM's dev and source tables. `python` is a constraint, not a
 * package; a path dependency (`{ path = … }`, uv's `{ workspace = true }`) is the project's own.
 */
export const pyprojectToml: ManifestReader = {
  format: "pyproject.toml",
  lockfile: false,
  matches: (path) => baseName(path) === "pyproject.toml",
  read(text) {
    const doc = parseToml(text) as Record<string, unknown>;
    const project = record(doc.project);
    const tool = record(doc.tool);
    const entries: DependencyEntry[] = [];
    const list = (section: string, specs: unknown) => {
      if (Array.isArray(specs))
        for (const spec of specs) if (typeof spec === "string") entries.push(readRequirement(section, spec));
    };
    const table = (section: string, deps: unknown) => {
      for (const [name, spec] of Object.entries(record(deps))) {
        if (name === "python" || isOwn(spec)) continue;
        entries.push({ section, name: normalizeName(name), value: stableString(spec) });
      }
    };
    list("[project] dependencies", project.dependencies);
    for (const [extra, specs] of Object.entries(record(project["optional-dependencies"])))
      list(`[project.optional-dependencies] ${extra}`, specs);
    for (const [group, specs] of Object.entries(record(doc["dependency-groups"])))
      list(`[dependency-groups] ${group}`, specs);
    list("[build-system] requires", record(doc["build-system"]).requires);
    const poetry = record(tool.poetry);
    table("[tool.poetry.dependencies]", poetry.dependencies);
    table("[tool.poetry.dev-dependencies]", poetry["dev-dependencies"]);
    for (const [group, spec] of Object.entries(record(poetry.group)))
      table(`[tool.poetry.group.${group}.dependencies]`, record(spec).dependencies);
    const uv = record(tool.uv);
    for (const key of ["dev-dependencies", "constraint-dependencies", "override-dependencies"])
      list(`[tool.uv] ${key}`, uv[key]);
    table("[tool.uv.sources]", uv.sources);
    for (const [group, specs] of Object.entries(record(record(tool.pdm)["dev-dependencies"])))
      list(`[tool.pdm.dev-dependencies] ${group}`, specs);
    return entries;
  },
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isOwn(spec: unknown): boolean {
  const s = record(spec);
  return "path" in s || s.workspace === true;
}
