import { findCherryPickSources, namesCommit } from "./find-cherry-pick-sources.js";
import { quote } from "./quote.js";
import { shaSpan } from "./short-sha.js";
import type { TwinFacts, TwinMatch, TwinSearch } from "./twin-facts.js";

/**
 * The first test for a twin: a `(cherry picked from commit <sha>)` trailer, either way round.
 * - Forward: a commit the target contains says it was picked from one of the hotfix's commits (or
 *   from its merge commit, as `git cherry-pick -x -m 1 <merge>` writes it).
 * - Backward: one of the hotfix's own commits was picked from a commit the target contains (a
 *   backport of a fix that is on the main line already), and has that commit's patch: the trailer
 *   is the hotfix author's own text, so it is no proof alone.
 * Pure: the adapter listed the target's commits and checked which named commits it contains.
 */
export function findTwinByTrailer(facts: TwinFacts): TwinMatch | TwinSearch {
  const { hotfix, target } = facts;
  const own = [...hotfix.commits.map((c) => c.sha), ...(hotfix.mergeSha ? [hotfix.mergeSha] : [])];
  for (const commit of facts.targetCommits) {
    const picked = findCherryPickSources(commit.message).find((named) => own.some((sha) => namesCommit(named, sha)));
    if (!picked) continue;
    const pull = commit.pull ?? facts.candidates.find((c) => c.sha === commit.sha && c.kind === "pull");
    return {
      method: "cherry-pick trailer",
      twin: {
        kind: pull ? "pull" : "commit",
        sha: commit.sha,
        ...(pull?.number === undefined ? {} : { number: pull.number, title: pull.title }),
      },
      evidence: `Commit ${shaSpan(commit.sha)} on ${quote(target)} says \`(cherry picked from commit ${picked.slice(0, 7)}…)\`, a commit of this hotfix.`,
    };
  }
  const claims = facts.sourcesOnTarget.filter((source) => hotfix.commits.some((c) => c.sha === source.by));
  const proven = claims.find((source) => source.patchId !== undefined && source.patchId === source.byPatchId);
  if (proven)
    return {
      method: "cherry-pick trailer",
      twin: { kind: "commit", sha: proven.sha },
      evidence: `This hotfix's commit ${shaSpan(proven.by)} was cherry-picked from ${shaSpan(proven.sha)}, which ${quote(target)} contains (the same patch).`,
    };
  const count = hotfix.commits.length;
  const named = `${count === 1 ? "this hotfix's commit" : `any of this hotfix's ${count} commits`}${hotfix.mergeSha ? " or its merge commit" : ""}`;
  return {
    method: "cherry-pick trailer",
    looked: `No commit of ${quote(target)} among the ${facts.targetCommits.length} read names ${named} in a \`(cherry picked from commit …)\` line, and no commit of the hotfix was picked from one ${quote(target)} contains${claims.length ? ` (it names ${claims.map((c) => shaSpan(c.sha)).join(", ")}, without the same patch: a line in the hotfix's own message is no proof on its own)` : ""}.`,
  };
}
