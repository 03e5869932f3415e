import type { Config } from "../config/schema.js";
import type { CanaryFacts, CandidatePull } from "../core/deploy/decide-canary.js";
import { isHotfix } from "../core/is-hotfix.js";
import { GATE_CHECK_NAME, RELEASE_CHECK_NAME } from "./check-runs.js";
import { findLatestCheck } from "./find-latest-check.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { findRole, listCommitPulls } from "./list-commit-pulls.js";

/**
 * What the canary gate needs about a commit: the pull requests whose head or merge commit it is
 * (with the gate check of each hotfix among them) and the release check on the commit itself.
 */
export async function readCanaryFacts(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  config: Pick<Config, "hotfix">,
  appId?: number,
): Promise<CanaryFacts> {
  // In order: an unknown commit fails on the first call, with that reason.
  const pulls = await listCommitPulls(octokit, repo, sha);
  const releaseCheck = await findLatestCheck(octokit, repo, sha, RELEASE_CHECK_NAME, appId);
  const candidates = await Promise.all(
    pulls.flatMap((pr) => {
      const role = findRole(pr, sha);
      if (!role) return [];
      const hotfix = isHotfix({ headBranch: pr.headRef, labels: pr.labels }, config).hotfix;
      return [
        (async (): Promise<CandidatePull> => {
          const gate = hotfix ? await findLatestCheck(octokit, repo, pr.headSha, GATE_CHECK_NAME, appId) : undefined;
          return { number: pr.number, title: pr.title, role, hotfix, ...(gate ? { gate } : {}) };
        })(),
      ];
    }),
  );
  return { sha, pulls: candidates, ...(releaseCheck ? { releaseCheck } : {}) };
}
