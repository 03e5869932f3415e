import { describe, expect, it } from "vitest";
import { findTwin } from "../../../src/core/forward-port/find-twin.js";
import type { TwinCandidate } from "../../../src/core/forward-port/twin-facts.js";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import { buildTwinFacts, SHA } from "../../../support/build-twin-facts.js";

const PATTERNS = DEFAULT_CONFIG.ticket.patterns;

const pull = (overrides: Partial<TwinCandidate> = {}): TwinCandidate => ({
  kind: "pull",
  number: 57,
  sha: SHA.twinMerge,
  title: "Forward-port the discount fix",
  body: "",
  headBranch: "forward-port/12-to-main",
  mergedAt: "2026-11-22T09:00:00Z",
  ...overrides,
});

describe("findTwin", () => {
  it("finds a commit of the target that says it was cherry-picked from the hotfix's commit", () => {
    const facts = buildTwinFacts({
      targetCommits: [
        { sha: SHA.other, message: "Unrelated" },
        { sha: SHA.twinCommit, message: `Fix discount total\n\n(cherry picked from commit ${SHA.hotfixCommit})` },
      ],
    });
    expect(findTwin(facts, PATTERNS)).toEqual({
      match: {
        method: "cherry-pick trailer",
        twin: { kind: "commit", sha: SHA.twinCommit },
        evidence: "Commit `b1b1b1b` on `main` says `(cherry picked from commit a1a1a1a…)`, a commit of this hotfix.",
      },
      searched: [],
    });
  });

  it("finds `git cherry-pick -x -m 1 <merge>` by the hotfix's merge commit, and names the pull request it came in", () => {
    const facts = buildTwinFacts({
      targetCommits: [
        {
          sha: SHA.twinCommit,
          message: `Forward-port\n\n(cherry picked from commit ${SHA.hotfixMerge})`,
          pull: { number: 57, title: "Forward-port #12" },
        },
      ],
    });
    expect(findTwin(facts, PATTERNS).match?.twin).toEqual({
      kind: "pull",
      sha: SHA.twinCommit,
      number: 57,
      title: "Forward-port #12",
    });
  });

  it("finds a backport: the hotfix's commit was picked from a commit the target contains", () => {
    const facts = buildTwinFacts({
      hotfix: { commits: [{ sha: SHA.hotfixCommit, message: `Fix\n\n(cherry picked from commit ${SHA.twinCommit})` }] },
      sourcesOnTarget: [
        { sha: SHA.twinCommit, by: SHA.hotfixCommit, patchId: "77".repeat(20), byPatchId: "77".repeat(20) },
      ],
    });
    expect(findTwin(facts, PATTERNS).match).toMatchObject({
      method: "cherry-pick trailer",
      twin: { kind: "commit", sha: SHA.twinCommit },
      evidence:
        "This hotfix's commit `a1a1a1a` was cherry-picked from `b1b1b1b`, which `main` contains (the same patch).",
    });
  });

  it("refuses a trailer the hotfix's author wrote to name any commit of the target: the patches must agree", () => {
    // The attack: a hotfix into release/1.4 whose message claims to be a backport of some commit of main.
    const forged = `Fix\n\n(cherry picked from commit ${SHA.other})`;
    const facts = buildTwinFacts({
      hotfix: { commits: [{ sha: SHA.hotfixCommit, message: forged }] },
      sourcesOnTarget: [{ sha: SHA.other, by: SHA.hotfixCommit, patchId: "77".repeat(20), byPatchId: "88".repeat(20) }],
    });
    const verdict = findTwin(facts, PATTERNS);
    expect(verdict.match).toBeUndefined();
    expect(verdict.searched[0]?.looked).toContain(
      "(it names `c1c1c1c`, without the same patch: a line in the hotfix's own message is no proof on its own)",
    );
    const unread = buildTwinFacts({
      hotfix: { commits: [{ sha: SHA.hotfixCommit, message: forged }] },
      sourcesOnTarget: [{ sha: SHA.other, by: SHA.hotfixCommit }],
    });
    expect(findTwin(unread, PATTERNS).match).toBeUndefined();
  });

  it("does not count a backport whose source the target does not contain", () => {
    const facts = buildTwinFacts({
      hotfix: { commits: [{ sha: SHA.hotfixCommit, message: `Fix\n\n(cherry picked from commit ${SHA.twinCommit})` }] },
    });
    expect(findTwin(facts, PATTERNS).match).toBeUndefined();
  });

  it("finds a pull request merged into the target that names the same ticket", () => {
    const facts = buildTwinFacts({
      candidates: [pull({ number: 50, title: "SHOP-7: other" }), pull({ title: "SHOP-42: forward-port" })],
    });
    expect(findTwin(facts, PATTERNS).match).toEqual({
      method: "ticket",
      twin: { kind: "pull", sha: SHA.twinMerge, number: 57, title: "SHOP-42: forward-port" },
      evidence: "#57 `SHOP-42: forward-port` names the same ticket, `SHOP-42`.",
    });
  });

  it("finds the ticket in the twin's branch or a closing reference, and in a twin that carries two tickets", () => {
    for (const candidate of [
      pull({ headBranch: "forward-port/SHOP-42" }),
      pull({ body: "Fixes SHOP-42" }),
      pull({ title: "Forward-port SHOP-42 and SHOP-43" }),
    ])
      expect(findTwin(buildTwinFacts({ candidates: [candidate] }), PATTERNS).match?.method).toBe("ticket");
  });

  it("looks for no ticket when the hotfix names several or none", () => {
    const candidates = [pull({ title: "SHOP-42: forward-port" })];
    for (const title of ["SHOP-42 and SHOP-43: two fixes", "Fix the discount"]) {
      const verdict = findTwin(
        buildTwinFacts({ hotfix: { title, headBranch: "hotfix/discount" }, candidates }),
        PATTERNS,
      );
      expect(verdict.match).toBeUndefined();
      expect(verdict.searched[1]).toEqual({
        method: "ticket",
        looked: "The hotfix names no single ticket (title, branch or a closing reference), so none was looked for.",
      });
    }
  });

  it("matches a GitHub issue reference of the same repository written two ways", () => {
    const facts = buildTwinFacts({
      hotfix: { title: "Fix discount total (#12)", headBranch: "hotfix/discount", body: "" },
      candidates: [pull({ title: "Forward-port", body: "Fixes octo/shop#12" })],
    });
    expect(findTwin(facts, PATTERNS).match?.method).toBe("ticket");
  });

  it("finds the same patch id, and says what the other methods looked at when none matched", () => {
    const facts = buildTwinFacts({
      hotfix: { title: "Fix the discount", headBranch: "hotfix/discount", patchId: "9f".repeat(20) },
      candidates: [pull({ patchId: "00".repeat(20) }), pull({ number: 58, patchId: "9f".repeat(20) })],
    });
    expect(findTwin(facts, PATTERNS).match).toMatchObject({
      method: "patch id",
      twin: { kind: "pull", number: 58 },
      evidence: "#58 `Forward-port the discount fix` has the same patch id as this hotfix (`9f9f9f9f9f9f`).",
    });
  });

  it("accepts, where git can tell, every commit of the hotfix having its patch on the target (git cherry)", () => {
    const facts = buildTwinFacts({
      hotfix: {
        title: "Fix",
        headBranch: "hotfix/x",
        patchId: "11".repeat(20),
        commitPatchIds: ["22".repeat(20), "33".repeat(20)],
      },
      targetCommitPatchIds: [
        { sha: SHA.twinCommit, patchId: "33".repeat(20) },
        { sha: SHA.other, patchId: "22".repeat(20) },
      ],
    });
    expect(findTwin(facts, PATTERNS).match).toEqual({
      method: "patch id",
      twin: { kind: "commit", sha: SHA.twinCommit },
      evidence: "Every commit of this hotfix has its patch on `main` (as `git cherry` reports): `c1c1c1c`, `b1b1b1b`.",
    });
    const missingOne = buildTwinFacts({
      hotfix: { ...facts.hotfix, commitPatchIds: ["22".repeat(20), "44".repeat(20)] },
      targetCommitPatchIds: facts.targetCommitPatchIds ?? [],
    });
    expect(findTwin(missingOne, PATTERNS).match).toBeUndefined();
  });

  it("tries the methods in order: a trailer wins over a ticket, a ticket over a patch", () => {
    const facts = buildTwinFacts({
      hotfix: { patchId: "9f".repeat(20) },
      targetCommits: [{ sha: SHA.twinCommit, message: `x\n\n(cherry picked from commit ${SHA.hotfixCommit})` }],
      candidates: [pull({ title: "SHOP-42: forward-port", patchId: "9f".repeat(20) })],
    });
    expect(findTwin(facts, PATTERNS).match?.method).toBe("cherry-pick trailer");
    expect(findTwin({ ...facts, targetCommits: [] }, PATTERNS).match?.method).toBe("ticket");
  });

  it("reports what every method looked at when there is no twin", () => {
    const facts = buildTwinFacts({
      targetCommits: [{ sha: SHA.other, message: "Unrelated" }],
      candidates: [pull({ title: "Unrelated", patchId: "00".repeat(20) })],
      hotfix: { patchId: "9f".repeat(20) },
    });
    expect(findTwin(facts, PATTERNS)).toEqual({
      searched: [
        {
          method: "cherry-pick trailer",
          looked:
            "No commit of `main` among the 1 read names this hotfix's commit or its merge commit in a `(cherry picked from commit …)` line, and no commit of the hotfix was picked from one `main` contains.",
        },
        { method: "ticket", looked: "None of the 1 pull requests merged into `main` that were read names `SHOP-42`." },
        {
          method: "patch id",
          looked:
            "None of the 1 pull requests merged into `main` whose patch was compared has this hotfix's patch id (`9f9f9f9f9f9f`).",
        },
      ],
    });
  });

  it("shows a title that tries to break out of its code span as text", () => {
    const facts = buildTwinFacts({ candidates: [pull({ title: "SHOP-42 `<!-- @octo/team` ``x" })] });
    expect(findTwin(facts, PATTERNS).match?.evidence).toBe(
      // The one safe renderer (core/safe-text.ts): a zero-width space breaks `<!--` and the mention.
      "#57 ```SHOP-42 `<\u200B!-- @\u200Bocto/team` ``x``` names the same ticket, `SHOP-42`.",
    );
  });
});
