import { shortSha, type DeploymentDecision } from "./deployment-decision.js";
import { describeActor, isTrustedActor, type DeploymentActor, type DeploymentTrust } from "./trusted-creators.js";

export interface DeploymentStatusFact extends DeploymentActor {
  /** GitHub's deployment status state: `success`, `failure`, `error`, `in_progress`, `inactive`, … */
  state: string;
  createdAt: Date;
}

/** A deployment of the commit to a canary environment, with all of its statuses and who made them. */
export interface CanaryDeploymentFact extends DeploymentActor {
  id: number;
  environment: string;
  /** When the deployment was created (`created_at`), for the evidence. */
  createdAt?: Date | undefined;
  statuses: DeploymentStatusFact[];
}

export interface ProductionFacts {
  sha: string;
  canaryDeployments: CanaryDeploymentFact[];
}

/** What the production gate needs from the config: the bake time and whom it trusts. */
export interface ProductionPolicy {
  bakeMinutes: number;
  trust: DeploymentTrust;
}

const FAILED = new Set(["failure", "error"]);
const MINUTE_MS = 60_000;

/**
 * Production (docs/deployments.md): approve only when the same commit has a canary deployment whose latest
 * status is `success`, that success is at least `bakeMinutes` old, and no canary deployment of the
 * commit failed (`failure` or `error`) after it. The bake starts at the earliest success that no
 * failure followed. Only a deployment AND a success status made by a trusted creator (or this App)
 * count; a failure counts from anyone, as it can only make the gate stricter. Statuses of an
 * untrusted creator that are no failure are ignored. Pure: the clock is passed in.
 */
export function decideProduction(facts: ProductionFacts, policy: ProductionPolicy, now: Date): DeploymentDecision {
  const { bakeMinutes, trust } = policy;
  const sha = shortSha(facts.sha);
  if (!facts.canaryDeployments.length) {
    return {
      allowed: false,
      reason: `${sha} has not been deployed to canary. Deploy it to canary first; production follows after ${minutes(bakeMinutes)} of healthy canary.`,
    };
  }
  const failures = findFailures(facts);
  const trusted = facts.canaryDeployments.filter((d) => isTrustedActor(d, trust));
  const bake = findBake(facts, trust);

  if (!bake) {
    const failed = failures.sort((a, b) => byTime(a.status, b.status)).at(-1);
    if (failed) {
      return {
        allowed: false,
        reason: `The canary deployment of ${sha} failed (${failed.status.state} at ${iso(failed.status.createdAt)}, deployment ${failed.deployment.id} to ${failed.deployment.environment}). Production needs a healthy canary: fix it and deploy to canary again.`,
      };
    }
    const ignored = describeUntrusted(facts.canaryDeployments, trust);
    const states = trusted.map(
      (d) =>
        `deployment ${d.id}: ${
          [...d.statuses]
            .filter((s) => isTrustedActor(s, trust))
            .sort(byTime)
            .at(-1)?.state ?? "no status"
        }`,
    );
    const found = states.length ? ` (${states.join(", ")})` : "";
    return {
      allowed: false,
      reason: `${sha} has no successful canary deployment${ignored ? " from a trusted creator" : ""} yet${found}.${ignored} Production follows after ${minutes(bakeMinutes)} of healthy canary.`,
    };
  }

  const readyAt = new Date(bake.status.createdAt.getTime() + bakeMinutes * MINUTE_MS);
  const where = `deployment ${bake.deployment.id} to ${bake.deployment.environment} succeeded at ${iso(bake.status.createdAt)}`;
  if (now < readyAt) {
    const left = Math.ceil((readyAt.getTime() - now.getTime()) / MINUTE_MS);
    return {
      allowed: false,
      readyAt,
      reason: `Canary of ${sha} is still baking: ${where} and must bake ${minutes(bakeMinutes)}, until ${iso(readyAt)} (${minutes(left)} left).`,
    };
  }
  return { allowed: true, reason: `Canary of ${sha} baked ${minutes(bakeMinutes)} with no failure since: ${where}.` };
}

/** Every failed status (`failure`, `error`) of the commit's canary deployments, from anyone. */
function findFailures(
  facts: ProductionFacts,
): Array<{ deployment: CanaryDeploymentFact; status: DeploymentStatusFact }> {
  return facts.canaryDeployments.flatMap((d) =>
    d.statuses.filter((s) => FAILED.has(s.state)).map((s) => ({ deployment: d, status: s })),
  );
}

/**
 * The canary deployment whose bake counts: of the trusted deployments whose newest counted status
 * is a trusted `success` after the last failure, the one that succeeded first. Undefined when none.
 */
export function findBake(
  facts: ProductionFacts,
  trust: DeploymentTrust,
): { deployment: CanaryDeploymentFact; status: DeploymentStatusFact } | undefined {
  const lastFailure = latest(findFailures(facts).map((f) => f.status.createdAt));
  const successes = facts.canaryDeployments
    .filter((d) => isTrustedActor(d, trust))
    .flatMap((d) => {
      const counted = d.statuses.filter((s) => FAILED.has(s.state) || isTrustedActor(s, trust));
      const newest = [...counted].sort(byTime).at(-1);
      return newest?.state === "success" && (!lastFailure || newest.createdAt > lastFailure)
        ? [{ deployment: d, status: newest }]
        : [];
    });
  return successes.sort((a, b) => byTime(a.status, b.status))[0];
}

/**
 * " Ignored: …" naming the deployments and success statuses of untrusted creators, and whom the
 * gate trusts; "" when nothing was ignored.
 */
function describeUntrusted(deployments: readonly CanaryDeploymentFact[], trust: DeploymentTrust): string {
  const ignored = deployments.flatMap((d) => {
    if (!isTrustedActor(d, trust)) return [`deployment ${d.id} (created by ${describeActor(d)})`];
    return d.statuses
      .filter((s) => s.state === "success" && !isTrustedActor(s, trust))
      .map((s) => `the success status of deployment ${d.id} (created by ${describeActor(s)})`);
  });
  if (!ignored.length) return "";
  const trusted = trust.creators.length ? `${trust.creators.join(", ")} and this App` : "this App alone";
  return ` Ignored because no trusted creator made them: ${ignored.join(", ")}. Trusted (deploy.trustedCreators): ${trusted}.`;
}

function byTime(a: DeploymentStatusFact, b: DeploymentStatusFact): number {
  return a.createdAt.getTime() - b.createdAt.getTime();
}

function latest(dates: Date[]): Date | undefined {
  return dates.reduce<Date | undefined>((acc, d) => (!acc || d > acc ? d : acc), undefined);
}

function minutes(n: number): string {
  return `${n} minute${n === 1 ? "" : "s"}`;
}

/** ISO 8601 without milliseconds: what people read in a comment. */
export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
