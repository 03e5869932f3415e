/** How the hotfix's merge landed on its base, which decides the cherry-pick that carries it over. */
export interface MergeShape {
  /** The commit the merge made: a merge commit, a squash commit or the last rebased commit. */
  sha: string;
  /** Parents of that commit: 2 for a merge commit. */
  parents: number;
  /** How many commits a rebase merge put on the base (1 for a squash or a single commit). */
  commits: number;
}

/**
 * The commands that forward-port a merged hotfix onto `target`, for a developer to paste: a branch
 * from the target, the `git cherry-pick -x` that records where the fix came from (so the
 * forward-port check finds the twin by its trailer), and the push.
 * - a merge commit: `-m 1`, its diff against the base's first parent (the hotfix's changes);
 * - a squash (or a single commit): that commit;
 * - a rebase merge of N commits: the range `<sha>~N..<sha>`.
 */
export function buildForwardPortCommands(number: number | undefined, target: string, merge: MergeShape): string[] {
  const branch = shellWord(`forward-port/${number ?? merge.sha.slice(0, 7)}-to-${target}`);
  const pick =
    merge.parents > 1
      ? `git cherry-pick -x -m 1 ${merge.sha}`
      : merge.commits > 1
        ? `git cherry-pick -x ${merge.sha}~${merge.commits}..${merge.sha}`
        : `git cherry-pick -x ${merge.sha}`;
  return [
    "git fetch origin",
    `git switch --create ${branch} ${shellWord(`origin/${target}`)}`,
    pick,
    `git push --set-upstream origin ${branch}`,
  ];
}

/** A word the shell reads as written: single-quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._/@%+=:,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
