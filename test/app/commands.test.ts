import nock from "nock";
import { describe, expect, it } from "vitest";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockSettings,
  mockBaseTree,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import {
  REPO,
  SHA,
  TWO_SCOPES,
  captureComments,
  gateRecord,
  gateRun,
  mockGateRuns,
  mockRole,
  prComment,
  pullRequest,
} from "../helpers/pull-request-comments.js";
import { MAX_COMMENT_BYTES } from "../../src/render/command-replies.js";

async function receive(payload: unknown) {
  await createTestProbot().receive({ id: "delivery-command", name: "issue_comment", payload } as never);
}

describe("/spo explain", () => {
  it("answers a writer with the check's full report as a comment, and publishes nothing", async () => {
    const scope = nock(API);
    mockRole(scope, "reviewer", "write");
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest());
    mockSettings(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    const replies = captureComments(scope);

    await receive(prComment("/spo explain", "reviewer"));

    expectAllMocksDone();
    expect(replies).toHaveLength(1);
    const [head, ...rest] = replies[0]!.split("\n\n");
    // The failing rule's own sentence follows; its wording is asserted by test/rules/single-scope.test.ts.
    expect(head).toMatch(
      /^@reviewer The `single-patch-order` check on `ec26c3e` concludes \*\*failure\*\*: 1 rule fails: \S/,
    );
    const summary = rest.join("\n\n");
    expect(summary).toMatch(/^Judged as a hotfix because its branch `hotfix\/SHOP-42`/);
    expect(summary).toContain("| ❌ | `single-scope` | fail |");
    expect(summary).toContain("### How to fix");
    expect(summary).toContain("### Facts");
    expect(Buffer.byteLength(replies[0]!)).toBeLessThanOrEqual(MAX_COMMENT_BYTES);
  });

  it("shows an override that holds for the head SHA", async () => {
    const scope = nock(API);
    mockRole(scope, "reviewer", "write");
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest({ labels: [{ name: "spo:overridden" }] }));
    mockSettings(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    mockGateRuns(scope, [
      gateRun(
        7,
        gateRecord({
          override: {
            sha: SHA,
            by: "release-lead",
            reason: "INC-1 checkout is down",
            at: "2026-11-21T11:59:00Z",
            comment: 5,
          },
        }),
      ),
    ]);
    const replies = captureComments(scope);

    await receive(prComment("/spo explain", "reviewer"));

    expectAllMocksDone();
    expect(replies[0]).toMatch(
      /^@reviewer The `single-patch-order` check on `ec26c3e` concludes \*\*success\*\*: Overridden by @\u200Brelease-lead: INC-1 checkout is down\n\n\*\*Overridden by @\u200Brelease-lead\*\*/,
    );
  });

  it("answers someone without write access with a short pointer only, once per window", async () => {
    const scope = nock(API);
    mockRole(scope, "passer-by", "read").persist();
    const replies = captureComments(scope);
    const probot = createTestProbot();

    for (const id of ["e1", "e2", "e3"])
      await probot.receive({ id, name: "issue_comment", payload: prComment("/spo explain", "passer-by") } as never);

    nock.cleanAll();
    expect(replies).toStrictEqual([
      "@passer-by `/spo explain` answers people with write access to this repository. The `single-patch-order` check on this pull request has the full report.",
    ]);
  });
});

describe("/spo help and unknown commands", () => {
  it("lists the commands, without reading anything", async () => {
    const scope = nock(API);
    const replies = captureComments(scope);

    await receive(prComment("/spo help", "newcomer"));

    expectAllMocksDone();
    const lines = replies[0]!.split("\n");
    expect(lines[0]).toBe(
      "@newcomer Single Patch Order reads these commands in pull request comments, one per line at the start of a line. Comments from bots and edits of comments are ignored.",
    );
    expect(lines.slice(2, 4)).toStrictEqual(["| Command | What it does |", "| --- | --- |"]);
    expect(lines.slice(4).map((l) => l.split(" | ")[0])).toStrictEqual([
      "| `/spo recheck`",
      "| `/spo explain`",
      "| `/spo override <reason>`",
      "| `/spo help`",
    ]);
  });

  it("treats a bare /spo as help", async () => {
    const scope = nock(API);
    const replies = captureComments(scope);
    await receive(prComment("/spo", "newcomer"));
    expectAllMocksDone();
    expect(replies[0]).toMatch(/^@newcomer Single Patch Order reads these commands/);
  });

  it("answers an unknown command with a short help", async () => {
    const scope = nock(API);
    const replies = captureComments(scope);

    await receive(prComment("Please\n/spo merge now", "newcomer"));

    expectAllMocksDone();
    expect(replies).toStrictEqual([
      "@newcomer `/spo merge` is not a Single Patch Order command. The commands are `/spo recheck`, `/spo explain`, `/spo override <reason>`, `/spo help`; comment `/spo help` for what each does.",
    ]);
  });
});

describe("commands that are not read", () => {
  it.each(["/spo help", "/spo explain", "/spo frobnicate", "/spo recheck"])("ignores %j from a bot", async (body) => {
    const payload = prComment(body, "some-app[bot]");
    payload.comment.user.type = "Bot";
    await receive(payload);
    expectAllMocksDone();
  });

  it("ignores commands on issues, quoted commands and edited comments", async () => {
    const onIssue = prComment("/spo help");
    delete onIssue.issue.pull_request;
    await receive(onIssue);
    await receive(prComment("> /spo help\nquoting the docs"));
    await receive(prComment("/spo help", "newcomer", "edited"));
    expectAllMocksDone();
  });

  it("still re-judges on /spo recheck, keeping the override of the same head SHA", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest({ labels: [{ name: "spo:overridden" }] }));
    mockSettings(scope);
    mockFiles(scope, REPO, 1, TWO_SCOPES);
    mockBaseTree(scope, REPO);
    mockGateRuns(scope, [
      gateRun(
        7,
        gateRecord({
          override: {
            sha: SHA,
            by: "release-lead",
            reason: "INC-1 checkout is down",
            at: "2026-11-21T11:59:00Z",
            comment: 5,
          },
        }),
      ),
    ]);
    mockOpenPulls(scope, REPO);
    const checks = captureCheckRuns(scope, REPO);

    await receive(prComment("/spo recheck", "reviewer"));

    expectAllMocksDone();
    expect(checks[0]).toMatchObject({
      head_sha: SHA,
      conclusion: "success",
      output: { title: "Overridden by @\u200Brelease-lead: INC-1 checkout is down" },
    });
  });
});
