/**
 * Small tokenizers that find a function's body in migration code. Migrations are code in several
 * languages with no parser in npm that this engine keeps, so these follow only what a migration
 * needs: braces outside strings and comments (JavaScript, TypeScript, PHP, C#), `def … end`
 * keywords (Ruby, Elixir), indentation (Python).
 */

/** The text between the `{` at or after `from` and its matching `}`, outside strings and comments. */
export function braceBody(text: string, from: number): string | undefined {
  const open = text.indexOf("{", from);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") i = endOfLine(text, i);
    else if (c === "/" && text[i + 1] === "*")
      i = text.indexOf("*/", i + 2) < 0 ? text.length : text.indexOf("*/", i + 2) + 1;
    else if (c === "#" && text[i - 1] !== "$") i = endOfLine(text, i);
    else if (c === '"' || c === "'" || c === "`") i = endOfString(text, i, c);
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  return undefined;
}

/**
 * The body of `def <name>` in Ruby or Elixir, up to its `end`: lines that open a block (`def`,
 * `class`, `if` at a line start, a trailing `do`, Elixir's `fn ->`) count against lines that are `end`.
 * Undefined when there is no such def.
 */
export function defBody(text: string, name: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^\\s*defp?\\s+(?:self\\.)?${name}\\b`).test(line));
  if (start < 0) return undefined;
  const first = lines[start] ?? "";
  if (/\bdo:\s*\S/.test(first)) return first.replace(/^.*?\bdo:\s*/, "");
  let depth = 0;
  const body: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/#.*$/, "");
    if (i > start && /^\s*end\b/.test(line) && --depth === 0) return body.join("\n");
    depth += opens(line);
    // An inline block closed on its own line (`fn x -> x end`, `foo do bar end`).
    if (!/^\s*end\b/.test(line) && /\bend\)?\s*$/.test(line) && opens(line) > 0) depth--;
    if (i > start) body.push(lines[i] ?? "");
  }
  return body.join("\n");
}

function opens(line: string): number {
  let count = 0;
  if (/^\s*(?:def|defp|class|module|if|unless|case|cond|begin|while|until|for|receive)\b/.test(line)) count++;
  else if (/\bdo\b(?:\s*\|[^|]*\|)?\s*$/.test(line)) count++;
  if (/\bfn\b.*->\s*$/.test(line)) count++;
  return count;
}

/** The body of a Python `def <name>(…):`, by indentation. Undefined when there is no such def. */
export function pythonDefBody(text: string, name: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^(\\s*)(?:async\\s+)?def\\s+${name}\\s*\\(`).test(line));
  if (start < 0) return undefined;
  const indent = /^(\s*)/.exec(lines[start] ?? "")?.[1]?.length ?? 0;
  let i = start;
  while (i < lines.length && !/:\s*(?:#.*)?$/.test(lines[i] ?? "")) i++;
  const body: string[] = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() !== "" && (/^(\s*)/.exec(line)?.[1]?.length ?? 0) <= indent) break;
    body.push(line);
  }
  return body.join("\n");
}

/** True when code has no statement: only blanks, comments, `pass`, docstrings or `return`. */
export function isEmptyBody(body: string | undefined): boolean {
  if (body === undefined) return true;
  const code = body
    .replace(/"""[\s\S]*?"""|'''[\s\S]*?'''/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|\s)(?:\/\/|#|--).*$/gm, "$1")
    .replace(/^\s*(?:pass|return;?|return\s+(?:null|None|nil);?)\s*$/gm, "")
    .trim();
  return code === "" || code === ";";
}

function endOfLine(text: string, i: number): number {
  const end = text.indexOf("\n", i);
  return end < 0 ? text.length : end;
}

function endOfString(text: string, i: number, quote: string): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === quote) return j;
  }
  return text.length;
}
