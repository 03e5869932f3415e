import { describe, expect, it } from "vitest";
import { buildForwardPortCommands, shellWord } from "../../../src/core/forward-port/build-forward-port-commands.js";
import { decideForwardPort, type MergedHotfix } from "../../../src/core/forward-port/decide-forward-port.js";
import { formatMoment } from "../../../src/core/forward-port/format-deadline.js";
import { SHA } from "../../../support/build-twin-facts.js";

const HOUR = 3_600_000;
const hotfix: MergedHotfix = {
  number: 12,
  title: "SHOP-42: fix discount total",
  baseBranch: "release/1.4",
  mergedAt: "2026-11-21T12:00:00Z",
  merge: { sha: SHA.hotfixMerge, parents: 1, commits: 1 },
  ticket: "SHOP-42",
};
const options = (now: string) => ({ within: "72h", withinMs: 72 * HOUR, now: new Date(now) });
const nothing = { searched: [{ method: "ticket" as const, looked: "None." }] };

describe("decideForwardPort", () => {
  it("is ported once a twin is found", () => {
    const match = {
      method: "ticket" as const,
      twin: { kind: "pull" as const, sha: SHA.twinMerge, number: 57 },
      evidence: "#57 names SHOP-42.",
    };
    expect(decideForwardPort(hotfix, "main", { match, searched: [] }, [], options("2026-11-30T00:00:00Z"))).toEqual({
      status: "ported",
      hotfix,
      target: "main",
      match,
      limits: [],
    });
  });

  it("is missing until the twin is merged, with the deadline `within` after the merge", () => {
    const decision = decideForwardPort(hotfix, "main", nothing, [], options("2026-11-24T11:59:00Z"));
    expect(decision).toMatchObject({ status: "missing", overdue: false, within: "72h", searched: nothing.searched });
    if (decision.status !== "missing") throw new Error("missing expected");
    expect(formatMoment(decision.deadline)).toBe("2026-11-24 12:00 UTC");
  });

  it("is overdue from the deadline on", () => {
    expect(decideForwardPort(hotfix, "main", nothing, [], options("2026-11-24T12:00:00Z"))).toMatchObject({
      status: "missing",
      overdue: true,
    });
  });
});

describe("buildForwardPortCommands", () => {
  it("picks a squash (or single) commit as it is", () => {
    expect(buildForwardPortCommands(12, "main", { sha: SHA.hotfixMerge, parents: 1, commits: 1 })).toEqual([
      "git fetch origin",
      "git switch --create forward-port/12-to-main origin/main",
      `git cherry-pick -x ${SHA.hotfixMerge}`,
      "git push --set-upstream origin forward-port/12-to-main",
    ]);
  });

  it("picks a merge commit against its first parent", () => {
    expect(buildForwardPortCommands(12, "main", { sha: SHA.hotfixMerge, parents: 2, commits: 1 })[2]).toBe(
      `git cherry-pick -x -m 1 ${SHA.hotfixMerge}`,
    );
  });

  it("picks the range of a rebase merge", () => {
    expect(buildForwardPortCommands(12, "main", { sha: SHA.hotfixMerge, parents: 1, commits: 3 })[2]).toBe(
      `git cherry-pick -x ${SHA.hotfixMerge}~3..${SHA.hotfixMerge}`,
    );
  });

  it("quotes a branch name the shell would read otherwise", () => {
    expect(shellWord("main")).toBe("main");
    expect(shellWord("release/1.4")).toBe("release/1.4");
    expect(shellWord("it's;rm -rf")).toBe(`'it'\\''s;rm -rf'`);
    expect(buildForwardPortCommands(12, "dev$(id)", { sha: SHA.hotfixMerge, parents: 1, commits: 1 })[1]).toBe(
      "git switch --create 'forward-port/12-to-dev$(id)' 'origin/dev$(id)'",
    );
  });
});
