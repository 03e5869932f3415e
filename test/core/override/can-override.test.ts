import { describe, expect, it } from "vitest";
import {
  decideOverride,
  parseTeamRef,
  planAccessLookup,
  type ActorAccess,
  type OverrideDecision,
  type OverridePolicy,
} from "../../../src/core/override/can-override.js";

const NO_LISTS: OverridePolicy = { teams: [], users: [] };
const TEAMS: OverridePolicy = { teams: ["sre", "other-org/release"], users: [] };
const USERS: OverridePolicy = { teams: [], users: ["Alice"] };
const BOTH: OverridePolicy = { teams: ["sre"], users: ["alice"] };

const role = (
  name: string,
  permission = name === "maintain" ? "write" : name === "triage" ? "read" : name,
): ActorAccess => ({ role: { name, permission } });
const team = (state: "active" | "pending" | "none", slug = "sre", org = "octo"): ActorAccess => ({
  teams: [{ team: { org, slug }, state }],
});

describe("decideOverride", () => {
  const cases: Array<
    [string, { actor: string; author?: string; policy: OverridePolicy; access: ActorAccess }, OverrideDecision]
  > = [
    [
      "admin, default policy",
      { actor: "bob", policy: NO_LISTS, access: role("admin") },
      { allowed: true, grant: { kind: "role", role: "admin" } },
    ],
    [
      "maintain, default policy",
      { actor: "bob", policy: NO_LISTS, access: role("maintain") },
      { allowed: true, grant: { kind: "role", role: "maintain" } },
    ],
    [
      "write, default policy",
      { actor: "bob", policy: NO_LISTS, access: role("write") },
      { allowed: false, refusal: { kind: "role", role: "write" } },
    ],
    [
      "triage, default policy",
      { actor: "bob", policy: NO_LISTS, access: role("triage") },
      { allowed: false, refusal: { kind: "role", role: "triage" } },
    ],
    [
      "read, default policy",
      { actor: "bob", policy: NO_LISTS, access: role("read") },
      { allowed: false, refusal: { kind: "role", role: "read" } },
    ],
    [
      "no access at all",
      { actor: "bob", policy: NO_LISTS, access: role("none") },
      { allowed: false, refusal: { kind: "role", role: "none" } },
    ],
    [
      "a custom role on the admin base",
      { actor: "bob", policy: NO_LISTS, access: role("security-lead", "admin") },
      { allowed: true, grant: { kind: "role", role: "security-lead" } },
    ],
    [
      "a custom role on the write base",
      { actor: "bob", policy: NO_LISTS, access: role("release-bot", "write") },
      { allowed: false, refusal: { kind: "role", role: "release-bot" } },
    ],
    [
      "role not looked up",
      { actor: "bob", policy: NO_LISTS, access: {} },
      { allowed: false, refusal: { kind: "role", role: "none" } },
    ],
    [
      "admin who authored the PR",
      { actor: "bob", author: "bob", policy: NO_LISTS, access: role("admin") },
      { allowed: false, refusal: { kind: "author" } },
    ],
    [
      "author, logins differ in case",
      { actor: "Bob", author: "bob", policy: USERS, access: {} },
      { allowed: false, refusal: { kind: "author" } },
    ],
    [
      "listed user, case-insensitive",
      { actor: "alice", policy: USERS, access: {} },
      { allowed: true, grant: { kind: "user" } },
    ],
    [
      "listed user who authored the PR",
      { actor: "alice", author: "ALICE", policy: USERS, access: {} },
      { allowed: false, refusal: { kind: "author" } },
    ],
    [
      "unlisted admin when users are set",
      { actor: "bob", policy: USERS, access: role("admin") },
      { allowed: false, refusal: { kind: "not-listed", pending: [] } },
    ],
    [
      "active team member",
      { actor: "bob", policy: TEAMS, access: team("active") },
      { allowed: true, grant: { kind: "team", team: { org: "octo", slug: "sre" } } },
    ],
    [
      "pending team member",
      { actor: "bob", policy: TEAMS, access: team("pending") },
      { allowed: false, refusal: { kind: "not-listed", pending: [{ org: "octo", slug: "sre" }] } },
    ],
    [
      "not a member",
      { actor: "bob", policy: TEAMS, access: team("none") },
      { allowed: false, refusal: { kind: "not-listed", pending: [] } },
    ],
    [
      "admin who is in no listed team",
      { actor: "bob", policy: TEAMS, access: { ...team("none"), ...role("admin") } },
      { allowed: false, refusal: { kind: "not-listed", pending: [] } },
    ],
    [
      "listed user when teams are set too",
      { actor: "alice", policy: BOTH, access: {} },
      { allowed: true, grant: { kind: "user" } },
    ],
    [
      "team member when users are set too",
      { actor: "bob", policy: BOTH, access: team("active") },
      { allowed: true, grant: { kind: "team", team: { org: "octo", slug: "sre" } } },
    ],
  ];

  it.each(cases)("%s", (_name, question, expected) => {
    expect(decideOverride({ author: undefined, ...question })).toStrictEqual(expected);
  });
});

describe("planAccessLookup", () => {
  it.each([
    ["the author: nothing to ask", "bob", "bob", TEAMS, { kind: "none" }],
    ["a listed user: nothing to ask", "alice", "bob", BOTH, { kind: "none" }],
    [
      "teams configured: their memberships",
      "carol",
      "bob",
      TEAMS,
      {
        kind: "teams",
        teams: [
          { org: "octo", slug: "sre" },
          { org: "other-org", slug: "release" },
        ],
      },
    ],
    ["only users configured: nothing to ask", "carol", "bob", USERS, { kind: "none" }],
    ["no lists: the repository role", "carol", "bob", NO_LISTS, { kind: "role" }],
  ] as const)("%s", (_name, actor, author, policy, expected) => {
    expect(planAccessLookup(actor, author, policy, "octo")).toStrictEqual(expected);
  });
});

describe("parseTeamRef", () => {
  it.each([
    ["sre", { org: "octo", slug: "sre" }],
    ["@sre", { org: "octo", slug: "sre" }],
    ["acme/release-managers", { org: "acme", slug: "release-managers" }],
    ["@acme/release-managers", { org: "acme", slug: "release-managers" }],
  ])("%s", (entry, expected) => {
    expect(parseTeamRef(entry, "octo")).toStrictEqual(expected);
  });
});
