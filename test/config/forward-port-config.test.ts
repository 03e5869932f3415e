import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { DEFAULT_CONFIG, parseConfigText } from "../../src/config/parse-config.js";
import { parseDuration } from "../../src/config/parse-duration.js";

const SOURCE = "octo/shop/.github/single-patch-order.yml@main";

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("forwardPort in the config", () => {
  it("is off by default, from release branches to the default branch within 72 hours", () => {
    expect(DEFAULT_CONFIG.forwardPort).toEqual({ mode: "off", from: ["release/**"], within: "72h" });
    expect(DEFAULT_CONFIG.rules["forward-port"]).toBeUndefined();
  });

  it("reads every key", () => {
    const config = parseConfigText(
      "forwardPort:\n  mode: after\n  from: [release/**, support/*]\n  target: develop\n  within: 3d\nrules:\n  forward-port: warn\n",
      SOURCE,
    );
    expect(config.forwardPort).toEqual({
      mode: "after",
      from: ["release/**", "support/*"],
      target: "develop",
      within: "3d",
    });
    expect(config.rules["forward-port"]).toBe("warn");
  });

  it.each([
    [
      "forwardPort:\n  mode: later\n",
      'forwardPort.mode: Invalid option: expected one of "off"|"after"|"upstream-first"',
    ],
    [
      "forwardPort:\n  within: 3 days\n",
      'forwardPort.within: expected a duration of minutes, hours or days such as "30m", "72h" or "7d" (at most 365d), got "3 days"',
    ],
    [
      "forwardPort:\n  within: 0h\n",
      'forwardPort.within: expected a duration of minutes, hours or days such as "30m", "72h" or "7d" (at most 365d), got "0h"',
    ],
    [
      "forwardPort:\n  within: 2w\n",
      'forwardPort.within: expected a duration of minutes, hours or days such as "30m", "72h" or "7d" (at most 365d), got "2w"',
    ],
    ["forwardPort:\n  within: 72\n", "forwardPort.within: Invalid input: expected string, received number"],
    [
      "forwardPort:\n  target: release/**\n",
      "forwardPort.target: expected a branch name, not a glob or a path with spaces",
    ],
    [
      "forwardPort:\n  target: my branch\n",
      "forwardPort.target: expected a branch name, not a glob or a path with spaces",
    ],
    ["forwardPort:\n  from: ['release/!(old)']\n", expect.stringMatching(/^forwardPort\.from\.0: /)],
    ["forwardPort:\n  to: main\n", 'forwardPort: unknown key "to"'],
  ])("refuses %j, naming the key", (text, problem) => {
    expect(problemsOf(text)).toEqual([problem]);
  });
});

describe("parseDuration", () => {
  it.each([
    ["30m", 30 * 60_000],
    ["72h", 72 * 3_600_000],
    ["7d", 7 * 86_400_000],
    ["365d", 365 * 86_400_000],
  ])("reads %s", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "72", "h", "1.5h", "-1h", "+1h", " 1h", "1H", "366d", "0m", "1w", "1h30m"])("refuses %j", (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});
