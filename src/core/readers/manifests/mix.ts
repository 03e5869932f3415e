import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * mix.exs: the tuples of the `deps` function (`{:phoenix, "~> 1.8"}`, options included); an
 * umbrella sibling (`in_umbrella: true`) or a `path:` dependency is the project's own. mix.exs is
 * Elixir code with no parser in npm: a tokenizer takes the list that `defp deps` returns and splits
 * it into its top-level tuples.
 */
export const mixExs: ManifestReader = {
  format: "mix.exs",
  lockfile: false,
  matches: (path) => baseName(path) === "mix.exs",
  read(text) {
    const start = /\bdefp?\s+deps\b[^\n]*?\bdo\b/.exec(text);
    if (!start) return [];
    const open = text.indexOf("[", start.index);
    if (open < 0) return [];
    return splitTopLevel(text, open, "{", "}")
      .map((tuple) => tuple.replace(/\s+/g, " ").trim())
      .filter((tuple) => !/\bin_umbrella:\s*true\b|\bpath:/.test(tuple))
      .flatMap((tuple): DependencyEntry[] => {
        const name = /^\{\s*:(\w+)/.exec(tuple)?.[1];
        return name ? [{ section: "deps", name, value: tuple }] : [];
      });
  },
};

/** mix.lock: one `"name": {:hex, :name, "version", "hash", …}` entry per line. */
export const mixLock: ManifestReader = {
  format: "mix.lock",
  lockfile: true,
  matches: (path) => baseName(path) === "mix.lock",
  read: (text) =>
    [...text.matchAll(/^\s*"([^"]+)":\s*(\{.*\}),?\s*$/gm)].map((m) => ({
      section: "lock",
      name: m[1] ?? "",
      value: m[2] ?? "",
    })),
};

/** The `{…}` groups at depth 1 of the bracket opened at `open`, outside strings and comments. */
function splitTopLevel(text: string, open: number, from: string, to: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === from) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === to) {
      depth--;
      if (depth === 0 && start >= 0) groups.push(text.slice(start, i + 1));
    } else if (c === "]" && depth === 0) break;
  }
  return groups;
}
