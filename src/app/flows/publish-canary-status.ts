import { decideCanary, isCanaryCandidate } from "../../core/deploy/decide-canary.js";
import { loadRepoSettings } from "../../github/load-repo-config.js";
import { postDeployStatus } from "../../github/post-deploy-status.js";
import { renderStatusDescription } from "../../render/deployment-messages.js";
import type { AppDeps } from "../app-deps.js";
import { assessCanary } from "./assess-canary.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * Posts the canary decision as a commit status on `sha`, once per canary environment, so a deploy
 * job waiting on `single-patch-order/deploy/<canary>` sees it without a deployment event. Only
 * hotfix and release commits get one: an ordinary PR gets no red status. The decision is the
 * canary gate's own (assess-canary.ts): the hotfix PR is judged, not the check that just completed.
 */
export async function publishCanaryStatus(target: JudgeTarget, sha: string, deps: AppDeps): Promise<void> {
  const settings = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch);
  const { config } = settings;
  if (!config.deploy.canary.length) return;
  const facts = await assessCanary(target, sha, settings, deps);
  if (!isCanaryCandidate(facts)) return;
  const decision = decideCanary(facts);
  for (const environment of config.deploy.canary) {
    await postDeployStatus(target.octokit, target.repo, {
      sha,
      environment,
      decision,
      description: renderStatusDescription(decision),
    });
  }
}
