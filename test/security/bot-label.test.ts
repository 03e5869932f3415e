import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot, TEST_BOT_LOGIN } from "../helpers/probot.js";
import { REPO, pullRequestEvent } from "./attack-helpers.js";

/**
 * Issue 9, item 11: a label change by any bot was skipped, so another bot (or a workflow's
 * `github-actions[bot]`) could add or remove `hotfix` and the gate never judged the change.
 */

function labelledBy(sender: string, label: string, labels: string[]) {
  const payload = pullRequestEvent("labeled", sender, {
    labels: labels.map((name, id) => ({ id, name })),
    head: { ref: "feature/cart", sha: "c".repeat(40) },
  });
  payload.label = { id: 9, name: label };
  return payload;
}

const CART_FILES = [{ filename: "src/checkout/a.ts" }, { filename: "src/checkout/a.test.ts", status: "added" }];

/**
 * What judging #1 costs when the label leaves it no hotfix: the free re-read (304), the config,
 * the open PRs of the head (the verdict passes), and its files (does it change the config file?).
 */
function mockNotHotfixJudged(scope: nock.Scope) {
  mockPullUnchanged(scope, REPO, 1);
  mockSettings(scope);
  mockOpenPulls(scope, REPO);
  mockFiles(scope, REPO, 1, CART_FILES);
}

describe("attack: change the hotfix label with a bot", () => {
  it("judges again when another bot adds `hotfix`", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 1);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, CART_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "bot-1",
      name: "pull_request",
      payload: labelledBy("github-actions[bot]", "hotfix", ["hotfix"]),
    } as never);

    expectAllMocksDone();
    expect(checks[0]!.output.summary).toMatch(/^Judged as a hotfix because it carries the label `hotfix`/);
  });

  it("judges again when another bot adds the override label", async () => {
    const scope = nock(API);
    mockNotHotfixJudged(scope);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "bot-2",
      name: "pull_request",
      payload: labelledBy("renovate[bot]", "spo:overridden", ["spo:overridden"]),
    } as never);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      conclusion: "success",
      output: { title: "Not a hotfix: no single-patch rules apply" },
    });
  });

  it("skips only the App's own bot, and judges when the App cannot learn its login", async () => {
    await createTestProbot().receive({
      id: "bot-3",
      name: "pull_request",
      payload: labelledBy(TEST_BOT_LOGIN, "spo:overridden", ["spo:overridden"]),
    } as never);
    expectAllMocksDone();

    const scope = nock(API);
    mockNotHotfixJudged(scope);
    const checks = captureCheckRuns(scope, REPO);
    await createTestProbot({ botLogin: async () => undefined }).receive({
      id: "bot-4",
      name: "pull_request",
      payload: labelledBy(TEST_BOT_LOGIN, "spo:overridden", ["spo:overridden"]),
    } as never);
    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      conclusion: "success",
      output: { title: "Not a hotfix: no single-patch rules apply" },
    });
  });
});
