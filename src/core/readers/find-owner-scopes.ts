import { codeSpan } from "../safe-text.js";
import type { Change } from "../change.js";
import { readFileText } from "./read-file-text.js";
import { CODEOWNERS_PATHS, type CodeOwnersRule, findOwners, parseCodeOwners } from "./scopes/read-codeowners.js";

/** The scope of files nobody owns in CODEOWNERS. */
export const NO_OWNERS = "(no owners)";

/**
 * The CODEOWNERS rules at the base, for `scope.from: codeowners`: from the first of
 * `.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS` that exists, or a problem that says why
 * there are none (no file, an unread file, a line GitHub would refuse).
 */
export function readOwnerRules(change: Change): { path: string; rules: CodeOwnersRule[] } | { problem: string } {
  for (const path of CODEOWNERS_PATHS) {
    const text = readFileText(change, "base", path);
    if (text === undefined) return { problem: `${codeSpan(path)} could not be read at the base` };
    if (text === null) continue;
    const parsed = parseCodeOwners(text);
    if ("problem" in parsed) return { problem: `${codeSpan(path)} is not valid CODEOWNERS: ${parsed.problem}` };
    return { path, rules: parsed.rules };
  }
  return { problem: `no CODEOWNERS file at the base (${CODEOWNERS_PATHS.map((p) => `${codeSpan(p)}`).join(", ")})` };
}

/** A file's scope under CODEOWNERS: its owner set, written as GitHub lists it. */
export function findOwnerScope(rules: readonly CodeOwnersRule[], path: string): string {
  const owners = [...findOwners(rules, path)].sort();
  return owners.length ? owners.join(" ") : NO_OWNERS;
}
