import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * pip requirements files (`requirements*.txt`, `constraints*.txt`, `requirements/*.txt`). The
 * format has no parser in npm, so a tokenizer reads it as pip does line by line: `#` comments
 * dropped, `\` continuations joined; a requirement is keyed by its normalized name (PEP 503), an
 * option line (`-r base.txt`, `--index-url …`, `-e git+…`) by itself.
 */
export const requirementsTxt: ManifestReader = {
  format: "requirements.txt",
  lockfile: false,
  matches: (path) =>
    /^(?:requirements|constraints).*\.txt$/.test(baseName(path)) || /(?:^|\/)requirements\/[^/]+\.txt$/.test(path),
  read(text) {
    const entries: DependencyEntry[] = [];
    for (const line of text.replace(/\\\r?\n/g, " ").split(/\r?\n/)) {
      const requirement = line.replace(/(?:^|\s)#.*$/, "").trim();
      if (!requirement) continue;
      if (requirement.startsWith("-")) {
        entries.push({ section: "options", name: requirement.replace(/\s+/g, " "), value: "" });
        continue;
      }
      const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1];
      entries.push({
        section: "requirements",
        name: name ? normalizeName(name) : requirement,
        value: name ? requirement.slice(name.length).replace(/\s+/g, "") : "",
      });
    }
    return entries;
  },
};

/** PEP 503: names compare lower-cased, with runs of `-`, `_` and `.` as one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** A PEP 508 requirement string (`authlib==1.7.2`, `requests[socks]>=2; python_version<'3.9'`) as an entry. */
export function readRequirement(section: string, spec: string): DependencyEntry {
  const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1] ?? spec;
  return { section, name: normalizeName(name), value: spec.trim().slice(name.length).replace(/\s+/g, "") };
}
