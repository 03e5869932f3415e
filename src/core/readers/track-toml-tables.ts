/**
 * Follows which TOML table (`[dependencies]`) and which multi-line array (`dependencies = [`)
 * enclose a line while reading a diff hunk line by line. A table is unknown until its header is
 * seen, unless reading started at the top of the file (the root table, `""`).
 */

export interface TomlPosition {
  /** The enclosing table, dotted and unquoted; undefined when the hunk does not show its header. */
  table?: string;
  /** The key of the enclosing multi-line array, when its opening line was seen. */
  arrayKey?: string;
}

export interface TomlTableTracker {
  position(): TomlPosition;
  read(line: string): void;
}

export function trackTomlTables(table: string | undefined): TomlTableTracker {
  let current = table;
  let arrayKey: string | undefined;
  let depth = 0;
  return {
    position: () => ({
      ...(current === undefined ? {} : { table: current }),
      ...(arrayKey === undefined ? {} : { arrayKey }),
    }),
    read(line) {
      const header = depth === 0 ? readTomlHeader(line) : undefined;
      if (header !== undefined) {
        current = header;
        arrayKey = undefined;
        return;
      }
      const key = readTomlLineKey(line);
      const net = countNesting(line);
      if (depth === 0 && key !== undefined && net > 0) arrayKey = key;
      depth += net;
      if (depth <= 0) {
        depth = 0;
        arrayKey = undefined;
      }
    },
  };
}

/** The table a `[table]` or `[[array.of.tables]]` header line opens, normalized; else undefined. */
export function readTomlHeader(line: string): string | undefined {
  const match = /^\s*\[\[?([^[\]]+)\]\]?\s*(?:#.*)?$/.exec(line);
  return match?.[1]
    ?.replace(/["']/g, "")
    .replace(/\s*\.\s*/g, ".")
    .trim();
}

/** The (possibly dotted) key a `key = value` line assigns, unquoted; else undefined. */
export function readTomlLineKey(line: string): string | undefined {
  const match = /^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/.exec(
    line,
  );
  return match?.[1]?.replace(/["']/g, "").replace(/\s*\.\s*/g, ".");
}

/** Opened minus closed brackets and braces, outside strings and comments. */
function countNesting(line: string): number {
  let net = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "#") break;
    if (c === '"' || c === "'") {
      const quote = c;
      for (i++; i < line.length && line[i] !== quote; i++) if (quote === '"' && line[i] === "\\") i++;
    } else if (c === "[" || c === "{") net++;
    else if (c === "]" || c === "}") net--;
  }
  return net;
}
