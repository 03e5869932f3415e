/**
 * Who may break glass. Pure: the caller looks up what `planAccessLookup` asks for on GitHub and
 * hands the answers to `decideOverride`. The PR's author never may: an override needs a second
 * person.
 */

/** `override.teams` and `override.users` from the config. */
export interface OverridePolicy {
  teams: readonly string[];
  users: readonly string[];
}

/** An org team, from a config entry `slug` (the repository owner's org) or `org/slug`. */
export interface TeamRef {
  org: string;
  slug: string;
}

export type MembershipState = "active" | "pending" | "none";

/** What GitHub said about the person: only the parts the plan asked for are present. */
export interface ActorAccess {
  /** Teams looked up, in config order; the lookup may stop at the first active membership. */
  teams?: ReadonlyArray<{ team: TeamRef; state: MembershipState }>;
  /** The person's repository role (`role_name`) and legacy base permission (`permission`). */
  role?: { name: string; permission: string };
}

/** What to ask GitHub before deciding: nothing, team memberships, or the repository role. */
export type AccessLookup = { kind: "none" } | { kind: "teams"; teams: TeamRef[] } | { kind: "role" };

export type OverrideRefusal =
  | { kind: "author" }
  /** The person pushed the head commit, or GitHub names them its author or committer. */
  | { kind: "head"; as: HeadRole }
  /** The App never saw who pushed the head commit, so it cannot tell a second person. */
  | { kind: "pusher-unknown" }
  /** Lists are configured and the person is neither listed nor an active team member. */
  | { kind: "not-listed"; pending: TeamRef[] }
  /** No lists: the default needs the admin or maintain role. */
  | { kind: "role"; role: string };

export type OverrideGrant = { kind: "user" } | { kind: "team"; team: TeamRef } | { kind: "role"; role: string };

export type OverrideDecision = { allowed: true; grant: OverrideGrant } | { allowed: false; refusal: OverrideRefusal };

/** How someone stands to the head commit. */
export type HeadRole = "pusher" | "author" | "committer";

/** Who is behind the PR's head commit: what the second-person rule compares the person with. */
export interface HeadPeople {
  /** Everyone the App saw push the head commit; empty when it saw no push of it. */
  pushers: readonly string[];
  /** GitHub logins of the commit's author and committer; null when GitHub links no account. */
  author: string | null;
  committer: string | null;
}

/**
 * SPEC §8 "Second person": whoever pushed or authored the head commit may not override it either,
 * even when the policy allows them. A commit with no linked account cannot match anyone; a push
 * the App never saw cannot be ruled out, so it refuses.
 */
export function decideSecondPerson(actor: string, head: HeadPeople): OverrideRefusal | undefined {
  if (head.pushers.some((p) => sameLogin(p, actor))) return { kind: "head", as: "pusher" };
  if (head.author !== null && sameLogin(head.author, actor)) return { kind: "head", as: "author" };
  if (head.committer !== null && sameLogin(head.committer, actor)) return { kind: "head", as: "committer" };
  if (!head.pushers.length) return { kind: "pusher-unknown" };
  return undefined;
}

/** Roles that may override when the config names no teams and no users. */
export const DEFAULT_OVERRIDE_ROLES = ["admin", "maintain"] as const;

export function parseTeamRef(entry: string, defaultOrg: string): TeamRef {
  const [first, second] = entry.replace(/^@/, "").split("/", 2);
  return second ? { org: first ?? defaultOrg, slug: second } : { org: defaultOrg, slug: first ?? "" };
}

export function formatTeamRef(team: TeamRef): string {
  return `${team.org}/${team.slug}`;
}

/** The GitHub look-ups `decideOverride` needs for this person, and no more. */
export function planAccessLookup(
  actor: string,
  author: string | undefined,
  policy: OverridePolicy,
  defaultOrg: string,
): AccessLookup {
  if (sameLogin(actor, author) || policy.users.some((u) => sameLogin(u, actor))) return { kind: "none" };
  if (policy.teams.length) return { kind: "teams", teams: policy.teams.map((t) => parseTeamRef(t, defaultOrg)) };
  if (policy.users.length) return { kind: "none" };
  return { kind: "role" };
}

export interface OverrideQuestion {
  actor: string;
  author: string | undefined;
  policy: OverridePolicy;
  access: ActorAccess;
}

export function decideOverride({ actor, author, policy, access }: OverrideQuestion): OverrideDecision {
  if (sameLogin(actor, author)) return { allowed: false, refusal: { kind: "author" } };
  if (policy.users.some((u) => sameLogin(u, actor))) return { allowed: true, grant: { kind: "user" } };
  const memberships = access.teams ?? [];
  const active = memberships.find((m) => m.state === "active");
  if (policy.teams.length && active) return { allowed: true, grant: { kind: "team", team: active.team } };
  if (policy.teams.length || policy.users.length) {
    return {
      allowed: false,
      refusal: { kind: "not-listed", pending: memberships.filter((m) => m.state === "pending").map((m) => m.team) },
    };
  }
  const role = access.role;
  if (role && (isOverrideRole(role.name) || role.permission === "admin"))
    return { allowed: true, grant: { kind: "role", role: role.name } };
  return { allowed: false, refusal: { kind: "role", role: role?.name ?? "none" } };
}

function isOverrideRole(name: string): boolean {
  return (DEFAULT_OVERRIDE_ROLES as readonly string[]).includes(name.toLowerCase());
}

/** GitHub logins are case-insensitive. */
export function sameLogin(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(/^@/, "").toLowerCase() === b.replace(/^@/, "").toLowerCase();
}
