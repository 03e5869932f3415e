import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * cpanfile: each `requires`/`recommends`/`suggests`/`conflicts` statement (and the
 * `test_requires`-style shorthands) with its version, in the phase of its `on 'test' => sub { … }`
 * block. A cpanfile is Perl code with no parser in npm: a tokenizer splits it on `;` and braces
 * after dropping comments, and follows the `on` blocks.
 */
export const cpanfile: ManifestReader = {
  format: "cpanfile",
  lockfile: false,
  matches: (path) => baseName(path) === "cpanfile",
  read(text) {
    const entries: DependencyEntry[] = [];
    const phases: string[] = [];
    let pending: string | undefined;
    for (const token of text.replace(/(^|\s)#.*$/gm, "$1").split(/([;{}])/)) {
      if (token === "{") {
        phases.push(pending ?? phases.at(-1) ?? "runtime");
        pending = undefined;
      } else if (token === "}") phases.pop();
      else {
        const on = /\bon\s+['"]?(\w+)['"]?\s*=>\s*sub\s*$/.exec(token);
        if (on?.[1]) pending = on[1];
        const statement =
          /^\s*(requires|recommends|suggests|conflicts|(?:test|build|configure|author)_requires)\s+['"]([^'"]+)['"]\s*(?:(?:,|=>)\s*['"]?([^'";]*)['"]?)?/.exec(
            token,
          );
        if (statement?.[2])
          entries.push({
            section: `${phases.at(-1) ?? "runtime"} ${statement[1]}`,
            name: statement[2],
            value: (statement[3] ?? "").trim(),
          });
      }
    }
    return entries;
  },
};

/**
 * cpanfile.snapshot (Carton's lockfile): each distribution under DISTRIBUTIONS (`  Name-1.23`) with
 * its pathname; keyed by the name without its version, so an upgrade is one changed entry.
 */
export const cpanfileSnapshot: ManifestReader = {
  format: "cpanfile.snapshot",
  lockfile: true,
  matches: (path) => baseName(path) === "cpanfile.snapshot",
  read(text) {
    const entries: DependencyEntry[] = [];
    for (const line of text.split(/\r?\n/)) {
      const dist = /^ {2}(\S+)$/.exec(line);
      if (dist?.[1]) {
        const [, name = dist[1], version = ""] = /^(.*?)-(v?\d[\w.]*)$/.exec(dist[1]) ?? [];
        entries.push({ section: "distributions", name, value: version || dist[1] });
        continue;
      }
      const pathname = /^ {4}pathname:\s*(\S+)/.exec(line);
      const last = entries.at(-1);
      if (pathname?.[1] && last) last.value = `${last.value} ${pathname[1]}`;
    }
    return entries;
  },
};
