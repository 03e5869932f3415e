import { decideCanary, type CanaryFacts } from "../../core/deploy/decide-canary.js";
import { decideProduction, type ProductionFacts } from "../../core/deploy/decide-production.js";
import type { DeploymentTrust } from "../../core/deploy/trusted-creators.js";
import {
  decideUnconfigured,
  findEnvironmentKind,
  shortSha,
  type DeploymentDecision,
  type EnvironmentKind,
} from "../../core/deploy/deployment-decision.js";
import { isUnknownToGitHub } from "../../github/describe-github-error.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import { loadRepoSettings, type RepoSettings } from "../../github/load-repo-config.js";
import { readProductionFacts } from "../../github/read-production-facts.js";
import { decideUndecidable } from "../../render/deployment-messages.js";
import type { AppDeps, Log } from "../app-deps.js";
import { assessCanary } from "./assess-canary.js";

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
  /** What the decision read, for its evidence (SPEC §11): absent where it read nothing. */
  facts?: DecisionFacts;
}

/** The facts a decision was made from: the canary judgement, and for production the canary deployments. */
export interface DecisionFacts {
  canary: CanaryFacts;
  production?: { facts: ProductionFacts; trust: DeploymentTrust };
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
  let settings: RepoSettings;
  try {
    settings = await loadRepoSettings(octokit, repo, question.defaultBranch);
  } catch (error) {
    log.error({ err: error, sha: question.sha }, "could not read the config for a deployment decision");
    return { kind: "unknown", decision: decideUndecidable(error) };
  }
  const kind = findEnvironmentKind(question.environment, settings.config.deploy);
  if (!kind)
    return { kind: "unconfigured", decision: decideUnconfigured(question.environment, settings.config.deploy) };
  try {
    const target = { octokit, repo, defaultBranch: question.defaultBranch, log };
    const facts: Partial<DecisionFacts> = {};
    const decision = await decideKind(target, kind, question.sha, settings, deps, facts);
    return { kind, decision, ...(facts.canary ? { facts: facts as DecisionFacts } : {}) };
  } catch (error) {
    const fields = { err: error, sha: question.sha, environment: question.environment };
    // A commit GitHub does not know is the caller's question (a typo, another repository), not an App fault: warn.
    if (isUnknownToGitHub(error)) log.warn(fields, "deployment refused: GitHub does not know the commit");
    else log.error(fields, "could not decide a deployment");
    return { kind, decision: decideUndecidable(error) };
  }
}

/**
 * Canary: the canary decision. Production: the canary decision must still hold for the commit
 * (its hotfix may have failed, or lost its override, since it went to canary), and only then the
 * canary deployments of trusted creators are weighed. What it reads goes into `read`, for the evidence.
 */
async function decideKind(
  target: { octokit: GitHubClient; repo: RepoRef; defaultBranch: string; log: Log },
  kind: EnvironmentKind,
  sha: string,
  settings: RepoSettings,
  deps: AppDeps,
  read: Partial<DecisionFacts>,
): Promise<DeploymentDecision> {
  read.canary = await assessCanary(target, sha, settings, deps);
  const canary = decideCanary(read.canary);
  if (kind === "canary") return canary;
  if (!canary.allowed)
    return {
      allowed: false,
      reason: `Production needs the canary decision for ${shortSha(sha)} to still hold, and it does not. ${canary.reason}`,
    };
  const { deploy } = settings.config;
  const facts = await readProductionFacts(target.octokit, target.repo, sha, deploy.canary);
  const trust = { creators: deploy.trustedCreators, appId: deps.appId };
  read.production = { facts, trust };
  return decideProduction(facts, { bakeMinutes: deploy.bakeMinutes, trust }, deps.now());
}
