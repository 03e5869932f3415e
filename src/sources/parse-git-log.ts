/** A commit of the branch, as `git log` prints it. */
export interface LocalCommit {
  sha: string;
  message: string;
  /** Number of parents: 2 or more is a merge commit. */
  parents: number;
}

/** Commits from `git log -z --format=%H%n%P%n%B`, newest first. */
export function parseLog(output: string): LocalCommit[] {
  return output
    .split("\0")
    .filter((entry) => entry.trim())
    .map((entry) => {
      const [sha = "", parents = "", ...message] = entry.replace(/^\n+/, "").split("\n");
      return { sha, parents: parents.split(" ").filter(Boolean).length, message: message.join("\n").trimEnd() };
    });
}
