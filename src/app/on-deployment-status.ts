import type { Context } from "probot";
import { isEnvironmentIn } from "../core/deploy/deployment-decision.js";
import type { FailedCanary } from "../core/deploy/failed-canary.js";
import { isHotfix } from "../core/is-hotfix.js";
import { findRole, listCommitPulls } from "../github/list-commit-pulls.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { rollBackHotfix } from "./flows/roll-back-hotfix.js";

const FAILED_STATES = new Set(["failure", "error"]);

/**
 * A canary deployment failed (`failure` or `error`): every hotfix PR whose head or merge commit
 * was deployed gets its rollback plan as a comment and, with `deploy.autoRevert`, a revert PR.
 */
export async function onDeploymentStatus(context: Context<"deployment_status.created">, deps: AppDeps): Promise<void> {
  const { deployment_status: status, deployment, repository } = context.payload;
  if (!FAILED_STATES.has(status.state)) return;
  const repo = context.repo();
  const { config } = await loadRepoSettings(context.octokit, repo, repository.default_branch);
  const environment = status.environment ?? deployment.environment;
  if (!isEnvironmentIn(environment, config.deploy.canary)) return;

  const pulls = (await listCommitPulls(context.octokit, repo, deployment.sha)).filter(
    (pr) => findRole(pr, deployment.sha) && isHotfix({ headBranch: pr.headRef, labels: pr.labels }, config).hotfix,
  );
  if (!pulls.length) {
    context.log.info(
      { sha: deployment.sha, environment },
      "failed canary of a commit that is no hotfix's head or merge: nothing to roll back",
    );
    return;
  }
  const failure: FailedCanary = {
    environment,
    sha: deployment.sha,
    deploymentId: deployment.id,
    statusId: status.id,
    state: status.state,
    at: status.created_at,
    ...(status.description ? { description: status.description } : {}),
    ...(status.log_url || status.target_url ? { logUrl: status.log_url || status.target_url } : {}),
  };
  for (const pr of pulls)
    await rollBackHotfix(
      { octokit: context.octokit, repo, log: context.log, ...(deps.appId === undefined ? {} : { appId: deps.appId }) },
      pr,
      failure,
      config,
    );
}
