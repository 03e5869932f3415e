import type { Config } from "../../config/schema.js";
import { decideCanary } from "../../core/deploy/decide-canary.js";
import { decideProduction } from "../../core/deploy/decide-production.js";
import {
  decideUnconfigured,
  findEnvironmentKind,
  type DeploymentDecision,
  type EnvironmentKind,
} from "../../core/deploy/deployment-decision.js";
import { isUnknownToGitHub } from "../../github/describe-github-error.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import { loadRepoSettings } from "../../github/load-repo-config.js";
import { readCanaryFacts } from "../../github/read-canary-facts.js";
import { readProductionFacts } from "../../github/read-production-facts.js";
import { decideUndecidable } from "../../render/deployment-messages.js";
import type { AppDeps, Log } from "../app-deps.js";

export interface DeploymentQuestion {
  sha: string;
  environment: string;
  /** Names where the config was read from, in messages only. */
  defaultBranch: string;
}

export interface DeploymentAssessment {
  decision: DeploymentDecision;
  /** `unconfigured`: the environment is in neither list; `unknown`: the config could not be read. */
  kind: EnvironmentKind | "unconfigured" | "unknown";
}

/**
 * The one deployment decision behind the protection rule, the commit status and the gate
 * endpoint. Never throws and never approves by default: any error is a refusal with its reason.
 */
export async function assessDeployment(
  octokit: GitHubClient,
  repo: RepoRef,
  question: DeploymentQuestion,
  deps: AppDeps,
  log: Log,
): Promise<DeploymentAssessment> {
  let config: Config;
  try {
    config = (await loadRepoSettings(octokit, repo, question.defaultBranch)).config;
  } catch (error) {
    log.error({ err: error, sha: question.sha }, "could not read the config for a deployment decision");
    return { kind: "unknown", decision: decideUndecidable(error) };
  }
  const kind = findEnvironmentKind(question.environment, config.deploy);
  if (!kind) return { kind: "unconfigured", decision: decideUnconfigured(question.environment, config.deploy) };
  try {
    return { kind, decision: await decideKind(octokit, repo, kind, question.sha, config, deps) };
  } catch (error) {
    const fields = { err: error, sha: question.sha, environment: question.environment };
    // A commit GitHub does not know is the caller's question (a typo, another repository), not an App fault: warn.
    if (isUnknownToGitHub(error)) log.warn(fields, "deployment refused: GitHub does not know the commit");
    else log.error(fields, "could not decide a deployment");
    return { kind, decision: decideUndecidable(error) };
  }
}

async function decideKind(
  octokit: GitHubClient,
  repo: RepoRef,
  kind: EnvironmentKind,
  sha: string,
  config: Config,
  deps: AppDeps,
): Promise<DeploymentDecision> {
  if (kind === "canary") return decideCanary(await readCanaryFacts(octokit, repo, sha, config, deps.appId));
  const facts = await readProductionFacts(octokit, repo, sha, config.deploy.canary);
  return decideProduction(facts, config.deploy.bakeMinutes, deps.now());
}
