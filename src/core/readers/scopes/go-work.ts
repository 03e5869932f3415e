import { toFolder, type UnitReader } from "./unit.js";

/**
 * go.work `use` directives: each is a Go module; `use .` makes the root module hold every file no
 * other module holds. go.work has no parser in npm: a small tokenizer reads `use ./x` and
 * `use ( … )` blocks, ignoring `//` comments.
 */
export const goWork: UnitReader = {
  name: "go.work",
  descriptors: () => ["go.work"],
  read(base) {
    const text = base.text("go.work");
    if (!text) return [];
    return readUseDirectives(text).map((path) => ({ folder: toFolder(path), by: "go.work module" }));
  },
};

export function readUseDirectives(text: string): string[] {
  const paths: string[] = [];
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (inBlock) {
      if (line.startsWith(")")) inBlock = false;
      else if (line) paths.push(unquote(line));
      continue;
    }
    const use = /^use\s+(.*)$/.exec(line);
    if (!use?.[1]) continue;
    if (use[1].startsWith("(")) {
      inBlock = true;
      const rest = use[1].slice(1).trim();
      if (rest.endsWith(")")) inBlock = false;
      const inline = rest.replace(/\)$/, "").trim();
      if (inline) paths.push(unquote(inline));
    } else paths.push(unquote(use[1]));
  }
  return paths;
}

function unquote(token: string): string {
  return token.replace(/^["`](.*)["`]$/, "$1");
}
