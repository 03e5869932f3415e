import nock from "nock";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { loadWebhook } from "../../support/webhooks.js";
import { GOOD_BODY } from "../../support/build-change.js";
import { API, expectAllMocksDone, mockFiles, mockSettings } from "../helpers/github-nock.js";
import { runSpo, type JsonReport } from "../helpers/run-cli.js";
import { TestOctokit } from "../helpers/token-octokit.js";
import { startFakeLinear } from "../trackers/fake-linear.js";

const REPO = "Codertocat/Hello-World";

/** What `pulls.get` answers: the PR of the recorded `pull_request.opened` delivery, as a hotfix. */
function hotfixPullRequest() {
  const pr = loadWebhook("pull_request.opened").pull_request;
  return {
    ...pr,
    head: { ...pr.head, ref: "hotfix/SHOP-42-discount-total" },
    base: { ...pr.base, ref: "main" },
    title: "SHOP-42: fix discount total",
    body: GOOD_BODY,
    changed_files: 2,
  };
}

const GOOD_FILES = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+test",
  },
];

function spo(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "test" }) {
  return runSpo(["check", "--pr", ...args], { cwd: tmpdir(), env, Octokit: TestOctokit });
}

describe("spo check --pr", () => {
  it("judges the pull request as the App would, and writes nothing to GitHub", async () => {
    const scope = nock(API);
    scope.get(`/repos/${REPO}/pulls/2`).reply(200, hotfixPullRequest());
    mockSettings(scope, { config: "scope:\n  maxFiles: 10\n" });
    mockFiles(scope, REPO, 2, GOOD_FILES);

    const result = await spo([`${REPO}#2`, "--format", "json"]);

    expectAllMocksDone();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `spo: dry run for ${REPO}#2 at ec26c3e with config ${REPO}/.github/single-patch-order.yml@master; nothing was written to GitHub.\n`,
    );
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.conclusion).toBe("success");
    expect(report.rules.find((r) => r.id === "change-size")?.message).toContain("limit 10");
  });

  it("takes a pull request URL, and GITHUB_API_URL for GitHub Enterprise Server", async () => {
    const ghe = "https://ghe.example.com/api/v3";
    const scope = nock(ghe);
    scope.get(`/repos/${REPO}/pulls/2`).reply(200, { ...hotfixPullRequest(), title: "SHOP-42: fix", body: "" });
    mockSettings(scope);
    mockFiles(scope, REPO, 2, GOOD_FILES);

    const result = await spo([`https://ghe.example.com/${REPO}/pull/2`], {
      GITHUB_TOKEN: "test",
      GITHUB_API_URL: `${ghe}/`,
    });

    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}/);
    expect(result.stdout).toMatch(/^ {2}FAIL {2}problem-statement /m);
  });

  it("fails with exit 2, GitHub's answer and its request id when GitHub keeps failing", async () => {
    nock(API)
      .get(`/repos/${REPO}/pulls/2`)
      .times(4)
      .reply(502, { message: "Server Error" }, { "x-github-request-id": "ABCD:1" });

    const result = await spo([`${REPO}#2`]);

    expectAllMocksDone();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Could not evaluate: GitHub answered 502 while reading pull request #2");
    expect(result.stderr).toContain("GitHub request id: ABCD:1");
  });

  it("needs GITHUB_TOKEN and a pull request reference", async () => {
    const noToken = await spo([`${REPO}#2`], {});
    const badRef = await spo(["Hello-World#2"]);

    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("set GITHUB_TOKEN");
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toContain('--pr expects owner/repo#123 or a pull request URL, got "Hello-World#2"');
  });

  it("verifies a Linear ticket with LINEAR_API_KEY and LINEAR_API_URL, the App's variables", async () => {
    const key = "lin_api_cli-key-5d6e7f";
    const linear = await startFakeLinear(key);
    try {
      linear.issues.set("SHOP-42", { state: "Todo", type: "unstarted", labels: ["Bug"] });
      const scope = nock(API);
      scope.get(`/repos/${REPO}/pulls/2`).reply(200, hotfixPullRequest());
      mockSettings(scope, { config: "ticket:\n  verify: true\n  tracker: linear\n  types: [Incident]\n" });
      mockFiles(scope, REPO, 2, GOOD_FILES);

      const result = await spo([`${REPO}#2`, "--format", "json"], {
        GITHUB_TOKEN: "test",
        LINEAR_API_KEY: key,
        LINEAR_API_URL: linear.url,
      });

      expectAllMocksDone();
      expect(linear.requests.map((r) => r.headers.authorization)).toEqual([key]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.rules.find((r) => r.id === "linked-ticket")).toMatchObject({
        verdict: "fail",
        message: "Ticket `SHOP-42` has none of the labels `Incident` (`ticket.types`).",
      });
      expect(result.stdout + result.stderr).not.toContain(key);
    } finally {
      await linear.close();
    }
  });

  it("refuses tracker variables set wrongly with exit 2, naming the variable", async () => {
    const result = await spo([`${REPO}#2`], { GITHUB_TOKEN: "test", LINEAR_API_URL: "https://api.linear.app/graphql" });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("LINEAR_API_URL is set without LINEAR_API_KEY");
  });
});
