import { isPartialListing } from "../core/change.js";
import type { Rule } from "../core/rule.js";

export const changeSize: Rule = {
  id: "change-size",
  description: "The hotfix stays within the file, line and commit limits.",
  evaluate({ change, config }) {
    const { maxFiles, maxLines, maxCommits } = config.scope;
    const additions = change.files.reduce((sum, f) => sum + f.additions, 0);
    const deletions = change.files.reduce((sum, f) => sum + f.deletions, 0);
    const lines = additions + deletions;
    const facts: Record<string, string> = {
      Files: String(change.changedFiles),
      "Changed lines": `+${additions} −${deletions}`,
      Commits: String(change.commitCount),
    };

    if (isPartialListing(change)) {
      // A change we could not see whole is never passed.
      return {
        verdict: "fail",
        message: `The change is too large to judge: ${change.changedFiles} files changed, only ${change.files.length} could be listed.`,
        fix: `Split the change into PRs of at most ${maxFiles} files each.`,
        facts: { ...facts, "Changed lines": `+${additions} −${deletions} in the ${change.files.length} listed files` },
      };
    }

    const limits = [
      { value: change.changedFiles, limit: maxFiles, unit: "file" },
      { value: lines, limit: maxLines, unit: "changed line" },
      ...(maxCommits === undefined ? [] : [{ value: change.commitCount, limit: maxCommits, unit: "commit" }]),
    ];
    const exceeded = limits.filter((l) => l.value > l.limit);
    const describe = (ls: typeof limits) => ls.map((l) => `${count(l.value, l.unit)} (limit ${l.limit})`).join(", ");
    if (exceeded.length === 0) {
      return { verdict: "pass", message: `The change is within the size limits: ${describe(limits)}.`, facts };
    }
    return {
      verdict: "fail",
      message: `The change is larger than a hotfix may be: ${describe(exceeded)}.`,
      fix: describeFix(exceeded),
      facts,
    };
  },
};

function describeFix(exceeded: readonly { limit: number; unit: string }[]): string {
  const size = exceeded.filter((l) => l.unit !== "commit").map((l) => count(l.limit, l.unit));
  const commits = exceeded.find((l) => l.unit === "commit");
  const steps = [
    ...(size.length
      ? [`cut the change to at most ${size.join(" and ")} by moving refactors and unrelated edits to another PR`]
      : []),
    ...(commits ? [`squash the branch to at most ${count(commits.limit, "commit")}`] : []),
  ];
  const text = steps.join(", and ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
