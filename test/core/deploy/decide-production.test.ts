import { describe, expect, it } from "vitest";
import { decideProduction, type CanaryDeploymentFact } from "../../../src/core/deploy/decide-production.js";
import { decideUnconfigured, findEnvironmentKind } from "../../../src/core/deploy/deployment-decision.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const at = (time: string) => new Date(`2026-11-21T${time}:00Z`);
const DEPLOYER = "github-actions[bot]";
const deployment = (id: number, ...statuses: Array<[string, string]>): CanaryDeploymentFact => ({
  id,
  environment: "canary",
  creator: DEPLOYER,
  statuses: statuses.map(([state, time]) => ({ state, createdAt: at(time), creator: DEPLOYER })),
});
const TRUST = { creators: [DEPLOYER], appId: 42 };
const decide = (deployments: CanaryDeploymentFact[], now: string, bake = 30) =>
  decideProduction({ sha: SHA, canaryDeployments: deployments }, { bakeMinutes: bake, trust: TRUST }, at(now));

describe("decideProduction", () => {
  it("rejects before the bake time, with when it will be ready", () => {
    const decision = decide([deployment(7, ["in_progress", "11:00"], ["success", "11:45"])], "12:00");
    expect(decision).toEqual({
      allowed: false,
      readyAt: at("12:15"),
      reason:
        "Canary of ec26c3e is still baking: deployment 7 to canary succeeded at 2026-11-21T11:45:00Z and must bake 30 minutes, until 2026-11-21T12:15:00Z (15 minutes left).",
    });
  });

  it("approves once the canary has baked", () => {
    const decision = decide([deployment(7, ["success", "11:30"])], "12:00");
    expect(decision).toEqual({
      allowed: true,
      reason:
        "Canary of ec26c3e baked 30 minutes with no failure since: deployment 7 to canary succeeded at 2026-11-21T11:30:00Z.",
    });
  });

  it("rejects after a failed canary, even when an earlier one succeeded", () => {
    const decision = decide([deployment(7, ["success", "10:00"]), deployment(8, ["failure", "11:00"])], "12:00");
    expect(decision.allowed).toBe(false);
    expect(decision.readyAt).toBeUndefined();
    expect(decision.reason).toBe(
      "The canary deployment of ec26c3e failed (failure at 2026-11-21T11:00:00Z, deployment 8 to canary). Production needs a healthy canary: fix it and deploy to canary again.",
    );
  });

  it("rejects a canary whose latest status is an error", () => {
    expect(decide([deployment(7, ["success", "10:00"], ["error", "10:30"])], "12:00").reason).toMatch(
      /^The canary deployment of ec26c3e failed \(error at/,
    );
  });

  it("bakes from the first success after the last failure", () => {
    const decision = decide([deployment(7, ["failure", "10:00"]), deployment(8, ["success", "11:50"])], "12:00");
    expect(decision.readyAt).toEqual(at("12:20"));
  });

  it("rejects a commit never deployed to canary", () => {
    expect(decide([], "12:00")).toEqual({
      allowed: false,
      reason:
        "ec26c3e has not been deployed to canary. Deploy it to canary first; production follows after 30 minutes of healthy canary.",
    });
  });

  it("rejects a canary deployment that is still in progress or was replaced", () => {
    expect(
      decide(
        [deployment(7, ["in_progress", "11:00"]), deployment(9, ["success", "10:00"], ["inactive", "11:00"])],
        "12:00",
      ).reason,
    ).toBe(
      "ec26c3e has no successful canary deployment yet (deployment 7: in_progress, deployment 9: inactive). Production follows after 30 minutes of healthy canary.",
    );
  });

  it("ignores a canary deployment and success created by someone not trusted, and says whom it trusts", () => {
    const forged: CanaryDeploymentFact = {
      id: 66,
      environment: "canary",
      creator: "mallory",
      statuses: [{ state: "success", createdAt: at("10:00"), creator: "mallory" }],
    };
    expect(decide([forged], "12:00")).toEqual({
      allowed: false,
      reason:
        "ec26c3e has no successful canary deployment from a trusted creator yet. Ignored because no trusted creator made them: deployment 66 (created by mallory). Trusted (deploy.trustedCreators): github-actions[bot] and this App. Production follows after 30 minutes of healthy canary.",
    });
  });

  it("ignores a success status posted by someone not trusted on a trusted deployment", () => {
    const deployed = deployment(7, ["in_progress", "10:00"]);
    deployed.statuses.push({ state: "success", createdAt: at("10:05"), creator: "Mallory" });
    const decision = decide([deployed], "12:00");
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toBe(
      "ec26c3e has no successful canary deployment from a trusted creator yet (deployment 7: in_progress). Ignored because no trusted creator made them: the success status of deployment 7 (created by Mallory). Trusted (deploy.trustedCreators): github-actions[bot] and this App. Production follows after 30 minutes of healthy canary.",
    );
  });

  it("trusts creators without case and whatever this App made itself", () => {
    const byApp: CanaryDeploymentFact = {
      id: 8,
      environment: "canary",
      viaAppId: 42,
      statuses: [{ state: "success", createdAt: at("11:00"), creator: "GitHub-Actions[bot]" }],
    };
    expect(decide([byApp], "12:00").allowed).toBe(true);
  });

  it("counts a failure from anyone, after a trusted success", () => {
    const deployed = deployment(7, ["success", "10:00"]);
    deployed.statuses.push({ state: "failure", createdAt: at("10:30"), creator: "mallory" });
    expect(decide([deployed], "12:00").reason).toMatch(/^The canary deployment of ec26c3e failed \(failure at/);
  });

  it("approves at once with bakeMinutes 0", () => {
    expect(decide([deployment(7, ["success", "12:00"])], "12:00", 0).allowed).toBe(true);
  });
});

describe("environments", () => {
  const deploy = { canary: ["canary", "Canary-EU"], production: ["production"] };
  it.each([
    ["canary", "canary"],
    ["canary-eu", "canary"],
    ["PRODUCTION", "production"],
    ["staging", undefined],
  ])("%s is %s (case-insensitive, as GitHub names environments)", (name, kind) => {
    expect(findEnvironmentKind(name, deploy)).toBe(kind);
  });

  it("rejects an environment in neither list, saying how to fix it", () => {
    expect(decideUnconfigured("staging", deploy)).toEqual({
      allowed: false,
      reason:
        'Environment "staging" is in neither deploy.canary (canary, Canary-EU) nor deploy.production (production) of .github/single-patch-order.yml. Add it to one of them, or turn this protection rule off for the environment.',
    });
  });
});
