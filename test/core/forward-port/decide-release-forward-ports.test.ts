import { describe, expect, it } from "vitest";
import {
  decideReleaseForwardPorts,
  type ReleaseObligation,
} from "../../../src/core/forward-port/decide-release-forward-ports.js";
import { SHA } from "../../../support/build-twin-facts.js";

const HOUR = 3_600_000;
const options = { withinMs: 72 * HOUR, now: new Date("2026-11-30T12:00:00Z") };
const since = "2026-11-01T00:00:00Z";

const obligation = (number: number, mergedAt: string, twin?: number): ReleaseObligation => ({
  number,
  title: `SHOP-${number}: fix`,
  baseBranch: "release/1.4",
  mergedAt,
  verdict: twin
    ? {
        match: { method: "ticket", twin: { kind: "pull", sha: SHA.twinMerge, number: twin }, evidence: "." },
        searched: [],
      }
    : { searched: [] },
});

describe("decideReleaseForwardPorts", () => {
  it("passes when no hotfix was merged into a forward-port branch", () => {
    expect(decideReleaseForwardPorts({ since, obligations: [], limits: [] }, "main", options)).toEqual({
      twinPulls: [],
      result: {
        id: "forward-ports",
        verdict: "pass",
        message: "No hotfix was merged into a forward-port branch since 2026-11-01 00:00 UTC.",
      },
    });
  });

  it("passes when every hotfix has its twin in the release, and hands the twins over as not hotfixes", () => {
    const decided = decideReleaseForwardPorts(
      { since, obligations: [obligation(12, "2026-11-10T00:00:00Z", 57)], limits: [] },
      "main",
      options,
    );
    expect(decided).toEqual({
      twinPulls: [57],
      result: {
        id: "forward-ports",
        verdict: "pass",
        message:
          "The hotfix merged into a forward-port branch since 2026-11-01 00:00 UTC has its twin in this release: #12 → #57 (ticket).",
      },
    });
  });

  it("fails past the deadline, naming each hotfix without its twin", () => {
    const decided = decideReleaseForwardPorts(
      {
        since,
        obligations: [
          obligation(12, "2026-11-10T00:00:00Z"),
          obligation(13, "2026-11-30T00:00:00Z"),
          obligation(14, "2026-11-11T00:00:00Z", 60),
        ],
        limits: [],
      },
      "main",
      options,
    );
    expect(decided.twinPulls).toEqual([60]);
    expect(decided.result).toEqual({
      id: "forward-ports",
      verdict: "fail",
      message:
        "A hotfix merged since 2026-11-01 00:00 UTC has no twin in this release, past the deadline: #12 `SHOP-12: fix` (into `release/1.4`, due 2026-11-13 00:00 UTC).",
      fix: "Forward-port each into `main` (the `single-patch-order/forward-port` check on its merge commit has the `git cherry-pick -x` command), then publish the release from a commit that contains the twins.",
    });
  });

  it("warns for a hotfix whose deadline has not passed", () => {
    const decided = decideReleaseForwardPorts(
      { since, obligations: [obligation(13, "2026-11-30T00:00:00Z")], limits: [] },
      "main",
      options,
    );
    expect(decided.result).toMatchObject({
      verdict: "warn",
      message:
        "A hotfix merged since 2026-11-01 00:00 UTC is not in this release yet, within the deadline: #13 `SHOP-13: fix` (into `release/1.4`, due 2026-12-03 00:00 UTC).",
    });
  });

  it("fails closed when the hotfixes could not all be read", () => {
    const decided = decideReleaseForwardPorts(
      { since, obligations: [], limits: ["more than 1000 pull requests were updated since then"] },
      "main",
      options,
    );
    expect(decided.result).toMatchObject({
      verdict: "fail",
      message:
        "The hotfixes merged into the forward-port branches since 2026-11-01 00:00 UTC could not all be read (more than 1000 pull requests were updated since then), so this release cannot be shown to carry their fixes.",
    });
  });
});
