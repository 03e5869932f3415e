import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * Gemfile (and gems.rb): each `gem "name", …` line with its requirements and options, in the
 * `group` it sits in; `source`, `ruby` and `gemspec` lines too. A gem with `path:` is the
 * repository's own. A Gemfile is Ruby code with no parser in npm: a tokenizer reads these lines.
 */
export const gemfile: ManifestReader = {
  format: "Gemfile",
  lockfile: false,
  matches: (path) => ["Gemfile", "gems.rb"].includes(baseName(path)),
  read(text) {
    const entries: DependencyEntry[] = [];
    const groups: string[] = [];
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/(^|\s)#.*$/, "").trim();
      const group = /^group\s+(.+?)\s+do\b/.exec(line);
      if (group?.[1]) groups.push(group[1].replace(/\s+/g, ""));
      else if (/^end\b/.test(line)) groups.pop();
      const gem = /^gem\s*\(?\s*["']([^"']+)["']\s*,?\s*(.*?)\)?$/.exec(line);
      if (gem?.[1]) {
        if (/\bpath\s*(?::|=>)/.test(gem[2] ?? "")) continue;
        entries.push({
          section: groups.length ? `group ${groups.join(" › ")}` : "gems",
          name: gem[1],
          value: normalize(gem[2] ?? ""),
        });
      } else if (/^(?:source|ruby|gemspec)\b/.test(line))
        entries.push({ section: "settings", name: line.split(/\s/)[0] ?? "", value: normalize(line) });
    }
    return entries;
  },
};

function normalize(args: string): string {
  return args.replace(/["']/g, "").replace(/\s+/g, "");
}
