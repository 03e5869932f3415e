import type { Context } from "probot";
import { decideCanary, isCanaryCandidate } from "../core/deploy/decide-canary.js";
import { GATE_CHECK_NAME, RELEASE_CHECK_NAME } from "../github/check-runs.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { postDeployStatus } from "../github/post-deploy-status.js";
import { readCanaryFacts } from "../github/read-canary-facts.js";
import { renderStatusDescription } from "../render/deployment-messages.js";
import { NOT_HOTFIX_TITLE } from "../render/describe-not-hotfix.js";
import type { AppDeps } from "./app-deps.js";
import { isOurs } from "./on-check-rerun.js";

/**
 * Our gate or release check completed: post the canary decision as a commit status on that commit,
 * so a deploy job waiting on `single-patch-order/deploy/<canary>` sees it without a deployment
 * event. Only hotfix and release commits get one: an ordinary PR gets no red status, and its
 * check (titled as not a hotfix) costs no call here.
 */
export async function onGateCheckCompleted(context: Context<"check_run.completed">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if ((run.name !== GATE_CHECK_NAME && run.name !== RELEASE_CHECK_NAME) || !isOurs(run.app?.id, deps)) return;
  if (run.output?.title === NOT_HOTFIX_TITLE) return;
  const repo = context.repo();
  const { config } = await loadRepoSettings(context.octokit, repo, context.payload.repository.default_branch);
  if (!config.deploy.canary.length) return;
  const facts = await readCanaryFacts(context.octokit, repo, run.head_sha, config, deps.appId);
  if (!isCanaryCandidate(facts)) return;
  const decision = decideCanary(facts);
  for (const environment of config.deploy.canary) {
    await postDeployStatus(context.octokit, repo, { sha: run.head_sha, environment, decision, description: renderStatusDescription(decision) });
  }
}
