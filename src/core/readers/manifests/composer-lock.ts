import { baseName, type ManifestReader } from "./manifest-reader.js";

/** composer.lock: each locked package's version and source reference (`content-hash` alone is no change). */
export const composerLock: ManifestReader = {
  format: "composer.lock",
  lockfile: true,
  matches: (path) => baseName(path) === "composer.lock",
  read(text) {
    const lock = JSON.parse(text) as Record<string, unknown>;
    return ["packages", "packages-dev"].flatMap((section) =>
      (Array.isArray(lock[section]) ? (lock[section] as Array<Record<string, unknown>>) : []).map((p) => {
        const source = p.source as { reference?: unknown } | undefined;
        return {
          section,
          name: String(p.name),
          value: `${String(p.version)} ${String(source?.reference ?? "")}`.trim(),
        };
      }),
    );
  },
};
