import type { Config } from "../../config/schema.js";
import {
  decideOverride,
  decideSecondPerson,
  planAccessLookup,
  sameLogin,
  type HeadPeople,
  type OverrideGrant,
} from "../../core/override/can-override.js";
import { checkOverrideReason } from "../../core/override/check-override-reason.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import { lookUpAccess } from "../../github/permissions.js";
import type { OverrideDenial } from "../../render/override-replies.js";

export interface OverrideAsk {
  actor: string;
  /** The PR's author, who never may. */
  author: string | undefined;
  /** The reason given; absent for the button, which cannot carry one. */
  reason?: string;
  /** Who pushed and wrote the head commit: read only once the policy allows the person (two calls). */
  readHead: () => Promise<HeadPeople>;
}

export type OverrideVerdict = { allowed: true; grant: OverrideGrant } | { allowed: false; denial: OverrideDenial };

/**
 * May this person override this PR's check? The cheap refusals first (the author, a missing or
 * short reason: no call), then the look-ups the policy needs (none, one role, or one per team),
 * then, for someone the policy allows, the second-person rule against the head commit's pusher,
 * author and committer. The comment and the button ask the same question.
 */
export async function assessOverride(
  octokit: GitHubClient,
  repo: RepoRef,
  ask: OverrideAsk,
  config: Config,
): Promise<OverrideVerdict> {
  if (sameLogin(ask.actor, ask.author))
    return { allowed: false, denial: { kind: "refused", refusal: { kind: "author" } } };
  const problem = ask.reason === undefined ? undefined : checkOverrideReason(ask.reason);
  if (problem) return { allowed: false, denial: { kind: "reason", problem } };
  const policy = config.override;
  const access = await lookUpAccess(
    octokit,
    repo,
    ask.actor,
    planAccessLookup(ask.actor, ask.author, policy, repo.owner),
  );
  const decision = decideOverride({ actor: ask.actor, author: ask.author, policy, access });
  if (!decision.allowed) return { allowed: false, denial: { kind: "refused", refusal: decision.refusal } };
  const refusal = decideSecondPerson(ask.actor, await ask.readHead());
  return refusal ? { allowed: false, denial: { kind: "refused", refusal } } : decision;
}
