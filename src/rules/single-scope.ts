import type { Config } from "../config/schema.js";
import { type Change, isPartialListing } from "../core/change.js";
import { classifyFile } from "../core/readers/classify-file.js";
import { findScope } from "../core/readers/find-scope.js";
import type { FileFinding } from "../core/rule-result.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

/** One production path of a changed file, placed in a scope (undefined: no declared scope matches). */
interface Placement {
  path: string;
  /** The file as it is in the head, where its annotation goes. */
  headPath: string;
  scope: string | undefined;
}

export const singleScope: Rule = {
  id: "single-scope",
  description: "Every production file lies in one scope.",
  evaluate({ change, config }) {
    if (isPartialListing(change)) {
      return {
        verdict: "skip",
        message: `Not judged: only ${change.files.length} of ${change.changedFiles} changed files could be listed.`,
      };
    }
    const placements = placeFiles(change, config);
    if (placements.length === 0)
      return { verdict: "skip", message: "Only tests and docs changed, so there is no production scope to judge." };

    const groups = groupByScope(placements.filter((p) => p.scope !== undefined));
    const unscoped = placements.filter((p) => p.scope === undefined);
    const main = groups[0];
    const scopesFact = [
      ...groups.map(([scope, members]) => `${codeSpan(scope)} (${count(members.length)})`),
      ...(unscoped.length ? [`no scope (${count(unscoped.length)})`] : []),
    ];

    if (unscoped.length === 0 && main && groups.length === 1) {
      return {
        verdict: "pass",
        message: `Every production file lies in scope ${codeSpan(main[0])}.`,
        facts: { Scopes: `${codeSpan(main[0])}` },
      };
    }

    const findings: FileFinding[] = [];
    const declared = Object.keys(config.scope.scopes ?? {})
      .map((s) => `${codeSpan(s)}`)
      .join(", ");
    for (const p of unscoped)
      findings.push({ path: p.headPath, message: `${describe(p)} matches none of the declared scopes ${declared}.` });
    if (main && groups.length > 1) {
      for (const [scope, members] of groups.slice(1)) {
        for (const p of members)
          findings.push({
            path: p.headPath,
            message: `${describe(p)} is in scope ${codeSpan(scope)}, outside this hotfix's main scope ${codeSpan(main[0])}.`,
          });
      }
    }
    const facts = { Scopes: scopesFact.join(", ") };

    if (unscoped.length > 0) {
      const paths = listPaths(unscoped.map((p) => p.path));
      return {
        verdict: "fail",
        message: `${paths} ${unscoped.length === 1 ? "matches" : "match"} no declared scope (${declared}).`,
        fix: "Keep only the files of one declared scope in this PR, or add these files to a scope under `scope.scopes` in the config.",
        facts,
        findings,
      };
    }
    const others = groups.slice(1).map(([scope]) => `${codeSpan(scope)}`);
    return {
      verdict: "fail",
      message: `Production files span ${groups.length} scopes: ${scopesFact.join(", ")}.`,
      fix: `Split this into one PR per scope: keep ${codeSpan(main?.[0] ?? "")} here and move the changes in ${others.join(", ")} to their own PRs.`,
      facts,
      findings,
    };
  },
};

/** Production paths in path order; a renamed file counts in the scope it left and the one it entered. */
function placeFiles(change: Change, config: Config): Placement[] {
  const placements: Placement[] = [];
  for (const file of change.files) {
    const paths =
      file.status === "renamed" && file.previousPath && file.previousPath !== file.path
        ? [file.previousPath, file.path]
        : [file.path];
    const seen = new Set<string | undefined>();
    for (const path of paths) {
      if (classifyFile(path, config) !== "production") continue;
      const scope = findScope(path, config.scope, change.workspaces);
      if (seen.has(scope)) continue;
      seen.add(scope);
      placements.push({ path, headPath: file.path, scope });
    }
  }
  return placements.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Scopes with their files, most files first; ties keep path order. */
function groupByScope(placements: Placement[]): [string, Placement[]][] {
  const groups = new Map<string, Placement[]>();
  for (const p of placements) {
    const scope = p.scope ?? "";
    const members = groups.get(scope);
    if (members) members.push(p);
    else groups.set(scope, [p]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length);
}

function describe(p: Placement): string {
  return p.path === p.headPath ? `${codeSpan(p.path)}` : `${codeSpan(p.path)} (renamed to ${codeSpan(p.headPath)})`;
}

function count(n: number): string {
  return n === 1 ? "1 file" : `${n} files`;
}

function listPaths(paths: string[]): string {
  const shown = paths.slice(0, 5).map((p) => `${codeSpan(p)}`);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : shown.join(", ");
}
