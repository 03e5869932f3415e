import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import { AUTHOR, REPO, TWO_SCOPES } from "../helpers/pull-request-comments.js";
import { pullRequestEvent } from "./attack-helpers.js";

/**
 * Issue 9, item 6: hang every installation with one config. `{a,b}` repeated 18 times took 4 s of
 * blocked event loop per parse (×20: 752 MB). The config now fails, naming the key, at once.
 */

const HANG = `tests:\n  paths: ["${"{a,b}".repeat(18)}"]\n`;

async function judgeWith(config: string) {
  const scope = nock(API);
  mockPullUnchanged(scope, REPO, 1);
  mockSettings(scope, { config });
  // The gate lists no files on a config error; the config check does (does the PR change the file?).
  mockFiles(scope, REPO, 1, TWO_SCOPES);
  const checks = captureCheckRuns(scope, REPO);
  const started = performance.now();
  await createTestProbot().receive({
    id: `cfg-${Math.random()}`,
    name: "pull_request",
    payload: pullRequestEvent("opened", AUTHOR),
  } as never);
  const ms = performance.now() - started;
  expectAllMocksDone();
  return { check: checks[0]!, ms };
}

describe("attack: a config whose braces explode", () => {
  it("fails the check with the key path, without expanding the glob, and stays fast when read again", async () => {
    const first = await judgeWith(HANG);
    expect(first.check).toMatchObject({ conclusion: "failure", status: "completed" });
    expect(first.check.output.title).toBe(
      "Invalid config: tests.paths.0: a glob may expand to at most 256 alternatives, this one expands to 262144",
    );
    expect(first.ms).toBeLessThan(1_000);
    const again = await judgeWith(HANG);
    expect(again.check.output.title).toBe(first.check.output.title);
    expect(again.ms).toBeLessThan(1_000);
  });

  it("refuses the 256-character worst case (2^51 alternatives) just as fast", async () => {
    const worst = `hotfix:\n  branches: ["${"{a,b}".repeat(51)}"]\n`;
    const { check, ms } = await judgeWith(worst);
    expect(check.output.title).toMatch(
      /^Invalid config: hotfix\.branches\.0: a glob may expand to at most 256 alternatives/,
    );
    expect(ms).toBeLessThan(1_000);
  });
});
