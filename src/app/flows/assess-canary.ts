import type { CanaryFacts, CandidatePull, CheckFact } from "../../core/deploy/decide-canary.js";
import { shortSha } from "../../core/deploy/deployment-decision.js";
import { isHotfix } from "../../core/is-hotfix.js";
import { decideRecordedState } from "../../core/override/override-record.js";
import { RELEASE_CHECK_NAME } from "../../github/check-runs.js";
import { findLatestCheck } from "../../github/find-latest-check.js";
import { findPullGateRun } from "../../github/find-pull-gate-run.js";
import { openRecord } from "../../github/override-store.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { type CommitPull, findRole, listCommitPulls } from "../../github/list-commit-pulls.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import type { AppDeps } from "../app-deps.js";
import { assessPullRequest } from "./assess-pull-request.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * What the canary gate needs about a commit: the pull requests whose head or merge commit it is,
 * each hotfix among them with ITS OWN gate verdict, and the release check on the commit itself.
 *
 * - An open hotfix PR is assessed now, exactly as the gate judges it (config, its files, its
 *   override): the newest check run on a commit may have been judged for another PR that shares it
 *   (a "Not a hotfix" pass from a fork or a feature branch), so no run on the commit is trusted.
 * - A merged hotfix PR can no longer change what was merged, and judging it again would read a
 *   world the merge changed (its `Fixes #12` ticket is closed by the merge): its verdict is the
 *   App's newest gate run on its head that was judged for it (find-pull-gate-run.ts).
 * - A closed, unmerged PR is abandoned and counts for nothing.
 */
/** What assessing a PR needs: this App's id, the record seal (overrides) and the ticket trackers. */
type CanaryDeps = Pick<AppDeps, "appId" | "recordSeal" | "trackers">;

export async function assessCanary(
  target: JudgeTarget,
  sha: string,
  settings: RepoSettings,
  deps: CanaryDeps,
): Promise<CanaryFacts> {
  const { appId } = deps;
  // In order: an unknown commit fails on the first call, with that reason.
  const pulls = await listCommitPulls(target.octokit, target.repo, sha);
  const releaseCheck = await findLatestCheck(target.octokit, target.repo, sha, RELEASE_CHECK_NAME, appId);
  const candidates = await Promise.all(
    pulls.flatMap((pr) => {
      const role = findRole(pr, sha);
      if (!role || (pr.state !== "open" && !pr.mergedAt)) return [];
      const hotfix = isHotfix({ headBranch: pr.headRef, labels: pr.labels }, settings.config).hotfix;
      return [
        (async (): Promise<CandidatePull> => {
          const gate = hotfix ? await judgeGate(target, pr, settings, deps) : undefined;
          return {
            number: pr.number,
            title: pr.title,
            role,
            hotfix,
            headSha: pr.headSha,
            author: pr.author,
            openedAt: pr.createdAt,
            mergedAt: pr.mergedAt,
            ...(gate ? { gate } : {}),
          };
        })(),
      ];
    }),
  );
  return { sha, pulls: candidates, ...(releaseCheck ? { releaseCheck } : {}) };
}

async function judgeGate(
  target: JudgeTarget,
  pr: CommitPull,
  settings: RepoSettings,
  deps: CanaryDeps,
): Promise<CheckFact | undefined> {
  if (pr.mergedAt) {
    const run = await findPullGateRun(target.octokit, target.repo, pr.headSha, pr.number, deps.appId);
    if (!run) return undefined;
    const { text, ...gate } = run;
    const override = readRecordedOverride(deps, text, target.repo, pr);
    return { ...gate, ...(override ? { override } : {}) };
  }
  const full = await getPullRequest(target.octokit, target.repo, pr.number);
  if (full.head.sha !== pr.headSha)
    return {
      status: "completed",
      conclusion: "failure",
      title: `its head has moved on to ${shortSha(full.head.sha)}, so ${shortSha(pr.headSha)} is no longer what it proposes`,
    };
  const { output, override } = await assessPullRequest(target, full, deps, { settings });
  return {
    status: "completed",
    conclusion: output.conclusion,
    title: output.title,
    summary: output.summary,
    ...(override ? { override: { by: override.by, reason: override.reason, at: override.at } } : {}),
  };
}

/**
 * The override in the App's signed record on the newest gate run of a merged PR, when it is that
 * PR's record for that head commit: only the App can write it (SPEC §8).
 */
function readRecordedOverride(
  deps: CanaryDeps,
  text: string | undefined,
  repo: JudgeTarget["repo"],
  pr: CommitPull,
): CheckFact["override"] {
  const record = deps.recordSeal && text ? openRecord(deps.recordSeal, text) : undefined;
  if (!record) return undefined;
  const target = { repo: `${repo.owner}/${repo.repo}`, pr: pr.number, sha: pr.headSha };
  const { override } = decideRecordedState([{ runId: 0, record }], target);
  return override ? { by: override.by, reason: override.reason, at: override.at } : undefined;
}
