import { findPullNumber } from "../release/find-pull-number.js";
import type { CommitFact, TwinCandidate } from "./twin-facts.js";

/** `Merge pull request #57 from octo/forward-port/12`: GitHub's merge commit subject. */
const MERGE_SUBJECT = /^Merge pull request #\d+ from [^/\s]+\/(\S+)/;
/** `Fix total (#57)`: GitHub's squash subject. */
const SQUASH_SUFFIX = /\s*\(#\d+\)\s*$/;

/**
 * A commit on the target as a possible twin (the local source has commits, not pull requests):
 * GitHub's merge commit carries the branch in its subject and the PR title on its next line; a
 * squash ends its subject with `(#N)`, which is the PR, not a ticket. Pure.
 */
export function readCommitCandidate(commit: CommitFact): TwinCandidate {
  const [subject = "", ...rest] = commit.message.split("\n");
  const number = findPullNumber(commit.message);
  const merge = MERGE_SUBJECT.exec(subject);
  if (merge) {
    const [title = "", ...body] = rest.join("\n").trim().split("\n");
    return {
      kind: "commit",
      sha: commit.sha,
      ...(number === undefined ? {} : { number }),
      title,
      body: body.join("\n"),
      headBranch: merge[1] ?? "",
    };
  }
  return {
    kind: "commit",
    sha: commit.sha,
    ...(number === undefined ? {} : { number }),
    title: subject.replace(SQUASH_SUFFIX, ""),
    body: rest.join("\n").trim(),
    headBranch: "",
  };
}
