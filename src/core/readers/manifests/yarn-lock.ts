import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * yarn.lock, classic (v1) and Berry. Classic's format has no parser in npm, so a small tokenizer
 * reads it as Berry's YAML-like layout is read too: an entry is an unindented header line (the
 * requested ranges) and its indented fields up to the next header. Entries resolved from the
 * workspace itself (`@workspace:`, `@link:`, `@portal:`, `@file:`) and `__metadata` are left out.
 */
export const yarnLock: ManifestReader = {
  format: "yarn.lock",
  lockfile: true,
  matches: (path) => baseName(path) === "yarn.lock",
  read(text) {
    const entries: DependencyEntry[] = [];
    let header: string | undefined;
    let fields: string[] = [];
    const flush = () => {
      if (header !== undefined && !/@(?:workspace|link|portal|file):/.test(header) && !header.startsWith("__metadata"))
        entries.push({ section: "entries", name: header, value: fields.join("; ") });
      header = undefined;
      fields = [];
    };
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
      if (/^\S/.test(line)) {
        flush();
        header = line.replace(/:\s*$/, "").replace(/"/g, "").trim();
      } else if (header !== undefined) fields.push(line.trim());
    }
    flush();
    return entries;
  },
};
