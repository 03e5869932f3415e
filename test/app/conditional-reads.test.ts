import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AppDeps } from "../../src/app/app-deps.js";
import { createMemoryOpenHeads } from "../../src/app/open-heads.js";
import { createConditionalReadCache, type ConditionalReadCache } from "../../src/github/conditional-read-cache.js";
import { createPacedOctokit } from "../../src/github/paced-octokit.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { loadWebhook } from "../../support/webhooks.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { createTestApp, TEST_APP_ID } from "../helpers/probot.js";

/**
 * Conditional reads on the App's real client (SPEC §15): app auth with installation tokens, the
 * process's one read cache, the paced Octokit of the server. Real `pull_request.opened` and
 * `check_run.rerequested` deliveries, made passing hotfixes on github/hello-world.
 */

const REPO = "github/hello-world";
const CONFIG = `/repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`;
const ORG_FILE = "/repos/github/.github/contents/.github%2Fsingle-patch-order.yml";
const OPEN_PULLS = `/repos/${REPO}/pulls?state=open&sort=updated&direction=desc&per_page=100&page=1`;
const TEXT = { "content-type": "text/plain; charset=utf-8" };
const PASSING = "scope:\n  maxFiles: 10\n";
const STRICT = "scope:\n  maxFiles: 1\n";
const FILES = [
  {
    filename: "src/checkout/discount.ts",
    status: "modified",
    additions: 3,
    deletions: 1,
    changes: 4,
    patch: "@@ -1 +1 @@\n-a\n+b",
  },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    changes: 12,
    patch: "@@ -0,0 +1 @@\n+t",
  },
];

let privateKey: string;
beforeAll(() => {
  privateKey = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
});

/** The App as the server runs it, throttling off; `cache` shared, like the one of a process. */
function createProbot(cache: ConditionalReadCache, deps: Partial<AppDeps> = {}): Probot {
  const Octokit = createPacedOctokit({ apiError: vi.fn(), checkCompleted: vi.fn() }, cache).defaults(
    (options: Record<string, any>) => ({
      ...options,
      retry: { ...options.retry, retryAfterBaseValue: 1 },
      throttle: { ...options.throttle, enabled: false },
    }),
  );
  const probot = new Probot({ appId: TEST_APP_ID, privateKey, log: pino({ level: "silent" }), Octokit });
  probot.load(createTestApp(deps));
  return probot;
}

interface Seen {
  call: string;
  ifNoneMatch?: string;
  status: number;
}

/** A GitHub that records each call with the `If-None-Match` it carried and the status it got. */
function recordingGitHub() {
  const seen: Seen[] = [];
  const scope = nock(API);
  const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
    function (this: nock.ReplyFnContext, uri: string): nock.ReplyFnResult {
      const tag = this.req.headers["if-none-match"];
      seen.push({
        call: `${this.req.method} ${uri}`,
        ...(tag ? { ifNoneMatch: String(tag) } : {}),
        status,
      });
      return [status, body as nock.ReplyBody, headers];
    };
  const checks: Array<Record<string, any>> = [];
  const api = {
    scope,
    seen,
    checks,
    token(installationId: number, token: string) {
      scope
        .post(`/app/installations/${installationId}/access_tokens`)
        .reply(201, { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} });
    },
    get(path: string, status: number, body?: unknown, headers: Record<string, string> = {}) {
      scope.get(path).reply(answer(status, body, headers));
    },
    /** One passing hotfix evaluation's reads after the config: the PR re-read, its files, the open PRs. */
    pullReads(number: number, list: { status: number; etag?: string; body?: unknown; ifNoneMatch?: string }) {
      scope.get(`/repos/${REPO}/pulls/${number}`).reply(answer(304));
      scope.get(`/repos/${REPO}/pulls/${number}/files?per_page=100&page=1`).reply(answer(200, FILES));
      scope.get(OPEN_PULLS).reply(answer(list.status, list.body ?? [], list.etag ? { etag: list.etag } : {}));
    },
    check() {
      scope.post(`/repos/${REPO}/check-runs`).reply(function (this: nock.ReplyFnContext, uri, body) {
        seen.push({ call: `POST ${uri}`, status: 201 });
        checks.push(body as Record<string, any>);
        return [201, { id: checks.length }];
      });
    },
  };
  return api;
}

const opened = (number: number, installationId = 1) =>
  pullRequestEvent({ installationId, owner: "github", repo: "hello-world", number });

async function receive(probot: Probot, name: string, payload: unknown) {
  await probot.receive({ id: `delivery-${Math.random()}`, name, payload } as never);
}

/** Calls counted against the primary rate limit: all but the token call and 304s. */
const rateLimited = (seen: Seen[]) => seen.filter((s) => s.status !== 304 && !s.call.includes("/access_tokens"));

describe("conditional reads on the App's client", () => {
  it("asks for an unchanged config again with If-None-Match and judges from the 304: files, the open PRs, the check", async () => {
    const probot = createProbot(createConditionalReadCache());
    const github = recordingGitHub();
    github.token(1, "ghs_installation_1");
    github.get(CONFIG, 200, PASSING, { ...TEXT, etag: '"config-1"' });
    github.get(ORG_FILE, 200, "# org defaults\n", { ...TEXT, etag: '"org-1"' });
    github.pullReads(2, { status: 200, etag: '"list-1"' });
    github.check();
    await receive(probot, "pull_request", opened(2));
    const first = github.seen.length;

    github.get(CONFIG, 304, undefined, { etag: '"config-1"' });
    github.get(ORG_FILE, 304, undefined, { etag: '"org-1"' });
    github.pullReads(3, { status: 200, etag: '"list-2"' });
    github.check();
    await receive(probot, "pull_request", opened(3));

    expectAllMocksDone();
    const second = github.seen.slice(first);
    expect(second.filter((s) => s.call.includes("/contents/"))).toEqual([
      { call: `GET ${CONFIG}`, ifNoneMatch: '"config-1"', status: 304 },
      { call: `GET ${ORG_FILE}`, ifNoneMatch: '"org-1"', status: 304 },
    ]);
    // Without the open-heads index, a new PR is in the open PR list, so that list is a full read (SPEC §8 needs it): 3 calls.
    expect(rateLimited(second).map((s) => s.call)).toEqual([
      `GET /repos/${REPO}/pulls/3/files?per_page=100&page=1`,
      `GET ${OPEN_PULLS}`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    expect(second.find((s) => s.call === `GET ${OPEN_PULLS}`)?.ifNoneMatch).toBe('"list-1"');
    expect(github.checks.map((c) => [c.external_id, c.conclusion, c.output.title])).toEqual([
      ["2", "success", "All rules pass"],
      ["3", "success", "All rules pass"],
    ]);
  });

  it("with the open-heads index, a new PR on an unchanged config spends exactly 2 rate-limited calls: its files and the check", async () => {
    const probot = createProbot(createConditionalReadCache(), { openHeads: createMemoryOpenHeads() });
    const github = recordingGitHub();
    const two = opened(2).pull_request;
    const entry = {
      number: 2,
      title: two.title,
      head: { ref: two.head.ref, sha: two.head.sha, repo: null },
      labels: [],
    };
    github.token(1, "ghs_installation_1");
    github.get(CONFIG, 200, PASSING, { ...TEXT, etag: '"config-1"' });
    github.get(ORG_FILE, 200, "# org defaults\n", { ...TEXT, etag: '"org-1"' });
    github.pullReads(2, { status: 200, etag: '"list-1"', body: [{ ...entry, updated_at: two.updated_at }] });
    github.check();
    await receive(probot, "pull_request", opened(2));
    const first = github.seen.length;

    github.get(CONFIG, 304, undefined, { etag: '"config-1"' });
    github.get(ORG_FILE, 304, undefined, { etag: '"org-1"' });
    github.scope.get(`/repos/${REPO}/pulls/3`).reply(304);
    github.get(`/repos/${REPO}/pulls/3/files?per_page=100&page=1`, 200, FILES);
    github.check();
    await receive(probot, "pull_request", opened(3));

    expectAllMocksDone();
    // The first PR of the repository lists the open PRs once (seeding the index); the next one does not.
    expect(github.seen.slice(0, first).some((s) => s.call === `GET ${OPEN_PULLS}`)).toBe(true);
    expect(rateLimited(github.seen.slice(first)).map((s) => s.call)).toEqual([
      `GET /repos/${REPO}/pulls/3/files?per_page=100&page=1`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    expect(github.checks.map((c) => [c.external_id, c.conclusion, c.output.title])).toEqual([
      ["2", "success", "All rules pass"],
      ["3", "success", "All rules pass"],
    ]);
  });

  it("re-judges an unchanged PR (check re-run) with exactly 2 rate-limited calls: its files and the check", async () => {
    const probot = createProbot(createConditionalReadCache());
    const github = recordingGitHub();
    const rerun = loadWebhook("check_run.rerequested");
    const sha = rerun.check_run.head_sha as string;
    const pull = { ...opened(7).pull_request, head: { ...opened(7).pull_request.head, sha } };
    rerun.installation = { id: 1, node_id: "I_1" };
    rerun.check_run.name = "single-patch-order";
    rerun.check_run.app.id = TEST_APP_ID;
    rerun.check_run.pull_requests = [
      { number: 7, head: { sha }, base: { ref: "main", repo: { id: rerun.repository.id } } },
    ];
    const list = [{ number: 7, title: pull.title, head: { ref: pull.head.ref, sha, repo: null }, labels: [] }];
    github.token(1, "ghs_installation_1");
    for (const tag of [undefined, '"pull-7"']) {
      const again = tag !== undefined;
      github.get(`/repos/${REPO}/pulls/7`, again ? 304 : 200, again ? undefined : pull, { etag: '"pull-7"' });
      github.get(CONFIG, again ? 304 : 200, again ? undefined : PASSING, { ...TEXT, etag: '"config-1"' });
      github.get(ORG_FILE, again ? 304 : 200, again ? undefined : "# org\n", { ...TEXT, etag: '"org-1"' });
      github.get(`/repos/${REPO}/pulls/7/files?per_page=100&page=1`, 200, FILES);
      github.get(OPEN_PULLS, again ? 304 : 200, again ? undefined : list, { etag: '"list-7"' });
      github.check();
    }

    await receive(probot, "check_run", rerun);
    const first = github.seen.length;
    await receive(probot, "check_run", rerun);

    expectAllMocksDone();
    const second = github.seen.slice(first);
    expect(second.map((s) => [s.call, s.ifNoneMatch, s.status])).toEqual([
      [`GET /repos/${REPO}/pulls/7`, '"pull-7"', 304],
      [`GET ${CONFIG}`, '"config-1"', 304],
      [`GET ${ORG_FILE}`, '"org-1"', 304],
      [`GET /repos/${REPO}/pulls/7/files?per_page=100&page=1`, undefined, 200],
      [`GET ${OPEN_PULLS}`, '"list-7"', 304],
      [`POST /repos/${REPO}/check-runs`, undefined, 201],
    ]);
    expect(rateLimited(second)).toHaveLength(2);
    expect(github.checks.map((c) => c.conclusion)).toEqual(["success", "success"]);
  });

  it("applies a changed config at once: the 200 with a new ETag replaces the kept one", async () => {
    const probot = createProbot(createConditionalReadCache());
    const github = recordingGitHub();
    github.token(1, "ghs_installation_1");
    github.get(CONFIG, 200, PASSING, { ...TEXT, etag: '"config-1"' });
    github.get(ORG_FILE, 404, { message: "Not Found" });
    github.pullReads(2, { status: 200, etag: '"list-1"' });
    github.check();
    github.get(CONFIG, 200, STRICT, { ...TEXT, etag: '"config-2"' });
    github.get(ORG_FILE, 404, { message: "Not Found" });
    github.scope.get(`/repos/${REPO}/pulls/3`).reply(304);
    github.get(`/repos/${REPO}/pulls/3/files?per_page=100&page=1`, 200, FILES);
    github.check();
    github.get(CONFIG, 304, undefined, { etag: '"config-2"' });
    github.get(ORG_FILE, 404, { message: "Not Found" });
    github.scope.get(`/repos/${REPO}/pulls/4`).reply(304);
    github.get(`/repos/${REPO}/pulls/4/files?per_page=100&page=1`, 200, FILES);
    github.check();

    for (const number of [2, 3, 4]) await receive(probot, "pull_request", opened(number));

    expectAllMocksDone();
    expect(github.seen.filter((s) => s.call === `GET ${CONFIG}`).map((s) => [s.ifNoneMatch, s.status])).toEqual([
      [undefined, 200],
      ['"config-1"', 200],
      ['"config-2"', 304],
    ]);
    expect(github.checks.map((c) => [c.external_id, c.conclusion])).toEqual([
      ["2", "success"],
      ["3", "failure"],
      ["4", "failure"],
    ]);
    expect(github.checks[2]!.output.summary).toContain("2 files (limit 1)");
  });

  it("never lets one installation's read revalidate or answer another's, for a repository of the same name", async () => {
    const probot = createProbot(createConditionalReadCache());
    const github = recordingGitHub();
    github.token(1, "ghs_installation_1");
    github.get(CONFIG, 200, PASSING, { ...TEXT, etag: '"same-tag"' });
    github.get(ORG_FILE, 404, { message: "Not Found" });
    github.pullReads(2, { status: 200, etag: '"list-1"' });
    github.check();
    github.token(2, "ghs_installation_2");
    github.get(CONFIG, 200, STRICT, { ...TEXT, etag: '"same-tag"' });
    github.get(ORG_FILE, 404, { message: "Not Found" });
    github.scope.get(`/repos/${REPO}/pulls/3`).reply(304);
    github.get(`/repos/${REPO}/pulls/3/files?per_page=100&page=1`, 200, FILES);
    github.check();

    await receive(probot, "pull_request", opened(2, 1));
    await receive(probot, "pull_request", opened(3, 2));

    expectAllMocksDone();
    expect(github.seen.filter((s) => s.call === `GET ${CONFIG}`)).toEqual([
      { call: `GET ${CONFIG}`, status: 200 },
      { call: `GET ${CONFIG}`, status: 200 },
    ]);
    expect(github.checks.map((c) => [c.external_id, c.conclusion])).toEqual([
      ["2", "success"],
      ["3", "failure"],
    ]);
  });
});
