import { sign } from "@octokit/webhooks-methods";
import { startFakeGitHub, type FakeGitHub } from "../support/fake-github.js";
import { pullRequestEvent } from "../support/payloads.js";
import { postRaw } from "../support/send-webhook.js";
import { startApp, WEBHOOK_SECRET, type RunningApp } from "../support/start-app.js";
import { percentile, readCpuMs, readRss } from "./stats.js";

export interface LoadOptions {
  events: number;
  concurrency: number;
  installations: number;
  /** The shared file of each org's `.github` repository; none (the org floor read is then a 404) by default. */
  orgConfig?: string;
}

export interface LoadResult {
  evaluations: number;
  /** Calls counted against rate limits per evaluation: every request but the installation-token call. */
  apiCallsPerEvaluation: number;
  p50Ms: number;
  p95Ms: number;
  perSecond: number;
  rssBytes: number;
  /** CPU time the server used per evaluation, ms: its cost, free of the scheduling noise in (b) and (c). */
  cpuMsPerEvaluation: number;
  /** Deliveries not answered 200, or without their check. */
  failed: number;
  conclusions: Record<string, number>;
}

interface Prepared {
  sha: string;
  body: string;
  signature: string;
  /** `owner/repo#number`: the PR is open on the fake while its delivery is being judged. */
  key: string;
  pull: unknown;
}

/**
 * Starts the server (`nodeArgs`) against a fresh fake GitHub and measures it: a warm-up round of
 * one hotfix PR per installation (installation tokens, JIT), a pause past GitHub's per-installation
 * write pacing, then `events` hotfix PRs from `concurrency` clients in a closed loop, round-robin
 * over the installations. Latency runs from sending the webhook to the fake receiving the check.
 */
export async function measureLoad(
  nodeArgs: string[],
  options: LoadOptions,
  env: Record<string, string> = {},
): Promise<LoadResult> {
  const github = await startFakeGitHub();
  for (let i = 1; i <= options.installations; i++) {
    github.repos.configs.set(`org-${i}/service`, "scope:\n  maxFiles: 10\n");
    if (options.orgConfig !== undefined) github.repos.configs.set(`org-${i}/.github`, options.orgConfig);
  }
  const app = await startApp(github.host, { LOG_LEVEL: "info", ...env }, nodeArgs);
  try {
    await runLoop(app, github, await prepare(options.installations, options, 1_000_000), options.concurrency);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const measured = await prepare(options.events, options, 0);
    const firstRequest = github.requests.length;
    const cpuBefore = await readCpuMs(app.process.pid);
    const started = performance.now();
    const { sentAt, failed } = await runLoop(app, github, measured, options.concurrency);
    const cpuMs = (await readCpuMs(app.process.pid)) - cpuBefore;
    return {
      ...summarize(github, measured, sentAt, started, firstRequest, failed, await readRss(app.process.pid)),
      cpuMsPerEvaluation: cpuMs / measured.length,
    };
  } finally {
    await app.stop();
    await github.close();
  }
}

async function prepare(count: number, options: LoadOptions, offset: number): Promise<Prepared[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, k) => {
      const installationId = (k % options.installations) + 1;
      const payload = pullRequestEvent({
        installationId,
        owner: `org-${installationId}`,
        repo: "service",
        number: offset + k + 1,
      });
      const body = JSON.stringify(payload);
      return {
        sha: payload.pull_request.head.sha as string,
        body,
        signature: await sign(WEBHOOK_SECRET, body),
        key: `${payload.repository.full_name}#${payload.pull_request.number}`,
        pull: payload.pull_request,
      };
    }),
  );
}

/**
 * `concurrency` clients, each sending its next delivery when the previous one is answered. The PR
 * is open on the fake from its delivery until its answer, as on GitHub (a new PR changes the open
 * PR list, so that list is never a free 304 for it); then it is taken as closed, so that the list
 * holds the PRs being judged, as in a repository whose hotfixes do not pile up.
 */
async function runLoop(
  app: RunningApp,
  github: FakeGitHub,
  deliveries: Prepared[],
  concurrency: number,
): Promise<{ sentAt: Map<string, number>; failed: number }> {
  const sentAt = new Map<string, number>();
  let next = 0;
  let failed = 0;
  const client = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      sentAt.set(delivery.sha, performance.now());
      github.repos.pulls.set(delivery.key, delivery.pull);
      const reply = await postRaw(`${app.url}/api/github/webhooks`, delivery.body, {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": `bench-${delivery.sha}`,
        "x-hub-signature-256": delivery.signature,
      }).catch(() => ({ status: 0 }));
      github.repos.pulls.delete(delivery.key);
      if (reply.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { sentAt, failed };
}

function summarize(
  github: FakeGitHub,
  measured: Prepared[],
  sentAt: Map<string, number>,
  started: number,
  firstRequest: number,
  failed: number,
  rssBytes: number,
): Omit<LoadResult, "cpuMsPerEvaluation"> {
  const requests = github.requests.slice(firstRequest);
  const checks = requests.filter(
    (r) => r.method === "POST" && r.path.endsWith("/check-runs") && sentAt.has(r.body?.head_sha),
  );
  const latencies = checks.map((r) => r.at - sentAt.get(r.body.head_sha)!);
  const lastCheck = Math.max(...checks.map((r) => r.at));
  const conclusions: Record<string, number> = {};
  for (const check of checks) conclusions[check.body.conclusion] = (conclusions[check.body.conclusion] ?? 0) + 1;
  // GitHub does not count the installation token call, nor a 304 to a conditional request.
  const rateLimited = requests.filter(
    (r) => !(r.method === "POST" && r.path.endsWith("/access_tokens")) && r.answered !== 304,
  );
  return {
    evaluations: checks.length,
    apiCallsPerEvaluation: rateLimited.length / measured.length,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    perSecond: checks.length / ((lastCheck - started) / 1000),
    rssBytes,
    failed: failed + (measured.length - checks.length),
    conclusions,
  };
}
