import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, captureCheckRuns, expectAllMocksDone, mockFiles, mockSettings } from "../helpers/github-nock.js";
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

describe("attack: change the hotfix label with a bot", () => {
  it("judges again when another bot adds `hotfix`", async () => {
    const scope = nock(API);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, [
      { filename: "src/checkout/a.ts" },
      { filename: "src/checkout/a.test.ts", status: "added" },
    ]);
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
    mockSettings(scope);
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "bot-2",
      name: "pull_request",
      payload: labelledBy("renovate[bot]", "spo:overridden", ["spo:overridden"]),
    } as never);

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
  });

  it("skips only the App's own bot, and judges when the App cannot learn its login", async () => {
    await createTestProbot().receive({
      id: "bot-3",
      name: "pull_request",
      payload: labelledBy(TEST_BOT_LOGIN, "spo:overridden", ["spo:overridden"]),
    } as never);
    expectAllMocksDone();

    const scope = nock(API);
    mockSettings(scope);
    const checks = captureCheckRuns(scope, REPO);
    await createTestProbot({ botLogin: async () => undefined }).receive({
      id: "bot-4",
      name: "pull_request",
      payload: labelledBy(TEST_BOT_LOGIN, "spo:overridden", ["spo:overridden"]),
    } as never);
    expectAllMocksDone();
    expect(checks).toHaveLength(1);
  });
});
