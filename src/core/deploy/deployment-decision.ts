import type { Config } from "../../config/schema.js";

/**
 * The answer to "may this commit be deployed to this environment?". The same answer goes out as
 * a deployment protection review, a commit status and the gate endpoint's JSON.
 */
export interface DeploymentDecision {
  allowed: boolean;
  /** One plain-text sentence or two: what was found, and what is missing. */
  reason: string;
  /** When the only thing missing is bake time: the moment the commit may go. */
  readyAt?: Date;
}

export type EnvironmentKind = "canary" | "production";

/**
 * Which gate an environment has. GitHub environment names are case-insensitive, so they are
 * compared without case. An environment listed in both is treated as production (the stricter).
 */
export function findEnvironmentKind(
  environment: string,
  deploy: Pick<Config["deploy"], "canary" | "production">,
): EnvironmentKind | undefined {
  const name = environment.toLowerCase();
  if (deploy.production.some((e) => e.toLowerCase() === name)) return "production";
  if (deploy.canary.some((e) => e.toLowerCase() === name)) return "canary";
  return undefined;
}

/** True when `environment` is one of `names`, without case. */
export function isEnvironmentIn(environment: string, names: readonly string[]): boolean {
  const name = environment.toLowerCase();
  return names.some((e) => e.toLowerCase() === name);
}

/**
 * An environment in neither list. Approving would open a gate nobody configured, and ignoring the
 * request would leave the job waiting with no word, so the request is rejected with how to fix it.
 */
export function decideUnconfigured(
  environment: string,
  deploy: Pick<Config["deploy"], "canary" | "production">,
): DeploymentDecision {
  const list = (names: readonly string[]) => (names.length ? names.join(", ") : "none");
  return {
    allowed: false,
    reason:
      `Environment "${environment}" is in neither deploy.canary (${list(deploy.canary)}) nor deploy.production (${list(deploy.production)}) ` +
      "of .github/single-patch-order.yml. Add it to one of them, or turn this protection rule off for the environment.",
  };
}

/** The commit as people read it in messages. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
