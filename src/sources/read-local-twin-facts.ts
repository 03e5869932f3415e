import { SourceError } from "../core/errors.js";
import { findCherryPickSources } from "../core/forward-port/find-cherry-pick-sources.js";
import { findTwinWithoutPatches } from "../core/forward-port/find-twin.js";
import { quote } from "../core/forward-port/quote.js";
import { readCommitCandidate } from "../core/forward-port/read-commit-candidate.js";
import type { CommitFact, NamedSource, TwinFacts } from "../core/forward-port/twin-facts.js";
import type { LocalChange, LocalRepo } from "./local-git-source.js";
import { runGit } from "./local-git-source.js";
import { parseLog } from "./parse-git-log.js";
import { readPatchIds } from "./read-git-patch-ids.js";
import { resolveCommit } from "./resolve-ref.js";

/** Commits of the target read (the newest not on the hotfix branch). */
export const MAX_LOCAL_TARGET_COMMITS = 1000;

/**
 * Settings and options that pin what `git log -p` / `git diff` print for patch ids, whatever the
 * user's git config says (as sources/read-git-diff.ts does): renames found, no colour, no external
 * or textconv drivers, `a/` `b/` prefixes, quoted paths, no context (`-U0`: the patch id ignores it).
 */
const PATCH_ARGS = [
  "-p",
  "-U0",
  "-M",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--submodule=short",
  "--no-relative",
];

/**
 * The twin facts of a local hotfix branch (core/forward-port/twin-facts.ts), asked of git only:
 * - the commits `target` has that the branch has not (`git log <head>..<target>`, newest
 *   MAX_LOCAL_TARGET_COMMITS), for `(cherry picked from …)` trailers and tickets;
 * - whether the target contains the commits the branch's own trailers name
 *   (`git merge-base --is-ancestor`), with the patch ids of both (the trailer is no proof alone);
 * - only when no trailer or ticket finds a twin: patch ids (`git patch-id --stable` of `-U0`
 *   diffs): the branch's whole diff and each of its commits, and each of those target commits
 *   (a merge against its first parent), which is `git cherry`'s test without the context lines.
 * The target is `origin/<target>` when fetched, else the local branch; neither is an error.
 */
export async function readLocalTwinFacts(
  repo: LocalRepo,
  change: LocalChange,
  target: string,
  ticketPatterns: readonly string[],
): Promise<TwinFacts> {
  const hotfix = {
    title: change.title,
    body: change.body,
    headBranch: change.headBranch,
    baseBranch: change.baseBranch,
    commits: [...change.commits].reverse().map(({ sha, message }) => ({ sha, message })),
  };
  const none = { target, hotfix, targetCommits: [], sourcesOnTarget: [], candidates: [], limits: [] };
  if (target === change.baseBranch) return none;
  const targetRef = await findTargetRef(repo, target);
  const range = `${change.headSha}..${targetRef}`;
  const log = await runGit(
    repo.git,
    ["log", "-z", "--no-show-signature", "--format=%H%n%P%n%B", `-n${MAX_LOCAL_TARGET_COMMITS}`, range, "--"],
    `listing the commits of ${target}`,
  );
  const targetCommits = parseLog(log).map(({ sha, message }) => ({ sha, message }));
  const sourcesOnTarget = await findSourcesOnTarget(repo, hotfix.commits, targetRef);
  const facts: TwinFacts = {
    ...none,
    targetCommits,
    sourcesOnTarget,
    candidates: targetCommits.map(readCommitCandidate),
    limits:
      targetCommits.length >= MAX_LOCAL_TARGET_COMMITS
        ? [`only the newest ${MAX_LOCAL_TARGET_COMMITS} commits of ${quote(target)} were read`]
        : [],
  };
  if (findTwinWithoutPatches(facts, ticketPatterns)) return facts;
  return addPatchIds(repo, change, facts, range);
}

async function findTargetRef(repo: LocalRepo, target: string): Promise<string> {
  for (const ref of [`origin/${target}`, target]) if (await resolveCommit(repo, ref)) return ref;
  throw new SourceError(
    `the forward-port target "${target}" is not in this repository: fetch it (git fetch origin ${target}) to look for the hotfix's twin there`,
    false,
  );
}

/** The commits the branch's own trailers name that the target contains, with both commits' patch ids. */
async function findSourcesOnTarget(
  repo: LocalRepo,
  commits: ReadonlyArray<CommitFact>,
  targetRef: string,
): Promise<NamedSource[]> {
  const found: NamedSource[] = [];
  for (const commit of commits)
    for (const sha of findCherryPickSources(commit.message)) {
      if (!(await isAncestor(repo, sha, targetRef))) continue;
      const [named, by] = await Promise.all([readCommitPatchId(repo, sha), readCommitPatchId(repo, commit.sha)]);
      found.push({ sha, by: commit.sha, ...(named ? { patchId: named } : {}), ...(by ? { byPatchId: by } : {}) });
    }
  return found;
}

/** One commit's patch id, against its first parent. */
async function readCommitPatchId(repo: LocalRepo, sha: string): Promise<string | undefined> {
  const [entry] = await readPatchIds(repo.root, [
    "log",
    "-1",
    "--diff-merges=first-parent",
    "--format=commit %H",
    ...PATCH_ARGS,
    sha,
    "--",
  ]);
  return entry?.patchId;
}

async function isAncestor(repo: LocalRepo, sha: string, ref: string): Promise<boolean> {
  if (!/^[0-9a-f]{7,64}$/.test(sha)) return false;
  return repo.git
    .raw(["merge-base", "--is-ancestor", sha, ref])
    .then(() => true)
    .catch(() => false);
}

async function addPatchIds(repo: LocalRepo, change: LocalChange, facts: TwinFacts, range: string): Promise<TwinFacts> {
  const [whole, own, onTarget] = await Promise.all([
    readPatchIds(repo.root, ["diff", ...PATCH_ARGS, change.baseSha, change.headSha, "--"]),
    readPatchIds(repo.root, [
      "log",
      "--no-merges",
      "--format=commit %H",
      ...PATCH_ARGS,
      `${change.baseSha}..${change.headSha}`,
      "--",
    ]),
    readPatchIds(repo.root, [
      "log",
      "--diff-merges=first-parent",
      "--format=commit %H",
      ...PATCH_ARGS,
      `-n${MAX_LOCAL_TARGET_COMMITS}`,
      range,
      "--",
    ]),
  ]);
  const ids = new Map(onTarget.map((entry) => [entry.sha, entry.patchId]));
  const patchId = whole[0]?.patchId;
  return {
    ...facts,
    hotfix: {
      ...facts.hotfix,
      ...(patchId ? { patchId } : {}),
      commitPatchIds: own.map((entry) => entry.patchId),
    },
    candidates: facts.candidates.map((c) => {
      const id = ids.get(c.sha);
      return id ? { ...c, patchId: id } : c;
    }),
    targetCommitPatchIds: onTarget,
  };
}
