import { parse as parseToml } from "smol-toml";
import { baseName, type ManifestReader } from "./manifest-reader.js";

/**
 * Cargo.lock (TOML): each `[[package]]` from a registry or git (`source`) with its version and
 * checksum. Packages without a `source` are the workspace's own crates: a release bumping their
 * version in the lockfile is no dependency change.
 */
export const cargoLock: ManifestReader = {
  format: "Cargo.lock",
  lockfile: true,
  matches: (path) => baseName(path) === "Cargo.lock",
  read(text) {
    const packages = (parseToml(text) as { package?: Array<Record<string, unknown>> }).package ?? [];
    return readLockedPackages(packages, (p) => p.source === undefined);
  },
};

/** `[[package]]` tables as one entry per name (several versions of a crate are one value). */
export function readLockedPackages(
  packages: ReadonlyArray<Record<string, unknown>>,
  isOwn: (p: Record<string, unknown>) => boolean,
) {
  const byName = new Map<string, string[]>();
  for (const p of packages) {
    if (isOwn(p)) continue;
    const name = String(p.name);
    const source = typeof p.source === "string" ? p.source : JSON.stringify(p.source ?? "");
    const pin = [String(p.version), source, String(p.checksum ?? "")].join(" ").trim();
    byName.set(name, [...(byName.get(name) ?? []), pin]);
  }
  return [...byName].map(([name, pins]) => ({ section: "packages", name, value: pins.sort().join(", ") }));
}
