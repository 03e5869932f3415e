import { CONFIG_PATH } from "../config/config-path.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import type { PullRequestData } from "./pull-request-data.js";
import { readFileText } from "./read-file-text.js";

/**
 * The text of the config file as a pull request proposes it: the raw file at the PR's head SHA.
 * Read from the base repository first (GitHub keeps every PR head, a fork's too, under
 * `refs/pull/<n>/head` there); a fork PR whose head the base repository does not resolve is read
 * from the fork. One GET (two for such a fork). Undefined when neither has the file. The text is
 * only ever judged as text: it is never the config of a judgement.
 */
export async function readPullConfigText(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: Pick<PullRequestData, "head">,
): Promise<string | undefined> {
  const text = await readFileText(octokit, repo, CONFIG_PATH, pr.head.sha);
  const fork = pr.head.repo;
  if (text !== undefined || !fork || isSameRepo(fork, repo)) return text;
  return readFileText(octokit, { owner: fork.owner.login, repo: fork.name }, CONFIG_PATH, pr.head.sha);
}

function isSameRepo(fork: { owner: { login: string }; name: string }, repo: RepoRef): boolean {
  return (
    fork.owner.login.toLowerCase() === repo.owner.toLowerCase() && fork.name.toLowerCase() === repo.repo.toLowerCase()
  );
}
