import nock from "nock";
import { describe, expect, it } from "vitest";
import { splitCodeSpans } from "../../src/render/safe-markdown.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockBaseTree,
  mockFiles,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { createTestProbot } from "../helpers/probot.js";
import { captureComments, mockRole, prComment, pullRequest } from "../helpers/pull-request-comments.js";
import { AUTHOR, REPO, pullRequestEvent } from "./attack-helpers.js";

/**
 * Issue 9, item 7: ping a team or fake a header from a branch or file name. The branch below
 * closed its single-backtick span, so the summary rendered a live team mention and
 * `/spo explain` notified the team.
 */

const BRANCH = "hotfix/x-`@acme/security`|@lead-bob";
const FILES = [
  { filename: "src/checkout/`@acme/security`.ts" },
  { filename: "src/checkout/a\n### Approved by @lead-bob.test.ts", status: "added" },
  { filename: "src/billing/<!-- x -->@acme/ops.ts" },
];

/** Mentions GitHub would turn into pings: `@name` starting a word, outside code spans. */
function liveMentions(markdown: string): string[] {
  return splitCodeSpans(markdown)
    .filter((s) => !s.code)
    .flatMap((s) => s.text.match(/(?<![\w\u200B])@[A-Za-z0-9][\w/-]*/g) ?? []);
}

describe("attack: a branch and file names that try to leave their code span", () => {
  it("publishes a check whose summary, text, title and annotations ping nobody", async () => {
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 1);
    mockSettings(scope);
    mockFiles(scope, REPO, 1, FILES);
    mockBaseTree(scope, REPO); // two scopes: the base tree is listed for build units (none)
    const checks = captureCheckRuns(scope, REPO);

    await createTestProbot().receive({
      id: "mention-1",
      name: "pull_request",
      payload: pullRequestEvent("opened", AUTHOR, { head: { ...pullRequest().head, ref: BRANCH } }),
    } as never);

    expectAllMocksDone();
    const { output } = checks[0]!;
    expect(output.summary).toContain(
      "Judged as a hotfix because its branch ``hotfix/x-`@\u200Bacme/security`|@\u200Blead-bob``",
    );
    for (const field of [output.title, output.summary, output.text]) {
      expect(liveMentions(field)).toStrictEqual([]);
      expect(field).not.toMatch(/^#+ Approved/m);
      expect(field).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    }
    for (const annotation of output.annotations ?? []) expect(liveMentions(annotation.message)).toStrictEqual([]);
  });

  it("/spo explain pings only the person who asked", async () => {
    const scope = nock(API);
    mockRole(scope, "reviewer", "write");
    scope.get(`/repos/${REPO}/pulls/1`).reply(200, pullRequest({ head: { ...pullRequest().head, ref: BRANCH } }));
    mockSettings(scope);
    mockFiles(scope, REPO, 1, FILES);
    mockBaseTree(scope, REPO); // two scopes: the base tree is listed for build units (none)
    const replies = captureComments(scope);

    await createTestProbot().receive({
      id: "mention-2",
      name: "issue_comment",
      payload: prComment("/spo explain", "reviewer"),
    } as never);

    expectAllMocksDone();
    expect(liveMentions(replies[0]!)).toStrictEqual(["@reviewer"]);
  });
});
