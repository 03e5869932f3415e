import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * Gemfile.lock (and gems.locked): the locked gems (`    name (version)` under `specs:` of GEM and
 * GIT sources), their CHECKSUMS, the top-level DEPENDENCIES, and the Bundler and Ruby versions.
 * Gems of PATH sources are the repository's own. The format has no parser in npm: a tokenizer
 * follows its sections by indentation.
 */
export const gemfileLock: ManifestReader = {
  format: "Gemfile.lock",
  lockfile: true,
  matches: (path) => ["Gemfile.lock", "gems.locked"].includes(baseName(path)),
  read(text) {
    const entries: DependencyEntry[] = [];
    const own = new Set<string>();
    let section = "";
    for (const line of text.split(/\r?\n/)) {
      if (/^\S/.test(line)) {
        section = line.trim();
        continue;
      }
      const spec = /^ {4}(\S+) \(([^)]+)\)$/.exec(line);
      if (spec?.[1] && (section === "GEM" || section === "GIT"))
        entries.push({ section: "specs", name: spec[1], value: spec[2] ?? "" });
      if (spec?.[1] && section === "PATH") own.add(spec[1]);
      const checksum = /^ {2}(\S+) \(([^)]+)\)\s*(.*)$/.exec(line);
      if (checksum?.[1] && section === "CHECKSUMS")
        entries.push({ section: "CHECKSUMS", name: checksum[1], value: `${checksum[2]} ${checksum[3]}`.trim() });
      const dependency = /^ {2}([^\s(!]+)!?(?: \(([^)]+)\))?$/.exec(line);
      if (dependency?.[1] && section === "DEPENDENCIES")
        entries.push({ section: "DEPENDENCIES", name: dependency[1], value: dependency[2] ?? "" });
      if ((section === "BUNDLED WITH" || section === "RUBY VERSION") && line.trim())
        entries.push({ section, name: section === "BUNDLED WITH" ? "bundler" : "ruby", value: line.trim() });
    }
    return entries.filter((e) => !own.has(e.name));
  },
};
