import { codeSpan } from "../../safe-text.js";
import { compileGlob } from "../../../config/compile-glob.js";

/**
 * CODEOWNERS as GitHub reads it ("About code owners", docs.github.com): the first of
 * `.github/CODEOWNERS`, `CODEOWNERS` and `docs/CODEOWNERS` at the base; gitignore-style patterns
 * (a leading or inner `/` anchors at the root, a trailing `/` means a folder, `*` stays within a
 * segment, and a pattern whose last segment is literal owns everything below it), each followed by owners; the
 * LAST matching line wins, and a line without owners leaves its files unowned. GitHub supports no
 * `!` negation, no `[ ]` ranges and no `\#` escape, and ignores the whole file when a line is
 * invalid: such a file is reported, never half-read.
 */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

export interface CodeOwnersRule {
  line: number;
  pattern: string;
  owners: readonly string[];
  matches(path: string): boolean;
}

export type CodeOwners = { rules: CodeOwnersRule[] } | { problem: string };

export function parseCodeOwners(text: string): CodeOwners {
  const rules: CodeOwnersRule[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [pattern = "", ...rest] = line.split(/\s+/);
    const hash = rest.findIndex((token) => token.startsWith("#"));
    const owners = hash < 0 ? rest : rest.slice(0, hash);
    if (/^!|\[|\]/.test(pattern))
      return { problem: `line ${index + 1}: ${codeSpan(pattern)} uses syntax GitHub does not support in CODEOWNERS` };
    const bad = owners.find((owner) => !/^@[\w.-]+(?:\/[\w.-]+)?$|^[^@\s]+@[^@\s]+$/.test(owner));
    if (bad) return { problem: `line ${index + 1}: ${codeSpan(bad)} is not a user, team or email` };
    rules.push({ line: index + 1, pattern, owners, matches: toMatcher(pattern) });
  }
  return { rules };
}

/** The owners of `path`: the last matching rule's; `[]` when it matches none or its rule has no owners. */
export function findOwners(rules: readonly CodeOwnersRule[], path: string): readonly string[] {
  return rules.findLast((rule) => rule.matches(path))?.owners ?? [];
}

function toMatcher(pattern: string): (path: string) => boolean {
  const folderOnly = pattern.endsWith("/");
  const body = pattern.replace(/^\/+/, "").replace(/\/+$/, "");
  const anchored = pattern.startsWith("/") || body.includes("/");
  const glob = anchored ? body : `**/${body}`;
  // `docs/*` owns the files directly in docs/, not deeper ones; a literal last segment owns its subtree.
  const wildcardLast = /[*?]/.test(body.slice(body.lastIndexOf("/") + 1));
  const globs = folderOnly ? [`${glob}/**`] : wildcardLast ? [glob] : [glob, `${glob}/**`];
  const matchers = globs.map((g) => compileGlob(g));
  return (path) => matchers.some((matches) => matches(path));
}
