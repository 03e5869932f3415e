import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildOnce } from "./build-once.js";
import { describeCalls, isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";
import { pullRequestEvent } from "../../support/payloads.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { startFakeGitHub } from "../../support/fake-github.js";
import { startApp } from "../../support/start-app.js";
import { type FakeJira, startFakeJira } from "../trackers/fake-jira.js";

const EMAIL = "spo-e2e@example.com";
const API_TOKEN = "ATATT3xFfGF0-e2e-jira-token-7c1d";
const BASIC = Buffer.from(`${EMAIL}:${API_TOKEN}`).toString("base64");

let harness: Harness | undefined;
let jira: FakeJira | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  await jira?.close();
  harness = jira = undefined;
});

describe("the built App with Jira (JIRA_URL, JIRA_EMAIL, JIRA_API_TOKEN)", () => {
  it("refuses a closed Jira key, asks Jira once for two deliveries (the cache), and never logs the credentials at trace", async () => {
    jira = await startFakeJira({ kind: "cloud", email: EMAIL, apiToken: API_TOKEN });
    jira.issues.set("SHOP-42", { status: "Closed", category: "done", type: "Bug" });
    harness = await startHarness({
      LOG_LEVEL: "trace",
      JIRA_URL: jira.url,
      JIRA_EMAIL: EMAIL,
      JIRA_API_TOKEN: API_TOKEN,
    });
    const { github, app } = harness;
    github.repos.configs.set(REPO, "ticket:\n  verify: true\n  tracker: jira\n");

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 5 }), id: "d-1" });
    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent({ installationId: 5 }), id: "d-2" });
    await github.waitFor(isCheckRunPost, { count: 2 });
    await app.stop();

    // Per delivery: the free re-read of the PR runs alongside the config reads (the repository's
    // file, then the org file for its floor), so those three may come in any order; then files and
    // the check. The ticket costs no GitHub call.
    const calls = describeCalls(github.requests).filter((call) => !call.includes("access_tokens"));
    const perDelivery = [calls.slice(0, 5), calls.slice(5)].map((d) => [...d.slice(0, 3).sort(), ...d.slice(3)]);
    const oneDelivery = [
      "GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml",
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/pulls/2/files?per_page=100&page=1`,
      `POST /repos/${REPO}/check-runs`,
    ];
    expect(perDelivery).toEqual([oneDelivery, oneDelivery]);
    expect(github.requests.filter((r) => r.path === `/repos/${REPO}/pulls/2`).map((r) => r.answered)).toEqual([
      304, 304,
    ]);
    expect(jira.requests.map((r) => r.path)).toEqual(["/rest/api/3/issue/SHOP-42?fields=status,issuetype"]);
    const checks = github.requests.filter(isCheckRunPost).map((r) => r.body);
    for (const check of checks)
      expect(check).toMatchObject({
        conclusion: "failure",
        output: {
          title:
            "1 rule fails: Ticket SHOP-42 is Closed in Jira (status category done): a hotfix must fix an open ticket.",
        },
      });
    const output = app.output();
    expect(output.length).toBeGreaterThan(2_000);
    for (const secret of [API_TOKEN, BASIC]) {
      expect(output).not.toContain(secret);
      expect(JSON.stringify(checks)).not.toContain(secret);
    }
  });

  it("refuses to start with JIRA_URL over plain http to another host, naming the variable", async () => {
    const github = await startFakeGitHub();
    try {
      const failure = await startApp(github.host, {
        JIRA_URL: "http://jira.example.com",
        JIRA_TOKEN: "dc-token-never-printed",
      }).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/the App exited before serving/);
      expect(failure).toContain("JIRA_URL must be an https:// address (http only for localhost)");
      expect(failure).not.toContain("dc-token-never-printed");
    } finally {
      await github.close();
    }
  });
});
