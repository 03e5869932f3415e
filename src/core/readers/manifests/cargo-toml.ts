import { parse as parseToml } from "smol-toml";
import { baseName, type DependencyEntry, type ManifestReader, stableString } from "./manifest-reader.js";

const DEPENDENCY_TABLES = ["dependencies", "dev-dependencies", "build-dependencies"];

/**
 * Cargo.toml (parsed with smol-toml): `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, their `[target.<cfg>.…]` forms, `[workspace.dependencies]`, `[patch.…]`
 * and `[replace]`. A dependency with a `path` is one of the workspace's own crates and is left out:
 * a release that bumps `grep = { version, path }` changes no external crate.
 */
export const cargoToml: ManifestReader = {
  format: "Cargo.toml",
  lockfile: false,
  matches: (path) => baseName(path) === "Cargo.toml",
  read(text) {
    const manifest = parseToml(text) as Record<string, unknown>;
    const entries: DependencyEntry[] = [];
    const add = (section: string, table: unknown) => {
      for (const [name, spec] of Object.entries(asRecord(table)))
        if (!(spec && typeof spec === "object" && "path" in spec))
          entries.push({ section: `[${section}]`, name, value: stableString(spec) });
    };
    for (const table of DEPENDENCY_TABLES) add(table, manifest[table]);
    for (const [cfg, target] of Object.entries(asRecord(manifest.target)))
      for (const table of DEPENDENCY_TABLES) add(`target.${cfg}.${table}`, asRecord(target)[table]);
    add("workspace.dependencies", asRecord(manifest.workspace).dependencies);
    for (const [registry, table] of Object.entries(asRecord(manifest.patch))) add(`patch.${registry}`, table);
    add("replace", manifest.replace);
    return entries;
  },
};

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
