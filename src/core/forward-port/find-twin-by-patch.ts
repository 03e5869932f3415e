import { describeCandidate } from "./find-twin-by-ticket.js";
import { quote } from "./quote.js";
import { shaSpan } from "./short-sha.js";
import type { TwinFacts, TwinMatch, TwinSearch } from "./twin-facts.js";

/**
 * The third test: the same patch (compute-patch-id.ts: the same added and removed lines in the
 * same files, whatever the line numbers and context).
 * - Something merged into the target has the patch id of the hotfix's whole diff (a squash, a
 *   merge commit's first-parent diff, a pull request's diff);
 * - or, where git can tell (the local source), every commit of the hotfix has its patch on the
 *   target: what `git cherry` reports, with rebase-merged forward ports of several commits.
 */
export function findTwinByPatch(facts: TwinFacts): TwinMatch | TwinSearch {
  const { hotfix, target } = facts;
  if (!hotfix.patchId)
    return { method: "patch id", looked: "The hotfix's diff could not be read, so no patch was compared." };
  const compared = facts.candidates.filter((c) => c.patchId !== undefined);
  const twin = compared.find((c) => c.patchId === hotfix.patchId);
  if (twin)
    return {
      method: "patch id",
      twin: {
        kind: twin.kind,
        sha: twin.sha,
        ...(twin.number === undefined ? {} : { number: twin.number }),
        title: twin.title,
      },
      evidence: `${describeCandidate(twin)} has the same patch id as this hotfix (\`${hotfix.patchId.slice(0, 12)}\`).`,
    };
  const perCommit = matchEveryCommit(facts);
  if (perCommit) return perCommit;
  return {
    method: "patch id",
    looked: `None of the ${compared.length} ${compared[0]?.kind === "commit" ? "commits" : "pull requests"} merged into ${quote(target)} whose patch was compared has this hotfix's patch id (\`${hotfix.patchId.slice(0, 12)}\`).`,
  };
}

function matchEveryCommit(facts: TwinFacts): TwinMatch | undefined {
  const own = facts.hotfix.commitPatchIds;
  const onTarget = facts.targetCommitPatchIds;
  if (!own?.length || !onTarget?.length) return undefined;
  const twins = own.map((id) => onTarget.find((commit) => commit.patchId === id));
  if (twins.some((twin) => twin === undefined)) return undefined;
  const shas = [...new Set(twins.map((twin) => twin?.sha ?? ""))];
  // The target lists its commits newest first: the newest of the twins completes the forward port.
  const newest = onTarget.find((commit) => shas.includes(commit.sha))?.sha ?? "";
  return {
    method: "patch id",
    twin: { kind: "commit", sha: newest },
    evidence: `Every commit of this hotfix has its patch on ${quote(facts.target)} (as \`git cherry\` reports): ${shas.map(shaSpan).join(", ")}.`,
  };
}
