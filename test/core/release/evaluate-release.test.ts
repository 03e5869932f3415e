import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import { evaluateRelease } from "../../../src/core/release/evaluate-release.js";
import type { ReleaseFacts, ReleasePull } from "../../../src/core/release/release-facts.js";

const hotfix = (number: number): ReleasePull => ({
  number,
  title: `SHOP-${number}: fix`,
  headBranch: `hotfix/SHOP-${number}`,
  labels: [],
});
const feature = (number: number): ReleasePull => ({
  number,
  title: `Feature ${number}`,
  headBranch: `feature/${number}`,
  labels: [],
});

function facts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  const pulls = overrides.pulls ?? [hotfix(12)];
  return {
    tag: "v1.4.3",
    target: "main",
    previous: { tag: "v1.4.2", version: "1.4.2", sha: "a".repeat(40) },
    commits: { total: pulls.length, listed: pulls.length },
    directCommits: [],
    ...overrides,
    pulls,
  };
}

const verdicts = (report: ReturnType<typeof evaluateRelease>) =>
  Object.fromEntries(report.results.map((r) => [r.id, r.verdict]));

describe("evaluateRelease", () => {
  it("passes v1.4.2 → v1.4.3 with one hotfix PR", () => {
    const report = evaluateRelease(facts(), DEFAULT_CONFIG);
    expect(report.verdict).toBe("pass");
    expect(report.hotfix).toEqual({ hotfix: true, reason: "it carries the hotfix pull request #12" });
    expect(verdicts(report)).toEqual({
      "semver-tag": "pass",
      "patch-bump": "pass",
      "single-hotfix": "pass",
      "direct-commits": "pass",
    });
    expect(report.results[2]!.message).toBe("Carries exactly one hotfix pull request since `v1.4.2`: #12.");
  });

  it("fails v1.4.2 → v1.5.0 when it carries a hotfix, naming the expected version", () => {
    const report = evaluateRelease(facts({ tag: "v1.5.0" }), DEFAULT_CONFIG);
    expect(report.verdict).toBe("fail");
    expect(report.results.find((r) => r.id === "patch-bump")).toMatchObject({
      verdict: "fail",
      message: "`1.5.0` is not a patch bump of the previous release `1.4.2` (expected `1.4.3`).",
      fix: expect.stringContaining("`v1.4.3`"),
    });
  });

  it("judges a release cut from a hotfix branch as a hotfix even without hotfix PRs, and fails it", () => {
    const report = evaluateRelease(facts({ target: "hotfix/SHOP-12", pulls: [] }), DEFAULT_CONFIG);
    expect(report.hotfix.reason).toBe("its target `hotfix/SHOP-12` is a hotfix branch");
    expect(verdicts(report)["single-hotfix"]).toBe("fail");
  });

  it("fails a release with two hotfix PRs", () => {
    const report = evaluateRelease(facts({ pulls: [hotfix(12), hotfix(13)] }), DEFAULT_CONFIG);
    expect(report.results.find((r) => r.id === "single-hotfix")).toMatchObject({
      verdict: "fail",
      message: "Carries 2 hotfix pull requests since `v1.4.2` (#12, #13): one patch per release.",
    });
  });

  it("fails a tag that is not semver with a clear message and judges nothing else", () => {
    const report = evaluateRelease(facts({ tag: "release-7" }), DEFAULT_CONFIG);
    expect(report.verdict).toBe("fail");
    expect(report.results[0]).toMatchObject({
      id: "semver-tag",
      verdict: "fail",
      message: "The tag `release-7` is not a semantic version (MAJOR.MINOR.PATCH, e.g. `v1.4.3`).",
    });
    expect(verdicts(report)).toEqual({
      "semver-tag": "fail",
      "patch-bump": "skip",
      "single-hotfix": "skip",
      "direct-commits": "skip",
    });
  });

  it("passes a minor release from main with no hotfix PR, with a note", () => {
    const report = evaluateRelease(facts({ tag: "v1.5.0", pulls: [feature(20), feature(21)] }), DEFAULT_CONFIG);
    expect(report.verdict).toBe("pass");
    expect(report.hotfix).toEqual({
      hotfix: false,
      reason: "its target `main` is not a hotfix branch and none of its 2 pull requests is a hotfix",
    });
    expect(report.results[1]!.message).toMatch(/^Not a hotfix release, so no patch rule applies/);
    expect(report.otherPulls.map((p) => p.number)).toEqual([20, 21]);
  });

  it("counts a PR with the hotfix label as a hotfix", () => {
    const labelled = { ...feature(30), labels: ["hotfix"] };
    expect(evaluateRelease(facts({ tag: "v1.5.0", pulls: [labelled] }), DEFAULT_CONFIG).verdict).toBe("fail");
  });

  it("warns when a hotfix release also carries other PRs", () => {
    const report = evaluateRelease(facts({ pulls: [hotfix(12), feature(14)] }), DEFAULT_CONFIG);
    expect(report.verdict).toBe("warn");
    expect(report.results.at(-1)).toMatchObject({
      id: "hotfix-only",
      verdict: "warn",
      message: "Also carries 1 pull request that is not a hotfix (#14) since `v1.4.2`.",
    });
  });

  it("fails a hotfix release that also carries a direct commit, naming it and the PR it claims", () => {
    const report = evaluateRelease(
      facts({
        directCommits: [
          { sha: "abc1234", subject: "Tweak prices" },
          { sha: "def5678", subject: "Fix (#12)", claimed: 12 },
        ],
      }),
      DEFAULT_CONFIG,
    );
    expect(report.verdict).toBe("fail");
    expect(report.results.find((r) => r.id === "direct-commits")).toEqual({
      id: "direct-commits",
      verdict: "fail",
      message:
        "Carries 2 direct commits since `v1.4.2` that no pull request accounts for: `abc1234`, `def5678` (names #12). A commit that names a pull request counts as it only when it is that PR's merge commit or one of its commits.",
      fix: expect.stringContaining("bring other changes through pull requests"),
    });
    expect(report.directCommits).toHaveLength(2);
  });

  it("does not judge direct commits in a release that is not a hotfix release", () => {
    const report = evaluateRelease(
      facts({ tag: "v1.5.0", pulls: [feature(20)], directCommits: [{ sha: "abc1234", subject: "Tweak" }] }),
      DEFAULT_CONFIG,
    );
    expect(report.verdict).toBe("pass");
    expect(verdicts(report)["direct-commits"]).toBe("skip");
  });

  it("fails a hotfix release with no earlier release to be a patch of", () => {
    const report = evaluateRelease(facts({ target: "hotfix/x", previous: undefined, pulls: [] }), DEFAULT_CONFIG);
    expect(verdicts(report)["patch-bump"]).toBe("fail");
  });

  it("fails a hotfix release whose commits could not all be read", () => {
    const report = evaluateRelease(facts({ commits: { total: 400, listed: 300 } }), DEFAULT_CONFIG);
    expect(report.results.find((r) => r.id === "single-hotfix")?.message).toBe(
      "Only 300 of the 400 commits since `v1.4.2` could be read, so the release cannot be shown to carry a single hotfix.",
    );
  });

  it("passes a release candidate of the patch", () => {
    expect(evaluateRelease(facts({ tag: "v1.4.3-rc.1" }), DEFAULT_CONFIG).verdict).toBe("pass");
  });
});
