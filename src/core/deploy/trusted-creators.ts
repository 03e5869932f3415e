/** Who made a deployment or a deployment status, as GitHub records it. */
export interface DeploymentActor {
  /** `creator.login`; absent when GitHub has none (a deleted account). */
  creator?: string | undefined;
  /** `performed_via_github_app.id`: the App whose installation token made it, if any. */
  viaAppId?: number | undefined;
}

/** Whom the production gate believes about canary deployments (`deploy.trustedCreators` and this App). */
export interface DeploymentTrust {
  creators: readonly string[];
  /** This App's id: what it made itself is always trusted. */
  appId?: number | undefined;
}

/**
 * True when a deployment or status was made by a trusted creator (logins compared without case,
 * as GitHub compares them) or by this App. Anyone with write access can create a deployment and
 * its statuses through the REST API, so nothing else may speak for a canary's success. Pure.
 */
export function isTrustedActor(actor: DeploymentActor, trust: DeploymentTrust): boolean {
  if (trust.appId !== undefined && actor.viaAppId === trust.appId) return true;
  const login = actor.creator?.toLowerCase();
  return login !== undefined && trust.creators.some((name) => name.toLowerCase() === login);
}

/**
 * The login, or `an unknown account`, for messages. Without an `@`: a refusal must not mention
 * (notify) the person it names.
 */
export function describeActor(actor: DeploymentActor): string {
  return actor.creator ?? "an unknown account";
}
