/**
 * What SQL statements do to data, for migrations that have no down step of their own (Prisma,
 * plain SQL schemas). No SQL parser is kept in this engine, so a tokenizer drops comments and
 * string literals and splits statements on `;`; each statement is then classified by its leading
 * keywords.
 */

/** Statements that lose data or break what reads it: they have no way back without a down step. */
const DESTRUCTIVE: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /^\s*DROP\b/i, what: "DROP" },
  { pattern: /^\s*DELETE\b/i, what: "DELETE" },
  { pattern: /^\s*UPDATE\b/i, what: "UPDATE" },
  { pattern: /^\s*TRUNCATE\b/i, what: "TRUNCATE" },
  { pattern: /^\s*ALTER\s+TABLE\b[\s\S]*\bDROP\b/i, what: "ALTER TABLE … DROP" },
  { pattern: /^\s*ALTER\s+TABLE\b[\s\S]*\bRENAME\b/i, what: "ALTER TABLE … RENAME" },
  {
    pattern: /^\s*ALTER\s+TABLE\b[\s\S]*\b(?:ALTER|MODIFY)\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i,
    what: "a column type change",
  },
  { pattern: /^\s*RENAME\b/i, what: "RENAME" },
  { pattern: /^\s*MERGE\b/i, what: "MERGE" },
];

/** The destructive statements of an SQL text, as their kind (`DROP`, `ALTER TABLE … DROP`), in order. */
export function findDestructiveStatements(sql: string): string[] {
  const found: string[] = [];
  for (const statement of splitStatements(sql)) {
    const kind = DESTRUCTIVE.find(({ pattern }) => pattern.test(statement));
    if (kind && !found.includes(kind.what)) found.push(kind.what);
  }
  return found;
}

/** True when the text holds at least one statement. */
export function hasStatements(sql: string): boolean {
  return splitStatements(sql).length > 0;
}

function splitStatements(sql: string): string[] {
  const code = sql
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/--.*$/gm, "")
    .replace(/'(?:[^']|'')*'/g, "''");
  return code
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
