import type { Context } from "probot";
import { GATE_CHECK_NAME, publishCompletedCheck } from "../github/check-runs.js";
import { findRequestId } from "../github/describe-github-error.js";
import { getPullRequest } from "../github/find-pull-requests.js";
import { listMergeGroupPullRequests } from "../github/list-merge-group-prs.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { renderEvaluationError, type CheckRunOutput } from "../render/check-run-output.js";
import { renderMergeGroup } from "../render/merge-group-output.js";
import type { AppDeps } from "./app-deps.js";
import { assessPullRequest } from "./flows/assess-pull-request.js";
import { toJudgeTarget } from "./flows/judge-target.js";

/**
 * A merge queue asks for our required check on the group's head: judge every PR in the group with
 * the current config (read once) and publish one check, so the queue never stalls waiting for us.
 */
export async function onMergeGroup(context: Context<"merge_group.checks_requested">, deps: AppDeps): Promise<void> {
  const group = context.payload.merge_group;
  const repo = context.repo();
  const target = toJudgeTarget(
    context,
    context.payload.repository?.default_branch ?? group.base_ref.replace(/^refs\/heads\//, ""),
  );
  let output: CheckRunOutput;
  try {
    const numbers = await listMergeGroupPullRequests(context.octokit, repo, group);
    const settings = await loadRepoSettings(context.octokit, repo, target.defaultBranch);
    const judged = await Promise.all(
      numbers.map(async (number) => {
        const pr = await getPullRequest(context.octokit, repo, number);
        const { output } = await assessPullRequest(target, pr, deps, { settings });
        return { number, title: pr.title, output };
      }),
    );
    output = renderMergeGroup(judged);
  } catch (error) {
    context.log.error({ err: error }, "could not judge the merge group");
    output = renderEvaluationError(error, findRequestId(error));
  }
  await publishCompletedCheck(context.octokit, repo, {
    name: GATE_CHECK_NAME,
    headSha: group.head_sha,
    output,
    completedAt: deps.now(),
  });
}
