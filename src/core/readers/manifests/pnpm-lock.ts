import { parse as parseYaml } from "yaml";
import { baseName, type DependencyEntry, type ManifestReader, stableString } from "./manifest-reader.js";

const IMPORTER_BLOCKS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

/**
 * pnpm-lock.yaml (parsed with `yaml`): what each importer resolves (links to the workspace's own
 * packages, `link:`, left out), the `packages` and `snapshots` of external packages, and the
 * overrides, catalogs and patches.
 */
export const pnpmLock: ManifestReader = {
  format: "pnpm-lock.yaml",
  lockfile: true,
  matches: (path) => baseName(path) === "pnpm-lock.yaml",
  read(text) {
    const lock = (parseYaml(text) ?? {}) as Record<string, unknown>;
    const entries: DependencyEntry[] = [];
    for (const [importer, blocks] of Object.entries(asRecord(lock.importers))) {
      for (const block of IMPORTER_BLOCKS) {
        for (const [name, spec] of Object.entries(asRecord(asRecord(blocks)[block]))) {
          const version = typeof spec === "string" ? spec : String(asRecord(spec).version ?? "");
          if (/^(?:link|workspace|file):/.test(version)) continue;
          entries.push({ section: `importers › ${importer} › ${block}`, name, value: stableString(spec) });
        }
      }
    }
    for (const section of ["packages", "snapshots"])
      for (const [key, value] of Object.entries(asRecord(lock[section])))
        entries.push({ section, name: key, value: stableString(value) });
    for (const section of ["overrides", "catalogs", "patchedDependencies"])
      for (const [name, value] of Object.entries(asRecord(lock[section])))
        entries.push({ section, name, value: stableString(value) });
    return entries;
  },
};

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
