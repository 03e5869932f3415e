import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * go.mod and go.work: `require`, `replace`, `exclude` and `toolchain` directives, single or in
 * `( … )` blocks (`module`, `go`, `use` and `retract` declare no dependency). A replacement by a
 * local folder (`=> ./x`) is the repository's own module. No parser for go.mod exists in npm, so
 * a tokenizer reads the directives, without `//` comments.
 */
export const goMod: ManifestReader = {
  format: "go.mod",
  lockfile: false,
  matches: (path) => ["go.mod", "go.work"].includes(baseName(path)),
  read(text) {
    const entries: DependencyEntry[] = [];
    let block: string | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      if (block !== undefined) {
        if (line === ")") block = undefined;
        else add(entries, block, line);
        continue;
      }
      const [directive = "", ...rest] = line.split(/\s+/);
      if (rest[0] === "(") block = directive;
      else add(entries, directive, rest.join(" "));
    }
    return entries;
  },
};

function add(entries: DependencyEntry[], directive: string, spec: string): void {
  if (directive === "toolchain") entries.push({ section: "toolchain", name: "go", value: spec });
  if (directive !== "require" && directive !== "replace" && directive !== "exclude") return;
  const [target, replacement] = spec.split("=>").map((s) => s.trim());
  const [name = "", version = ""] = (target ?? "").split(/\s+/);
  if (directive === "replace" && /^\.{1,2}\//.test(replacement ?? "")) return;
  entries.push({ section: directive, name, value: directive === "replace" ? `${version} => ${replacement}` : version });
}
