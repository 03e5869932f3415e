import nock from "nock";
import { describe, expect, it } from "vitest";
import { createMemoryOpenHeads, type OpenHeads } from "../../src/app/open-heads.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockBaseTree,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import { pullRequest, REPO, SHA, TWO_SCOPES } from "../helpers/pull-request-comments.js";
import { loadWebhook } from "../../support/webhooks.js";

/**
 * Attack (issue 9, item 2) with the open-heads index on (issue 13, OPEN_HEADS_INDEX): the index
 * lets a passing verdict skip listing the open PRs, so the attack is to make it skip them while a
 * failing hotfix shares the commit. The safe outcome: the index names the hotfix (its delivery
 * was noted), so the sibling's run carries the hotfix's failure; an older delivery replayed
 * late does not move the hotfix off the commit; and only once the hotfix is closed does the
 * sibling pass with no look-up.
 *
 * One App (one index) through the whole story. The victim: hotfix #1 on SHA, failing `single-scope`.
 */

const ONE_SCOPE = [
  { filename: "src/checkout/discount.ts" },
  { filename: "src/checkout/discount.test.ts", status: "added" },
];
const at = (minute: number) => `2026-11-21T11:${String(minute).padStart(2, "0")}:00Z`;

function delivery(action: string, pull: Record<string, any>) {
  const payload = loadWebhook(action === "closed" ? "pull_request.closed" : "pull_request.opened");
  payload.action = action;
  payload.repository.default_branch = "main";
  Object.assign(payload.pull_request, pull);
  return payload;
}

/** A passing hotfix #n on a head of its own. */
const passing = (number: number, minute: number) =>
  pullRequest({
    number,
    title: `SHOP-4${number}: fix`,
    head: { ...pullRequest().head, ref: `hotfix/SHOP-4${number}`, sha: String(number).repeat(40) },
    changed_files: 2,
    updated_at: at(minute),
  });

/** The attacker's #7: a fork PR whose head is the victim's commit. */
const sibling = (minute: number) => {
  const pr = pullRequest();
  return {
    ...pr,
    number: 7,
    title: "Tidy up",
    head: { ...pr.head, ref: "patch-1", sha: SHA, repo: { ...pr.head.repo, full_name: "mallory/Hello-World" } },
    updated_at: at(minute),
  };
};

/** The open-PR list entry of a PR. */
const listed = (pr: Record<string, any>) => ({
  number: pr.number,
  title: pr.title,
  head: { ref: pr.head.ref, sha: pr.head.sha, repo: { full_name: pr.head.repo?.full_name ?? REPO } },
  labels: [],
  updated_at: pr.updated_at,
});

describe("attack: make the open-heads index skip the look-up while a failing hotfix shares the commit", () => {
  it("names the hotfix from its delivery, ignores a replayed older one, and lets the sibling pass only once the hotfix closed", async () => {
    const probot = createTestProbot({ openHeads: createMemoryOpenHeads() });
    let id = 0;
    const receive = (payload: unknown) => probot.receive({ id: `d-${++id}`, name: "pull_request", payload } as never);
    const victim = pullRequest({ updated_at: at(3) });
    const scope = nock(API);

    // #3 passes: the repository is not known yet, so the open PRs are listed once, which seeds the index.
    mockPullUnchanged(scope, REPO, 3);
    mockSettings(scope);
    mockFiles(scope, REPO, 3, ONE_SCOPE);
    mockOpenPulls(scope, REPO, [listed(passing(3, 2))]);
    const threeChecks = captureCheckRuns(scope, REPO);
    await receive(delivery("opened", passing(3, 2)));
    expectAllMocksDone();
    expect(threeChecks[0]).toMatchObject({ conclusion: "success", external_id: "3" });

    // #4 passes on a head nobody else has: no look-up now (an unmocked list would fail the check).
    mockPullUnchanged(scope, REPO, 4);
    mockSettings(scope);
    mockFiles(scope, REPO, 4, ONE_SCOPE);
    const fourChecks = captureCheckRuns(scope, REPO);
    await receive(delivery("opened", passing(4, 3)));
    expectAllMocksDone();
    expect(fourChecks[0]).toMatchObject({ conclusion: "success", external_id: "4" });

    // The victim #1 fails: published as it is, no look-up (a failing verdict needs none); its delivery is noted.
    mockPullUnchanged(scope, REPO, 1);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const victimChecks = captureCheckRuns(scope, REPO);
    await receive(delivery("opened", victim));
    expectAllMocksDone();
    expect(victimChecks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure", external_id: "1" });

    // A replayed, older delivery of #1 from before its push: it does not move #1 off the commit.
    await receive(
      delivery("synchronize", {
        ...victim,
        head: { ...victim.head, sha: "9".repeat(40) },
        updated_at: at(0),
        state: "closed",
      }),
    );

    // The attack: #7 on the victim's commit. The index names #1, so the open PRs are listed and #1 judged.
    mockPullUnchanged(scope, REPO, 7);
    mockSettings(scope);
    mockOpenPulls(scope, REPO, [listed(sibling(4)), listed(victim), listed(passing(3, 2)), listed(passing(4, 3))]);
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, victim);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    mockFiles(scope, REPO, 7, [{ filename: "README.md" }]);
    const attackChecks = captureCheckRuns(scope, REPO);
    await receive(delivery("opened", sibling(4)));
    expectAllMocksDone();
    expect(attackChecks).toHaveLength(1);
    expect(attackChecks[0]).toMatchObject({ head_sha: SHA, conclusion: "failure", external_id: "7;1" });
    expect(attackChecks[0]!.output.title).toMatch(/^#1 on this commit: 1 rule fails: /);

    // #1 is closed; #7 edited afterwards is alone on the commit: "Not a hotfix" with no look-up.
    await receive(delivery("closed", { ...victim, state: "closed", updated_at: at(5) }));
    mockPullUnchanged(scope, REPO, 7);
    mockSettings(scope);
    mockFiles(scope, REPO, 7, [{ filename: "README.md" }]);
    const afterChecks = captureCheckRuns(scope, REPO);
    await receive(delivery("edited", sibling(6)));
    expectAllMocksDone();
    expect(afterChecks[0]).toMatchObject({ head_sha: SHA, conclusion: "success", external_id: "7" });
    expect(afterChecks[0]!.output.title).toBe("Not a hotfix: no single-patch rules apply");
  });

  it("a failing hotfix noted on the commit while the passing verdict was being published: looked up and published again, last", async () => {
    // The race: #4 is alone when asked; #7, a failing hotfix on the same commit, is noted (and may
    // publish its failure) before #4's run lands. Asked again after publishing, the index names #7.
    const answers = [[], [7]];
    const openHeads: OpenHeads = {
      note: async () => undefined,
      seed: async () => undefined,
      othersOn: async () => answers.shift(),
    };
    const watched: string[] = [];
    const probot = createTestProbot({ openHeads, openHeadsWatch: (answer) => void watched.push(answer) });
    const four = pullRequest({ number: 4, changed_files: 2, updated_at: at(3) });
    const seven = pullRequest({
      number: 7,
      title: "SHOP-43: other fix",
      head: { ...four.head, ref: "hotfix/SHOP-43" },
    });
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 4);
    mockSettings(scope);
    mockFiles(scope, REPO, 4, ONE_SCOPE);
    mockOpenPulls(scope, REPO, [listed({ ...seven, updated_at: at(4) }), listed(four)]);
    scope.get(`/repos/${REPO}/pulls/7`).reply(200, seven);
    mockFiles(scope, REPO, 7, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const checks = captureCheckRuns(scope, REPO, 2);

    await probot.receive({ id: "race", name: "pull_request", payload: delivery("opened", four) } as never);

    expectAllMocksDone();
    expect(checks.map((c) => [c.head_sha, c.external_id, c.conclusion])).toEqual([
      [SHA, "4", "success"],
      [SHA, "4;7", "failure"],
    ]);
    expect(checks[1]!.output.title).toMatch(/^#7 on this commit: 1 rule fails: /);
    expect(watched).toEqual(["alone", "late"]);
  });
});
