import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { applyFloor, enforceFloor, parseFloor } from "../../src/config/org-floor.js";
import { parseConfig } from "../../src/config/parse-config.js";
import { listSetPaths } from "../../src/config/setting-paths.js";

const ORG = "octo/.github/.github/single-patch-order.yml";
const REPO = "octo/shop/.github/single-patch-order.yml@main";

function floored(repoRaw: Record<string, unknown>, floorRaw: Record<string, unknown>) {
  return applyFloor(parseConfig(repoRaw, REPO), listSetPaths(repoRaw), parseFloor(floorRaw, ORG)!);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("parseFloor", () => {
  it("validates the floor with the config schema, naming floor. key paths", () => {
    const error = catchError(() =>
      parseFloor({ scope: { maxFiles: "ten" }, rules: { "single-scop": "error" }, _extends: "x", floor: {} }, ORG),
    ) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.source).toBe(ORG);
    expect([...error.problems].sort()).toEqual([
      expect.stringMatching(/^floor\.rules: unknown key "single-scop"; rule ids are base-branch, /),
      expect.stringMatching(/^floor\.scope\.maxFiles: /),
      expect.stringMatching(/^floor: unknown keys "_extends", "floor"$/),
    ]);
  });

  it("refuses a floor that is not a mapping, and has none when the key is empty", () => {
    expect(() => parseFloor(["scope"], ORG)).toThrow(/floor: expected a mapping of settings/);
    expect(parseFloor(undefined, ORG)).toBeUndefined();
    expect(parseFloor(null, ORG)).toBeUndefined();
  });

  it("keeps only the settings the floor sets as minimums", () => {
    expect(parseFloor({ scope: { maxFiles: 20 }, rules: { "linked-ticket": "error" } }, ORG)!.paths).toEqual([
      "rules.linked-ticket",
      "scope.maxFiles",
    ]);
  });
});

describe("applyFloor", () => {
  it("lets a repository be stricter than the floor: its own limit applies", () => {
    const { config, violations } = floored({ scope: { maxFiles: 5 } }, { scope: { maxFiles: 20 } });
    expect(violations).toEqual([]);
    expect(config.scope.maxFiles).toBe(5);
  });

  it("applies the floor where the repository sets nothing and the floor is stricter than the default", () => {
    const { config } = floored(
      {},
      { scope: { maxFiles: 10, maxLines: 1000, maxCommits: 3 }, ticket: { verify: true } },
    );
    expect(config.scope).toMatchObject({ maxFiles: 10, maxLines: 400, maxCommits: 3 });
    expect(config.ticket.verify).toBe(true);
  });

  it("applies the floor's value for a setting with no order that the repository leaves to the default", () => {
    const { config, violations } = floored({}, { ticket: { patterns: ["\\bOPS-[0-9]+\\b"] } });
    expect(violations).toEqual([]);
    expect(config.ticket.patterns).toEqual(["\\bOPS-[0-9]+\\b"]);
  });

  it("names each repository setting below the floor, and keeps the repository's value to show it", () => {
    const { config, violations } = floored(
      { scope: { maxFiles: 30 }, rules: { "rollback-plan": "off" }, base: { branches: ["main", "develop"] } },
      { scope: { maxFiles: 20 }, rules: { "rollback-plan": "error" }, base: { branches: ["main"] } },
    );
    expect(config.scope.maxFiles).toBe(30);
    expect(violations).toEqual([
      { path: "rules.rollback-plan", value: "off", floor: "error", verdict: "looser" },
      { path: "base.branches", value: ["main", "develop"], floor: ["main"], verdict: "looser" },
      { path: "scope.maxFiles", value: 30, floor: 20, verdict: "looser" },
    ]);
  });

  it("fails closed on a setting with no order that the repository changes", () => {
    const { violations } = floored(
      { ticket: { patterns: ["\\bSHOP-[0-9]+\\b"] } },
      { ticket: { patterns: ["\\bOPS-[0-9]+\\b"] } },
    );
    expect(violations).toEqual([
      { path: "ticket.patterns", value: ["\\bSHOP-[0-9]+\\b"], floor: ["\\bOPS-[0-9]+\\b"], verdict: "changed" },
    ]);
  });

  it("holds forward ports to the floor: a mode and a deadline, compared by their order and length", () => {
    const floor = { forwardPort: { mode: "after", within: "2d" } };
    expect(floored({}, floor).config.forwardPort).toMatchObject({ mode: "after", within: "2d" });
    const stricter = floored({ forwardPort: { mode: "upstream-first", within: "24h" } }, floor);
    expect(stricter.violations).toEqual([]);
    expect(stricter.config.forwardPort).toMatchObject({ mode: "upstream-first", within: "24h" });
    // The same length in another unit is the floor itself.
    expect(floored({ forwardPort: { mode: "after", within: "48h" } }, floor).violations).toEqual([]);
    expect(floored({ forwardPort: { mode: "off", within: "7d" } }, floor).violations).toEqual([
      { path: "forwardPort.mode", value: "off", floor: "after", verdict: "looser" },
      { path: "forwardPort.within", value: "7d", floor: "2d", verdict: "looser" },
    ]);
  });

  it("throws a ConfigError from the repository's file naming key, value and floor", () => {
    const raw = { rules: { "linked-ticket": "off" }, scope: { maxCommits: 9 } };
    const floor = parseFloor({ rules: { "linked-ticket": "error" }, scope: { maxCommits: 5 } }, ORG)!;
    expect(() => enforceFloor(parseConfig(raw, REPO), listSetPaths(raw), floor, REPO)).toThrow(
      expect.objectContaining({
        source: REPO,
        problems: [
          `rules.linked-ticket: off is looser than the org floor error (floor.rules.linked-ticket in ${ORG})`,
          `scope.maxCommits: 9 is looser than the org floor 5 (floor.scope.maxCommits in ${ORG})`,
        ],
      }),
    );
  });
});
