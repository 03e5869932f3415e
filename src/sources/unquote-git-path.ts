/**
 * Git quotes a path in patch headers when it holds a byte it will not print as is (a control
 * character, `"`, `\`, and with `core.quotePath` every byte above 0x7f): `"a/new\nline.txt"`, with
 * C escapes and octal bytes (`\303\274` is `ü`). `-z` leaves the file list unquoted, but not the
 * `diff --git`, `rename to` and `+++` lines of the patch, so those are read with this.
 */

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** The path of a header field: unquoted when it starts with `"`, else as written. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const quoted = readQuoted(text, 0);
  if (!quoted || quoted.end !== text.length) throw new Error(`malformed quoted path ${text}`);
  return quoted.path;
}

/** The quoted path that starts at `start` (on its `"`), and the index just past its closing `"`. */
export function readQuoted(text: string, start: number): { path: string; end: number } | undefined {
  let path = "";
  // Octal escapes are the bytes of one UTF-8 character or more: decoded together, once they end.
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) path += Buffer.from(bytes).toString("utf8");
    bytes = [];
  };
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] ?? "";
    if (char === '"') {
      flush();
      return { path, end: i + 1 };
    }
    if (char !== "\\") {
      flush();
      path += char;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(text.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
      continue;
    }
    const escaped = ESCAPES[text[++i] ?? ""];
    if (escaped === undefined) return undefined;
    flush();
    path += String.fromCharCode(escaped);
  }
  return undefined;
}
