import { Writable } from "node:stream";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/index.js";
import type { TicketTrackers } from "../../src/core/ticket-facts.js";
import { createTicketTrackers } from "../../src/trackers/create-ticket-trackers.js";
import { GOOD_BODY } from "../../support/build-change.js";
import { loadWebhook } from "../../support/webhooks.js";
import {
  API,
  captureCheckRuns,
  expectAllMocksDone,
  mockFiles,
  mockOpenPulls,
  mockPullUnchanged,
  mockSettings,
} from "../helpers/github-nock.js";
import { FIXED_NOW, TEST_APP_ID, TestOctokit } from "../helpers/probot.js";
import { type FakeJira, startFakeJira } from "../trackers/fake-jira.js";
import { type FakeLinear, startFakeLinear } from "../trackers/fake-linear.js";

const REPO = "Codertocat/Hello-World";
const EMAIL = "spo-bot@example.com";
const API_TOKEN = "ATATT3xFfGF0-app-level-jira-token";
const BASIC = Buffer.from(`${EMAIL}:${API_TOKEN}`).toString("base64");
const LINEAR_KEY = "lin_api_app-level-linear-key-0042";

const GOOD_FILES = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+t",
  },
];

/** The real `pull_request.opened` delivery as a hotfix for `key` (in the title and branch name). */
function hotfixOpened(key = "SHOP-42") {
  const payload = loadWebhook("pull_request.opened");
  payload.pull_request.head.ref = `hotfix/${key}-discount-total`;
  payload.pull_request.base.ref = "main";
  payload.pull_request.title = `${key}: fix discount total on checkout`;
  payload.pull_request.body = GOOD_BODY;
  payload.pull_request.changed_files = 2;
  return payload;
}

let fakes: Array<FakeJira | FakeLinear> = [];
afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

async function jira(): Promise<FakeJira> {
  const fake = await startFakeJira({ kind: "cloud", email: EMAIL, apiToken: API_TOKEN });
  fake.issues.set("SHOP-42", { status: "Done", category: "done", type: "Bug" });
  fakes.push(fake);
  return fake;
}

function jiraTrackers(fake: FakeJira, apiToken = API_TOKEN): TicketTrackers {
  return createTicketTrackers(
    { jira: { baseUrl: fake.url, auth: { kind: "cloud", email: EMAIL, apiToken } } },
    { timeoutMs: 300 },
  );
}

/** Receives `payload` with a real Probot running the App; returns everything it logged, at trace level. */
async function receive(payload: unknown, trackers: TicketTrackers | undefined): Promise<string> {
  let logs = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  const probot = new Probot({ githubToken: "test", log: pino({ level: "trace" }, stream), Octokit: TestOctokit });
  probot.load(createApp({ now: () => FIXED_NOW, appId: TEST_APP_ID, ...(trackers ? { trackers } : {}) }));
  await probot.receive({ id: "delivery-1", name: "pull_request", payload } as never);
  return logs;
}

/**
 * The free re-read of the PR (304), config (and the org file), files, one check: what a hotfix
 * evaluation asks GitHub; the ticket costs no GitHub call. A passing verdict also lists the open
 * PRs of its head commit (none shares it).
 */
function mockGitHub(config: string, verdict: "fails" | "passes" = "fails") {
  const scope = nock(API);
  mockPullUnchanged(scope, REPO, 2);
  mockSettings(scope, { config });
  mockFiles(scope, REPO, 2, GOOD_FILES);
  if (verdict === "passes") mockOpenPulls(scope, REPO);
  return captureCheckRuns(scope, REPO);
}

const JIRA_CONFIG = "ticket:\n  verify: true\n  tracker: jira\n";

describe("ticket.tracker: jira with ticket.verify", () => {
  it("refuses a closed Jira key, with a message a developer can act on", async () => {
    const fake = await jira();
    const checks = mockGitHub(JIRA_CONFIG);

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /rest/api/3/issue/SHOP-42?fields=status,issuetype",
    ]);
    expect(fake.requests[0]!.headers.authorization).toBe(`Basic ${BASIC}`);
    const [check] = checks;
    expect(check).toMatchObject({ name: "single-patch-order", status: "completed", conclusion: "failure" });
    expect(check!.output.title).toBe(
      "1 rule fails: Ticket SHOP-42 is Done in Jira (status category done): a hotfix must fix an open ticket.",
    );
    await expect(check!.output.summary).toMatchFileSnapshot("./__snapshots__/jira-closed-ticket.summary.md");
  });

  it("refuses an unknown Jira key", async () => {
    const fake = await jira();
    fake.issues.clear();
    const checks = mockGitHub(JIRA_CONFIG);

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(fake.requests).toHaveLength(1);
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe("1 rule fails: Ticket SHOP-42 does not exist in Jira.");
    await expect(checks[0]!.output.summary).toMatchFileSnapshot("./__snapshots__/jira-unknown-ticket.summary.md");
  });

  it("passes an open Jira issue of an allowed type", async () => {
    const fake = await jira();
    fake.issues.set("SHOP-42", { status: "In Progress", category: "indeterminate", type: "Incident" });
    const checks = mockGitHub(`${JIRA_CONFIG}  types: [Bug, Incident]\n`, "passes");

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("success");
    expect(checks[0]!.output.summary).toContain(
      "| Ticket state | `In Progress` in Jira (status category `indeterminate`) |",
    );
    expect(checks[0]!.output.summary).toContain("| Ticket type | `Incident` |");
  });

  it("fails, saying so, when the App is not configured for Jira: never a silent pass", async () => {
    const checks = mockGitHub(JIRA_CONFIG);

    await receive(hotfixOpened(), undefined);

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toBe(
      "1 rule fails: Ticket SHOP-42 could not be verified: this App is not configured for Jira (ticket.tracker: jira).",
    );
  });

  it("only warns when Jira times out and ticket.onTrackerError is warn", async () => {
    const fake = await jira();
    fake.script({ status: 200, hang: true });
    const checks = mockGitHub(`${JIRA_CONFIG}  onTrackerError: warn\n`, "passes");

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("success");
    expect(checks[0]!.output.summary).toContain(
      "| ⚠️ | `linked-ticket` | warn | Ticket `SHOP-42` could not be verified: Jira did not answer in time (no answer within 300 ms). Not blocking: `ticket.onTrackerError` is `warn`. |",
    );
  });

  it("fails when Jira times out and ticket.onTrackerError is fail (the default), saying how to retry", async () => {
    const fake = await jira();
    fake.script({ status: 200, hang: true });
    const checks = mockGitHub(JIRA_CONFIG);

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.summary).toContain(
      "Re-run the check (`/spo recheck`, or Re-run in the Checks tab) in a minute",
    );
  });

  it("refuses a repository config that points the tracker at a host of its own, and asks no tracker", async () => {
    const fake = await jira();
    const scope = nock(API);
    mockPullUnchanged(scope, REPO, 2);
    mockSettings(scope, { config: `${JIRA_CONFIG}  url: http://127.0.0.1:1/steal\n` });
    // The gate lists no files on a config error; the config check does, to see whether the PR changes it.
    mockFiles(scope, REPO, 2, GOOD_FILES);
    const checks = captureCheckRuns(scope, REPO);

    await receive(hotfixOpened(), jiraTrackers(fake));

    expectAllMocksDone();
    expect(fake.requests).toEqual([]);
    expect(checks[0]!.conclusion).toBe("failure");
    expect(checks[0]!.output.title).toMatch(/^Invalid config/);
    expect(checks[0]!.output.summary).toContain(
      "ticket: unknown key \"url\"; hosts and credentials are the server's, never the repository's",
    );
  });

  it("never logs or reports the Jira credentials, through refusals, errors and time-outs", async () => {
    const fake = await jira();
    fake.script(
      { status: 500, body: { errorMessages: ["boom"] } },
      { status: 429, headers: { "retry-after": "30" }, body: "" },
      { status: 200, hang: true },
    );
    const bodies: string[] = [];
    let logs = "";
    for (const apiToken of [API_TOKEN, API_TOKEN, API_TOKEN, `${API_TOKEN}-revoked`]) {
      const checks = mockGitHub(JIRA_CONFIG);
      logs += await receive(hotfixOpened(), jiraTrackers(fake, apiToken));
      bodies.push(JSON.stringify(checks));
    }

    expectAllMocksDone();
    expect(fake.requests).toHaveLength(4);
    expect(bodies.map((body) => JSON.parse(body)[0].output.title)).toEqual([
      "1 rule fails: Ticket SHOP-42 could not be verified: Jira could not be reached (HTTP 500).",
      "1 rule fails: Ticket SHOP-42 could not be verified: Jira is rate-limiting the App (it asks to wait 30 s).",
      "1 rule fails: Ticket SHOP-42 could not be verified: Jira did not answer in time (no answer within 300 ms).",
      "1 rule fails: Ticket SHOP-42 could not be verified: Jira refused the App's credentials (HTTP 401).",
    ]);
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [API_TOKEN, BASIC, Buffer.from(`${EMAIL}:${API_TOKEN}-revoked`).toString("base64")]) {
      expect(logs).not.toContain(secret);
      expect(bodies.join("\n")).not.toContain(secret);
    }
  });
});

describe("ticket.tracker: linear with ticket.verify", () => {
  it("refuses a canceled Linear issue and passes a started one, sending the key without Bearer", async () => {
    const fake = await startFakeLinear(LINEAR_KEY);
    fakes.push(fake);
    fake.issues.set("SHOP-42", { state: "Canceled", type: "canceled", labels: ["Bug"] });
    const trackers = createTicketTrackers({ linear: { url: fake.url, apiKey: LINEAR_KEY } });
    const config = "ticket:\n  verify: true\n  tracker: linear\n";

    const refused = mockGitHub(config);
    await receive(hotfixOpened(), trackers);
    expect(refused[0]!.output.title).toBe(
      "1 rule fails: Ticket SHOP-42 is Canceled in Linear (state type canceled): a hotfix must fix an open ticket.",
    );

    fake.issues.set("SHOP-43", { state: "In Progress", type: "started", labels: [] });
    const passed = mockGitHub(config, "passes");
    const logs = await receive(hotfixOpened("SHOP-43"), trackers);

    expectAllMocksDone();
    expect(passed[0]!.conclusion).toBe("success");
    expect(passed[0]!.output.summary).toContain("| ✅ | `linked-ticket` |");
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([LINEAR_KEY, LINEAR_KEY]);
    expect(logs).not.toContain(LINEAR_KEY);
  });
});
