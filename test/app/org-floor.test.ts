import nock from "nock";
import { describe, expect, it } from "vitest";
import { pullRequestEvent } from "../../support/payloads.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";

/**
 * The org floor on the gate (SPEC §12), from a real `pull_request.opened` delivery made a passing
 * hotfix on Codertocat/Hello-World: every repository of the owner keeps the floor of
 * Codertocat/.github, whatever its `_extends`.
 */

const REPO = "Codertocat/Hello-World";
const FILE = ".github%2Fsingle-patch-order.yml";
const TEXT = { "content-type": "text/plain; charset=utf-8" };
const ORG_FILE = "Codertocat/.github/.github/single-patch-order.yml";
const FLOOR = "floor:\n  scope:\n    maxFiles: 20\n  rules:\n    rollback-plan: error\n";
const FILES = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+t",
  },
];

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "delivery-floor", name: "pull_request", payload } as never);
}

describe("the org floor on the gate", () => {
  it("fails every PR of a repository whose own file (no _extends) is looser than the floor, naming key, value and floor", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    mockSettings(scope, { config: "scope:\n  maxFiles: 30\n", orgConfig: FLOOR });
    mockFiles(scope, REPO, 2, FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: "single-patch-order", status: "completed", conclusion: "failure" });
    expect(checks[0]!.output.title).toBe(
      `Invalid config: scope.maxFiles: 30 is looser than the org floor 20 (floor.scope.maxFiles in ${ORG_FILE})`,
    );
    await expect(JSON.stringify(checks[0], null, 2)).toMatchFileSnapshot("./__snapshots__/floor.below.check-run.json");
  });

  it("fails a rule turned off below an error floor through _extends, from the one read of the org file", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    scope
      .get(`/repos/${REPO}/contents/${FILE}`)
      .reply(200, "_extends: .github\nrules:\n  rollback-plan: off\n", TEXT)
      .get(`/repos/Codertocat/.github/contents/${FILE}`)
      .reply(200, FLOOR, TEXT);
    mockFiles(scope, REPO, 2, FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain(
      "- `rules.rollback-plan: off is looser than the org floor error (floor.rules.rollback-plan in Codertocat/.github/.github/single-patch-order.yml)`",
    );
    expect(checks[0]!.output.summary).toContain(
      "`Codertocat/Hello-World/.github/single-patch-order.yml@main (with _extends)`",
    );
  });

  it("lets a stricter repository's own limit apply", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    mockSettings(scope, { config: "scope:\n  maxFiles: 1\n", orgConfig: FLOOR });
    mockFiles(scope, REPO, 2, FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toMatch(/^1 rule fails: /);
    expect(checks[0]!.output.summary).toMatch(/\| ❌ \| `change-size` \| fail \| .*limit 1/);
  });

  it("applies a stricter floor value where the repository sets nothing", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    mockSettings(scope, { config: "hotfix:\n  labels: [hotfix]\n", orgConfig: "floor:\n  scope:\n    maxFiles: 1\n" });
    mockFiles(scope, REPO, 2, FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks[0]!.output.summary).toMatch(/\| ❌ \| `change-size` \| fail \| .*limit 1/);
  });

  it("passes a repository that keeps the floor", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n", orgConfig: FLOOR });
    mockFiles(scope, REPO, 2, FILES);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({ conclusion: "success", output: { title: "All rules pass" } });
  });

  it("refuses floor: in a repository's own file", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    scope.get(`/repos/${REPO}/contents/${FILE}`).reply(200, "floor:\n  scope:\n    maxFiles: 100\n", TEXT);
    mockFiles(scope, REPO, 2, FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(pullRequestEvent());

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe(
      "Invalid config: floor: only the Codertocat/.github repository's .github/single-patch-order.yml may set a floor; remove it here (a floor there applies to every repository of Codertocat)",
    );
  });
});
