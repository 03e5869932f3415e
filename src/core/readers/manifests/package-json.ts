import { baseName, type DependencyEntry, type ManifestReader, tableEntries } from "./manifest-reader.js";

const BLOCKS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
  "overrides",
  "resolutions",
];

/**
 * package.json: the dependency blocks, `bundleDependencies`, pnpm's `overrides` and the
 * `packageManager` pin. The workspace's own packages (`workspace:`, `link:`, `file:`/`portal:` to a
 * folder of the repository) are left out.
 */
export const packageJson: ManifestReader = {
  format: "package.json",
  lockfile: false,
  matches: (path) => baseName(path) === "package.json",
  read(text) {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    const pnpm = manifest.pnpm as Record<string, unknown> | undefined;
    const entries: DependencyEntry[] = [
      ...BLOCKS.flatMap((block) => tableEntries(block, manifest[block], isOwn)),
      ...tableEntries("pnpm.overrides", pnpm?.overrides, isOwn),
    ];
    for (const block of ["bundleDependencies", "bundledDependencies"]) {
      const bundled = manifest[block];
      if (Array.isArray(bundled))
        for (const name of bundled) entries.push({ section: block, name: String(name), value: "bundled" });
    }
    if (typeof manifest.packageManager === "string")
      entries.push({
        section: "packageManager",
        name: manifest.packageManager.split("@")[0] ?? "",
        value: manifest.packageManager,
      });
    return entries;
  },
};

/** A spec that points into the repository itself: one of the workspace's own packages. */
export function isOwnSpec(spec: unknown): boolean {
  return (
    typeof spec === "string" && /^(?:workspace:|link:|portal:|file:\.{0,2}\/|file:(?!.*\.(?:tgz|tar\.gz)$))/.test(spec)
  );
}

function isOwn(_name: string, spec: unknown): boolean {
  return isOwnSpec(spec);
}
