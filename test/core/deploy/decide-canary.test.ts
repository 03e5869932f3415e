import { describe, expect, it } from "vitest";
import {
  decideCanary,
  isCanaryCandidate,
  type CandidatePull,
  type CanaryFacts,
} from "../../../src/core/deploy/decide-canary.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const passed = { status: "completed", conclusion: "success" };
const failed = { status: "completed", conclusion: "failure" };
const pull = (overrides: Partial<CandidatePull> = {}): CandidatePull => ({
  number: 12,
  title: "SHOP-42: fix",
  role: "head",
  hotfix: true,
  gate: passed,
  ...overrides,
});
const facts = (overrides: Partial<CanaryFacts> = {}): CanaryFacts => ({ sha: SHA, pulls: [pull()], ...overrides });

describe("decideCanary", () => {
  it.each<[string, CanaryFacts, boolean, string]>([
    [
      "the head of a hotfix whose gate passed",
      facts(),
      true,
      "ec26c3e is the head commit of hotfix #12, whose own single-patch-order verdict passes.",
    ],
    [
      "the merge commit of a hotfix whose gate passed",
      facts({ pulls: [pull({ role: "merge" })] }),
      true,
      "ec26c3e is the merge commit of hotfix #12, whose own single-patch-order verdict passes.",
    ],
    [
      "a hotfix assessed just now that fails, with its title",
      facts({ pulls: [pull({ gate: { ...failed, title: "1 rule fails: no rollback plan" } })] }),
      false,
      "ec26c3e may not go to canary: hotfix #12 (head commit): its single-patch-order verdict is failure (1 rule fails: no rollback plan).",
    ],
    [
      "a failing hotfix, even when the commit's release check passed",
      facts({ pulls: [pull({ gate: failed })], releaseCheck: passed }),
      false,
      "ec26c3e may not go to canary: hotfix #12 (head commit): the single-patch-order check concluded failure.",
    ],
    [
      "a release whose release check passed",
      facts({ pulls: [], releaseCheck: passed }),
      true,
      "ec26c3e is a release commit whose single-patch-order/release check passed.",
    ],
    [
      "a hotfix whose gate failed",
      facts({ pulls: [pull({ gate: failed })] }),
      false,
      "ec26c3e may not go to canary: hotfix #12 (head commit): the single-patch-order check concluded failure. Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.",
    ],
    [
      "a hotfix whose gate is still running",
      facts({ pulls: [pull({ gate: { status: "in_progress", conclusion: null } })] }),
      false,
      "ec26c3e may not go to canary: hotfix #12 (head commit): the single-patch-order check is still in_progress.",
    ],
    [
      "a hotfix with no gate check",
      facts({ pulls: [pull({ gate: undefined })] }),
      false,
      "ec26c3e may not go to canary: hotfix #12 (head commit): no single-patch-order check yet.",
    ],
    [
      "a release whose release check failed",
      facts({ pulls: [], releaseCheck: failed }),
      false,
      "ec26c3e may not go to canary: release: the single-patch-order/release check concluded failure.",
    ],
    [
      "a commit of a PR that is not a hotfix",
      facts({ pulls: [pull({ hotfix: false, gate: undefined })] }),
      false,
      "ec26c3e belongs to #12, which is not a hotfix.",
    ],
    [
      "a commit of no PR and no release",
      facts({ pulls: [] }),
      false,
      "ec26c3e is not the head or merge commit of any pull request and has no single-patch-order/release check.",
    ],
  ])("%s", (_name, input, allowed, reason) => {
    const decision = decideCanary(input);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason.startsWith(reason)).toBe(true);
    expect(decision.readyAt).toBeUndefined();
  });

  it("rejects when one hotfix of the commit fails although another passes: the strictest verdict holds", () => {
    const decision = decideCanary(facts({ pulls: [pull({ number: 1, gate: failed }), pull({ number: 2 })] }));
    expect(decision).toEqual({
      allowed: false,
      reason:
        "ec26c3e may not go to canary: hotfix #1 (head commit): the single-patch-order check concluded failure. Fix the change until its check passes (or override the gate with /spo override <reason>), then deploy again.",
    });
  });

  it("approves when every hotfix of the commit passes, naming each", () => {
    const decision = decideCanary(facts({ pulls: [pull({ number: 1 }), pull({ number: 2, role: "merge" })] }));
    expect(decision.reason).toBe(
      "ec26c3e is the head commit of hotfix #1 and the merge commit of hotfix #2, whose own single-patch-order verdicts pass.",
    );
  });

  it("lets a PR that is not a hotfix count for nothing, passing or not", () => {
    const decision = decideCanary(
      facts({ pulls: [pull({ number: 1, gate: failed }), pull({ number: 2, hotfix: false, gate: passed })] }),
    );
    expect(decision.allowed).toBe(false);
  });

  it("speaks for hotfix and release commits only", () => {
    expect(isCanaryCandidate(facts())).toBe(true);
    expect(isCanaryCandidate(facts({ pulls: [], releaseCheck: failed }))).toBe(true);
    expect(isCanaryCandidate(facts({ pulls: [pull({ hotfix: false })] }))).toBe(false);
  });
});
