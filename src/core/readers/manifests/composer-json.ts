import { baseName, type ManifestReader, tableEntries } from "./manifest-reader.js";

/** composer.json: `require` and `require-dev`. */
export const composerJson: ManifestReader = {
  format: "composer.json",
  lockfile: false,
  matches: (path) => baseName(path) === "composer.json",
  read(text) {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    return ["require", "require-dev"].flatMap((block) => tableEntries(block, manifest[block]));
  },
};
