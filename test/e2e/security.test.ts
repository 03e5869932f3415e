import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../../support/fake-github-request.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { startApp } from "../../support/start-app.js";
import { loadWebhook } from "../../support/webhooks.js";
import { buildOnce } from "./build-once.js";
import { describeCalls, isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";

/**
 * Issue 9 (part A) end to end: each attack against the built server and the fake GitHub, and the
 * override that must keep working (an allowed second person, across re-judgements and a restart).
 */

let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const AUTHOR = "octo-author";
const ADMIN = "release-lead";
const REASON = "INC-4711 checkout is down, rollback tested";
const TWO_SCOPES = [
  { filename: "src/checkout/discount.ts" },
  { filename: "src/checkout/discount.test.ts", status: "added" },
  { filename: "src/billing/invoice.ts" },
];
const ZWSP = "\u200B";

/** PR #2 as pull_request deliveries carry it, sent by `sender`. */
function prEvent(
  action: "opened" | "synchronize" | "edited" | "labeled" | "unlabeled",
  sender: string,
  sha: string,
  labels: string[] = [],
  ref?: string,
) {
  const payload = pullRequestEvent({ action: action as "opened", headSha: sha, ...(ref ? { ref } : {}) });
  payload.pull_request.user.login = AUTHOR;
  payload.pull_request.labels = labels.map((name, id) => ({ id, name }));
  payload.sender = { ...payload.sender, login: sender, type: sender.endsWith("[bot]") ? "Bot" : "User" };
  if (action === "labeled" || action === "unlabeled") payload.label = { id: 9, name: labels[0] ?? "spo:overridden" };
  return payload;
}

/** A new comment on PR #2, by `actor`. */
function comment(
  body: string,
  actor: string,
  action: "created" | "edited" = "created",
  id = 100 + Math.floor(Math.random() * 1e6),
) {
  const payload = loadWebhook(`issue_comment.${action}`);
  const repository = pullRequestEvent().repository;
  Object.assign(payload, { repository, installation: { id: 1, node_id: "I_1" } });
  payload.issue.number = 2;
  payload.issue.pull_request = { url: `https://api.github.com/repos/${REPO}/pulls/2` };
  payload.issue.user.login = AUTHOR;
  payload.comment.id = id;
  payload.comment.body = body;
  payload.comment.user = { ...payload.comment.user, login: actor, type: actor.endsWith("[bot]") ? "Bot" : "User" };
  return payload;
}

const checksOn = (sha: string) => (r: RecordedRequest) => isCheckRunPost(r) && r.body?.head_sha === sha;
const commentPosts = (r: RecordedRequest) => r.method === "POST" && /\/issues\/2\/comments$/.test(r.path);

async function setUp(env: Record<string, string> = {}) {
  harness = await startHarness(env);
  harness.github.repos.files.set(`${REPO}#2`, TWO_SCOPES);
  return harness;
}

/** What `pulls.get` answers for PR #2 at `sha`. */
function servePull(h: Harness, sha: string, labels: string[] = []) {
  h.github.repos.pulls.set(`${REPO}#2`, prEvent("edited", AUTHOR, sha, labels).pull_request);
  h.github.repos.commits.set(`${REPO}@${sha}`, { author: AUTHOR, committer: "web-flow" });
}

describe("issue 9 attacks against the built server", () => {
  it("an allowed second person's override holds across re-judgements and a restart; edits and labels forge nothing", async () => {
    const h = await setUp();
    const sha = "1".repeat(40);
    h.github.repos.roles.set(`${REPO}@${ADMIN}`, "admin");
    servePull(h, sha);
    await sendWebhook(h.app.url, { event: "pull_request", payload: prEvent("opened", AUTHOR, sha) });
    expect(h.github.requests.filter(checksOn(sha)).map((r) => r.body.conclusion)).toEqual(["failure"]);

    await sendWebhook(h.app.url, { event: "issue_comment", payload: comment(`/spo override ${REASON}`, ADMIN) });
    const overridden = h.github.requests.filter(checksOn(sha)).at(-1)!;
    expect(overridden.body).toMatchObject({
      conclusion: "success",
      output: { title: `Overridden by @${ZWSP}${ADMIN}: ${REASON}` },
    });
    expect(h.github.repos.comments.get(`${REPO}#2`)?.at(-1)?.body).toMatch(/^### Break-glass override/);

    // The author edits the App's audit comment: nothing is read or written.
    const before = h.github.requests.length;
    await sendWebhook(h.app.url, {
      event: "issue_comment",
      payload: comment(`<!-- spo:override {"sha":"${"2".repeat(40)}"} -->`, "single-patch-order[bot]", "edited"),
    });
    expect(h.github.requests.length).toBe(before);

    // A restart (another replica): the override is read back from the App's own check run.
    await h.app.stop();
    h.app = await startApp(h.github.host);
    await sendWebhook(h.app.url, {
      event: "pull_request",
      payload: prEvent("edited", AUTHOR, sha, ["spo:overridden"]),
    });
    expect(h.github.requests.filter(checksOn(sha)).at(-1)!.body.conclusion).toBe("success");

    // The label removed by hand revokes it; put back by hand, it does not revive it.
    await sendWebhook(h.app.url, { event: "pull_request", payload: prEvent("unlabeled", AUTHOR, sha, []) });
    await sendWebhook(h.app.url, {
      event: "pull_request",
      payload: prEvent("labeled", AUTHOR, sha, ["spo:overridden"]),
    });
    expect(
      h.github.requests
        .filter(checksOn(sha))
        .slice(-2)
        .map((r) => r.body.conclusion),
    ).toEqual(["failure", "failure"]);
    expect(describeCalls(h.github.requests).at(-1)).toBe(`DELETE /repos/${REPO}/issues/2/labels/spo%3Aoverridden`);
  });

  it("refuses the admin who pushed the failing head", async () => {
    const h = await setUp();
    const sha = "3".repeat(40);
    h.github.repos.roles.set(`${REPO}@${ADMIN}`, "admin");
    servePull(h, sha);
    await sendWebhook(h.app.url, { event: "pull_request", payload: prEvent("synchronize", ADMIN, sha) });

    await sendWebhook(h.app.url, { event: "issue_comment", payload: comment(`/spo override ${REASON}`, ADMIN) });

    expect(h.github.requests.filter(checksOn(sha))).toHaveLength(1);
    expect(h.github.repos.comments.get(`${REPO}#2`)?.[0]?.body).toMatch(
      /^@release-lead Your override did not count: you pushed its head commit/,
    );
  });

  it("fails a config whose braces explode, naming the key, within a second", async () => {
    const h = await setUp();
    h.github.repos.configs.set(REPO, `tests:\n  paths: ["${"{a,b}".repeat(20)}"]\n`);
    const started = performance.now();
    await sendWebhook(h.app.url, { event: "pull_request", payload: prEvent("opened", AUTHOR, "4".repeat(40)) });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(h.github.requests.find(isCheckRunPost)!.body.output.title).toBe(
      "Invalid config: tests.paths.0: a glob may expand to at most 256 alternatives, this one expands to 1048576",
    );
  });

  it("keeps a breakout branch in its code span: no live mention", async () => {
    const h = await setUp();
    await sendWebhook(h.app.url, {
      event: "pull_request",
      payload: prEvent("opened", AUTHOR, "5".repeat(40), [], "hotfix/x-`@acme/security`|@lead-bob"),
    });
    const summary: string = h.github.requests.find(isCheckRunPost)!.body.output.summary;
    expect(summary).toContain(`its branch \`\`hotfix/x-\`@${ZWSP}acme/security\`|@${ZWSP}lead-bob\`\``);
    expect(summary).not.toMatch(/(?<![\w\u200B])@(?!\u200B)[A-Za-z]/);
  });

  it("answers five /spo help from one person with one comment", async () => {
    const h = await setUp();
    for (let i = 0; i < 5; i++)
      await sendWebhook(h.app.url, { event: "issue_comment", payload: comment("/spo help", "passer-by") });
    expect(h.github.requests.filter(commentPosts)).toHaveLength(1);
  });

  it("judges a label changed by another bot, and skips only its own", async () => {
    const h = await setUp();
    await sendWebhook(h.app.url, {
      event: "pull_request",
      payload: prEvent("labeled", "renovate[bot]", "6".repeat(40), ["hotfix"], "feature/cart"),
    });
    expect(h.github.requests.filter(checksOn("6".repeat(40)))).toHaveLength(1);
    const before = h.github.requests.length;
    await sendWebhook(h.app.url, {
      event: "pull_request",
      payload: prEvent("labeled", "single-patch-order[bot]", "7".repeat(40), ["spo:overridden"]),
    });
    // Its own login was learned once (GET /app, with the JWT) on the first bot's label; now nothing is called.
    expect(describeCalls(h.github.requests.slice(0, before))).toContain("GET /app");
    expect(describeCalls(h.github.requests.slice(before))).toEqual([]);
    expect(h.github.requests.filter(checksOn("7".repeat(40)))).toHaveLength(0);
  });
});

describe("the gate endpoint against the built server", () => {
  it("refuses to start with a short GATE_TOKEN, naming it", async () => {
    const { startFakeGitHub } = await import("../../support/fake-github.js");
    const github = await startFakeGitHub();
    try {
      await expect(startApp(github.host, { GATE_TOKEN: "short-token" })).rejects.toThrow(
        /GATE_TOKEN is 11 characters long/,
      );
    } finally {
      await github.close();
    }
  });

  it("answers another owner 404 without a GitHub call, and logs no query string", async () => {
    const token = "e2e-gate-token-0123456789abcdef-0123";
    const h = await setUp({ GATE_TOKEN: token, GATE_OWNERS: "codertocat", LOG_LEVEL: "info" });
    const before = h.github.requests.length;
    const response = await fetch(
      `${h.app.url}/api/gate/victim-inc/payments/${"c".repeat(40)}?environment=production-eu`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(response.status).toBe(404);
    expect(h.github.requests.length).toBe(before);
    await h.app.stop();
    expect(h.app.output()).toContain("/api/gate/victim-inc/payments/");
    expect(h.app.output()).not.toContain("production-eu");
  });
});
