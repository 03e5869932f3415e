import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * package-lock.json and npm-shrinkwrap.json. Version 2 and 3 list `packages` by install path; the
 * root entry, workspace folders (paths outside `node_modules/`) and links to them are the
 * workspace's own. Version 1 nests `dependencies`.
 */
export const packageLock: ManifestReader = {
  format: "package-lock.json",
  lockfile: true,
  matches: (path) => ["package-lock.json", "npm-shrinkwrap.json"].includes(baseName(path)),
  read(text) {
    const lock = JSON.parse(text) as { packages?: Record<string, Locked>; dependencies?: Record<string, Locked> };
    if (lock.packages)
      return Object.entries(lock.packages)
        .filter(([path, entry]) => path.includes("node_modules/") && !entry.link)
        .map(([path, entry]) => ({
          section: "packages",
          name: path.replace(/^node_modules\//, ""),
          value: describe(entry),
        }));
    const entries: DependencyEntry[] = [];
    const walk = (deps: Record<string, Locked> | undefined, prefix: string) => {
      for (const [name, entry] of Object.entries(deps ?? {})) {
        if (entry.version?.startsWith("file:")) continue;
        entries.push({ section: "dependencies", name: `${prefix}${name}`, value: describe(entry) });
        walk(entry.dependencies, `${prefix}${name} › `);
      }
    };
    walk(lock.dependencies, "");
    return entries;
  },
};

interface Locked {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dependencies?: Record<string, Locked>;
}

function describe(entry: Locked): string {
  return [entry.version, entry.resolved, entry.integrity].filter(Boolean).join(" ");
}
