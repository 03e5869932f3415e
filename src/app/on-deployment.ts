import type { Context } from "probot";
import { postDeployStatus } from "../github/post-deploy-status.js";
import { renderStatusDescription } from "../render/deployment-messages.js";
import type { AppDeps } from "./app-deps.js";
import { assessDeployment } from "./flows/assess-deployment.js";
import { recordEvidence } from "./flows/record-evidence.js";

/**
 * A deployment to a canary or production environment was created: post the decision as the
 * commit status `single-patch-order/deploy/<environment>`, for deploy jobs that cannot use a
 * custom protection rule. Environments in neither list get no status. A production decision then
 * writes its evidence run, once the status is posted (a status GitHub refused leaves no record).
 */
export async function onDeploymentCreated(context: Context<"deployment.created">, deps: AppDeps): Promise<void> {
  const { deployment, repository } = context.payload;
  const repo = context.repo();
  const question = {
    sha: deployment.sha,
    environment: deployment.environment,
    defaultBranch: repository.default_branch,
  };
  const { kind, decision, facts } = await assessDeployment(context.octokit, repo, question, deps, context.log);
  if (kind === "unconfigured") return;
  await postDeployStatus(context.octokit, repo, {
    sha: deployment.sha,
    environment: deployment.environment,
    decision,
    description: renderStatusDescription(decision),
  });
  await recordEvidence(
    context.octokit,
    {
      repo,
      sha: deployment.sha,
      environment: deployment.environment,
      source: "commit-status",
      deploymentId: deployment.id,
      assessment: { kind, decision, ...(facts ? { facts } : {}) },
      decidedAt: deps.now(),
    },
    deps,
    context.log,
  );
}
