/**
 * One reader per dependency file format (SPEC §9 "Manifests are read per format"). A reader parses
 * the whole file, at the base and at the head, into the dependencies it declares; the rule diffs
 * the two sets, so only dependency edits count (a release bumping `version`, a reordered file or a
 * new script is no dependency change). The workspace's own packages are left out by the reader.
 */
export interface DependencyEntry {
  /** Where the file declares it: `devDependencies`, `[dev-dependencies]`, `<dependencies>`. */
  section: string;
  /** The dependency: package, crate, module, artifact, gem… */
  name: string;
  /** What the file pins or requires for it, normalized: a change of this is a dependency edit. */
  value: string;
}

export interface ManifestReader {
  /** The format, as docs/rules.md and the report name it: `package.json`, `Cargo.lock`. */
  format: string;
  /** Lockfiles are generated from manifests; they never open a scope (SPEC §9). */
  lockfile: boolean;
  matches(path: string): boolean;
  /** The dependencies `text` declares. Throws an Error saying what is wrong when it cannot parse. */
  read(text: string): DependencyEntry[];
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** A JSON-ish value as one stable string: objects with sorted keys. */
export function stableString(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(stableString).join(", ")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}: ${stableString((value as Record<string, unknown>)[key])}`)
      .join(", ")}}`;
  return String(value);
}

/** The entries of a `name → spec` table. */
export function tableEntries(section: string, table: unknown, skip?: (name: string, spec: unknown) => boolean) {
  if (!table || typeof table !== "object" || Array.isArray(table)) return [];
  return Object.entries(table as Record<string, unknown>)
    .filter(([name, spec]) => !skip?.(name, spec))
    .map(([name, spec]) => ({ section, name, value: stableString(spec) }));
}
