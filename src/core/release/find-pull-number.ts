/** `Fix total (#12)` (squash merge) or `Merge pull request #12 from …` (merge commit), on the subject line. */
const PR_IN_SUBJECT = /\(#(\d+)\)\s*$|^Merge pull request #(\d+)\b/;

/**
 * The pull request a merge or squash commit says it came from, read from its subject line only:
 * a squash body lists the PR's own commits, whose `(#n)` references are not the PR.
 */
export function findPullNumber(commitMessage: string): number | undefined {
  const match = PR_IN_SUBJECT.exec(commitMessage.split("\n", 1)[0] ?? "");
  const number = match?.[1] ?? match?.[2];
  return number === undefined ? undefined : Number(number);
}
