import { describe, expect, it } from "vitest";
import type { ConfigLayer } from "../../src/config/config-layer.js";
import { evaluateProposedConfig, mergeLayers } from "../../src/config/evaluate-proposed-config.js";
import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { parseFloor } from "../../src/config/org-floor.js";
import { resolveExtends } from "../../src/config/resolve-extends.js";

const SOURCE = "octo/shop/.github/single-patch-order.yml@abc1234";
const context = { owner: "octo", isOrgFile: false, source: SOURCE, chain: [] as ConfigLayer[] };

describe("evaluateProposedConfig", () => {
  it("takes an empty file as the defaults", () => {
    expect(evaluateProposedConfig("", context)).toEqual({ config: DEFAULT_CONFIG, violations: [] });
  });

  it("gathers every problem of the file in one error: settings, floor and _extends", () => {
    expect(() =>
      evaluateProposedConfig("_extends: 'not a/valid/value'\nfloor: {}\nscope:\n  maxFiles: 0\n", context),
    ).toThrow(
      expect.objectContaining({
        source: SOURCE,
        problems: [
          expect.stringMatching(/^scope\.maxFiles: /),
          expect.stringMatching(/^floor: only the octo\/\.github repository's/),
          '_extends: expected repo, owner/repo or owner/repo:path.yml, got "not a/valid/value"',
        ],
      }),
    );
  });

  it("refuses a file that is not a mapping, and YAML it cannot read", () => {
    expect(() => evaluateProposedConfig("- a\n- b\n", context)).toThrow(/expected a mapping of keys/);
    expect(() => evaluateProposedConfig("scope: [\n", context)).toThrow(/invalid YAML/);
  });

  it("follows _extends only into the chain the default branch already read, never to what the text names", () => {
    const chain: ConfigLayer[] = [
      { owner: "octo", repo: "shop", path: ".github/single-patch-order.yml", config: { scope: { maxFiles: 4 } } },
      { owner: "octo", repo: "policies", path: ".github/single-patch-order.yml", config: { scope: { maxLines: 99 } } },
    ];
    const followed = evaluateProposedConfig("_extends: policies\n", { ...context, chain });
    expect(followed.config.scope.maxLines).toBe(99);
    expect(followed.extends).toEqual({ value: "policies", followed: true });
    const elsewhere = evaluateProposedConfig("_extends: mallory/policies\n", { ...context, chain });
    expect(elsewhere.config.scope.maxLines).toBe(400);
    expect(elsewhere.extends).toEqual({ value: "mallory/policies", followed: false });
    // chain[0] is the repository's own file: a file cannot inherit from itself.
    expect(evaluateProposedConfig("_extends: shop\n", { ...context, chain }).extends?.followed).toBe(false);
  });

  it("puts the floor under it: unset settings take a stricter floor, set ones below it are violations", () => {
    const floor = parseFloor(
      { scope: { maxFiles: 10, maxCommits: 2 } },
      "octo/.github/.github/single-patch-order.yml",
    )!;
    const proposed = evaluateProposedConfig("scope:\n  maxFiles: 12\n", { ...context, floor });
    expect(proposed.config.scope.maxCommits).toBe(2);
    expect(proposed.violations).toEqual([{ path: "scope.maxFiles", value: 12, floor: 10, verdict: "looser" }]);
  });

  it("reads the org file's own floor, and holds the org file's settings to it", () => {
    const proposed = evaluateProposedConfig("scope:\n  maxLines: 900\nfloor:\n  scope:\n    maxLines: 500\n", {
      ...context,
      isOrgFile: true,
    });
    expect(proposed.floor?.paths).toEqual(["scope.maxLines"]);
    expect(proposed.violations).toEqual([{ path: "scope.maxLines", value: 900, floor: 500, verdict: "looser" }]);
  });
});

describe("resolveExtends and mergeLayers", () => {
  it.each([
    ["policies", { owner: "octo", repo: "policies", path: ".github/single-patch-order.yml" }],
    ["other/policies", { owner: "other", repo: "policies", path: ".github/single-patch-order.yml" }],
    ["other/policies:base/spo.yaml", { owner: "other", repo: "policies", path: "base/spo.yaml" }],
    ["a/b/c", undefined],
    [42, undefined],
  ])("resolves %j like Probot", (value, expected) => {
    expect(resolveExtends(value, "octo")).toEqual(expected);
  });

  it("merges maps key by key and lets a nearer list replace an inherited one", () => {
    expect(
      mergeLayers([
        { hotfix: { labels: ["urgent"] } },
        { hotfix: { labels: ["hotfix", "sev1"], branches: ["fix/**"] }, scope: { maxFiles: 5 } },
      ]),
    ).toEqual({ hotfix: { labels: ["urgent"], branches: ["fix/**"] }, scope: { maxFiles: 5 } });
  });
});
