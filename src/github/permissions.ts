import type { AccessLookup, ActorAccess, MembershipState, TeamRef } from "../core/override/can-override.js";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * Does the look-ups a plan from `planAccessLookup` asks for: nothing, the person's repository role
 * (one call), or team memberships in config order, stopping at the first active one (one call per
 * team). Errors other than "not a member" are thrown: an override is never decided on a guess.
 */
export async function lookUpAccess(
  octokit: GitHubClient,
  repo: RepoRef,
  username: string,
  lookup: AccessLookup,
): Promise<ActorAccess> {
  if (lookup.kind === "role") return { role: await readRepoRole(octokit, repo, username) };
  if (lookup.kind === "none") return {};
  const teams: Array<{ team: TeamRef; state: MembershipState }> = [];
  for (const team of lookup.teams) {
    const state = await readTeamMembership(octokit, team, username);
    teams.push({ team, state });
    if (state === "active") break;
  }
  return { teams };
}

/**
 * `role_name` is the assigned role (admin, maintain, write, triage, read, or a custom role);
 * `permission` the legacy base (admin, write, read, none), where maintain shows as write.
 * Needs the `metadata: read` permission that every App has.
 */
export async function readRepoRole(
  octokit: GitHubClient,
  repo: RepoRef,
  username: string,
): Promise<{ name: string; permission: string }> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return { name: data.role_name, permission: data.permission };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { name: "none", permission: "none" };
    throw toSourceError(error, `reading the repository role of ${username}`);
  }
}

/** 404 means "not a member" (or a team the App cannot see). Needs the `members: read` org permission. */
export async function readTeamMembership(
  octokit: GitHubClient,
  team: TeamRef,
  username: string,
): Promise<MembershipState> {
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
      org: team.org,
      team_slug: team.slug,
      username,
    });
    return data.state === "active" ? "active" : "pending";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return "none";
    throw toSourceError(error, `reading ${username}'s membership of the team ${team.org}/${team.slug}`);
  }
}
