import nock from "nock";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import type { EvidenceRecord } from "../../src/core/evidence/evidence-record.js";
import { renderEvidenceOutput } from "../../src/render/evidence-output.js";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { runSpo } from "../helpers/run-cli.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const REPO = "octo/shop";
const sha = (c: string) => c.repeat(40);
const [S1, S2, S3, S4, S5] = ["1", "2", "3", "4", "5"].map(sha) as [string, string, string, string, string];

/** An `evidence/v1` record of an approval, as the App writes it. */
function record(overrides: Partial<EvidenceRecord> & { sha: string }): EvidenceRecord {
  return {
    schema: "evidence/v1",
    repository: REPO,
    environment: "production",
    decision: "approved",
    reason: "Canary baked 30 minutes with no failure since.",
    source: "protection-rule",
    deploymentId: null,
    pullRequest: null,
    ticket: null,
    gate: { conclusion: "success", rules: [{ rule: "rollback-plan", verdict: "pass" }] },
    override: null,
    canary: null,
    timeline: { prOpened: null, merged: null, canary: null, productionDecision: "2026-11-01T00:00:00Z" },
    ...overrides,
  };
}

function pull(number: number, reviewers: string[], opened: string) {
  return { number, author: "dev-ana", mergedBy: "lead", mergedAt: opened, approvingReviewers: reviewers };
}

function canary(id: number, succeeded: string, bakedMinutes: number) {
  return { id, environment: "canary", started: succeeded, succeeded, bakedMinutes };
}

/** S1: approved after a rejection (a re-run), PR opened 24 h before, canary 60 min, reviewed by bob. */
const A1_REJECTED = record({
  sha: S1,
  decision: "rejected",
  deploymentId: 101,
  reason: "Canary of 1111111 is still baking.",
  pullRequest: pull(1, ["bob"], "2026-11-02T10:00:00Z"),
  ticket: "SHOP-1",
  canary: canary(201, "2026-11-03T09:00:00Z", 20),
  timeline: {
    prOpened: "2026-11-02T10:00:00Z",
    merged: "2026-11-02T10:00:00Z",
    canary: "2026-11-03T09:00:00Z",
    productionDecision: "2026-11-03T09:20:00Z",
  },
});
const A1 = record({
  sha: S1,
  deploymentId: 101,
  pullRequest: pull(1, ["bob"], "2026-11-02T10:00:00Z"),
  ticket: "SHOP-1",
  canary: canary(201, "2026-11-03T09:00:00Z", 60),
  timeline: {
    prOpened: "2026-11-02T10:00:00Z",
    merged: "2026-11-02T10:00:00Z",
    canary: "2026-11-03T09:00:00Z",
    productionDecision: "2026-11-03T10:00:00Z",
  },
});
/** S2: overridden, 4 h to production, 30 min in canary; a canary failed before (change failure). */
const A2 = record({
  sha: S2,
  deploymentId: 102,
  pullRequest: pull(2, ["carol"], "2026-11-10T06:00:00Z"),
  ticket: "SHOP-2",
  gate: { conclusion: "success", rules: [{ rule: "rollback-plan", verdict: "fail" }] },
  override: { by: "lead", reason: '=HYPERLINK("x") INC-9, down', at: "2026-11-10T07:00:00Z" },
  canary: canary(203, "2026-11-10T09:30:00Z", 30),
  timeline: {
    prOpened: "2026-11-10T06:00:00Z",
    merged: "2026-11-10T07:00:00Z",
    canary: "2026-11-10T09:30:00Z",
    productionDecision: "2026-11-10T10:00:00Z",
  },
});
/** S4: 2 h to production, no canary, no approving review; production failed afterwards (a rollback). */
const A4 = record({
  sha: S4,
  deploymentId: 104,
  pullRequest: pull(4, [], "2026-11-20T08:00:00Z"),
  ticket: "SHOP-4",
  timeline: {
    prOpened: "2026-11-20T08:00:00Z",
    merged: "2026-11-20T09:00:00Z",
    canary: null,
    productionDecision: "2026-11-20T10:00:00Z",
  },
});
/** S5: a gate-endpoint rejection, never deployed. */
const R5 = record({
  sha: S5,
  decision: "rejected",
  source: "gate-endpoint",
  reason: "S5 has not been deployed to canary.",
  pullRequest: pull(5, ["bob"], "2026-11-24T10:00:00Z"),
  timeline: {
    prOpened: "2026-11-24T10:00:00Z",
    merged: null,
    canary: null,
    productionDecision: "2026-11-25T10:00:00Z",
  },
});

type Run = { id: number; record: EvidenceRecord; slug?: string };

function evidenceRun(run: Run, commit: string) {
  return {
    id: run.id,
    name: "single-patch-order/evidence",
    head_sha: commit,
    status: "completed",
    conclusion: run.record.decision === "approved" ? "success" : "neutral",
    html_url: `https://github.com/${REPO}/runs/${run.id}`,
    app: { id: run.slug ? 666 : 1, slug: run.slug ?? "single-patch-order" },
    output: { title: "…", summary: "…", text: renderEvidenceOutput(run.record).text },
  };
}

interface Scenario {
  production: Array<{ id: number; sha: string; created: string; statuses: Array<[string, string]> }>;
  merged: string[];
  runs: Record<string, Run[]>;
  /** Per approved commit: its canary deployments (id → statuses). */
  canaries: Record<string, Array<{ id: number; statuses: Array<[string, string]> }>>;
}

function mockGitHub(scope: nock.Scope, s: Scenario) {
  scope.get(`/repos/${REPO}`).reply(200, { full_name: REPO, default_branch: "main" });
  mockSettings(scope, {}, REPO);
  scope
    .get(`/repos/${REPO}/deployments`)
    .query({ environment: "production", per_page: "100", page: "1" })
    .reply(
      200,
      [...s.production].reverse().map((d) => ({
        id: d.id,
        sha: d.sha,
        environment: "production",
        created_at: d.created,
        creator: { login: "github-actions[bot]" },
      })),
    );
  for (const d of s.production) mockStatuses(scope, d.id, d.statuses);
  scope
    .get(`/repos/${REPO}/pulls`)
    .query({ state: "closed", sort: "updated", direction: "desc", per_page: "100", page: "1" })
    .reply(
      200,
      s.merged.map((commit, i) => ({
        number: i + 1,
        title: "fix",
        body: "",
        labels: [],
        head: { ref: "hotfix/x" },
        base: { ref: "main" },
        merge_commit_sha: commit,
        merged_at: "2026-11-15T00:00:00Z",
        created_at: "2026-11-14T00:00:00Z",
        updated_at: "2026-11-15T00:00:00Z",
        html_url: "https://github.com/x",
      })),
    );
  for (const [commit, runs] of Object.entries(s.runs))
    scope
      .get(`/repos/${REPO}/commits/${commit}/check-runs`)
      .query({ check_name: "single-patch-order/evidence", filter: "all", per_page: "100", page: "1" })
      .reply(200, { total_count: runs.length, check_runs: runs.map((run) => evidenceRun(run, commit)) });
  for (const [commit, deployments] of Object.entries(s.canaries)) {
    scope
      .get(`/repos/${REPO}/deployments`)
      .query({ sha: commit, per_page: "100" })
      .reply(
        200,
        deployments.map((d) => ({
          id: d.id,
          sha: commit,
          environment: "canary",
          creator: { login: "github-actions[bot]" },
        })),
      );
    for (const d of deployments) mockStatuses(scope, d.id, d.statuses);
  }
}

function mockStatuses(scope: nock.Scope, id: number, statuses: Array<[string, string]>) {
  scope
    .get(`/repos/${REPO}/deployments/${id}/statuses`)
    .query({ per_page: "100" })
    .reply(
      200,
      [...statuses]
        .reverse()
        .map(([state, at]) => ({ state, created_at: at, creator: { login: "github-actions[bot]" } })),
    );
}

/** The hand-counted month: 3 production hotfixes, 1 bypass, 1 gate rejection, 2 forged runs. */
const NOVEMBER: Scenario = {
  production: [
    { id: 101, sha: S1, created: "2026-11-03T09:10:00Z", statuses: [["success", "2026-11-03T10:05:00Z"]] },
    { id: 102, sha: S2, created: "2026-11-10T09:59:00Z", statuses: [["success", "2026-11-10T10:01:00Z"]] },
    { id: 103, sha: S3, created: "2026-11-12T10:00:00Z", statuses: [["success", "2026-11-12T10:02:00Z"]] },
    {
      id: 104,
      sha: S4,
      created: "2026-11-20T09:59:00Z",
      statuses: [
        ["success", "2026-11-20T10:01:00Z"],
        ["failure", "2026-11-20T12:00:00Z"],
      ],
    },
  ],
  merged: [S1, S2, S4, S5],
  runs: {
    [S1]: [
      { id: 11, record: A1_REJECTED },
      { id: 12, record: A1 },
      // A forged approval with an override, written by another App under the same check name.
      {
        id: 13,
        record: { ...A1, override: { by: "mallory", reason: "forged", at: "2026-11-03T10:00:00Z" } },
        slug: "evil-app",
      },
    ],
    [S2]: [{ id: 21, record: A2 }],
    // Another App's approval of the bypassed deployment: not believed, so the bypass stands.
    [S3]: [{ id: 31, record: record({ sha: S3, deploymentId: 103 }), slug: "evil-app" }],
    [S4]: [{ id: 41, record: A4 }],
    [S5]: [{ id: 51, record: R5 }],
  },
  canaries: {
    [S1]: [{ id: 201, statuses: [["success", "2026-11-03T09:00:00Z"]] }],
    [S2]: [
      { id: 202, statuses: [["failure", "2026-11-10T08:00:00Z"]] },
      { id: 203, statuses: [["success", "2026-11-10T09:30:00Z"]] },
    ],
    [S4]: [],
  },
};

function spo(args: string[], env: Record<string, string> = { GITHUB_TOKEN: "test" }) {
  return runSpo(["evidence", "--repo", REPO, ...args], { cwd: tmpdir(), env, Octokit: TestOctokit });
}

const RANGE = ["--since", "2026-11-01", "--until", "2026-11-30"];

describe("spo evidence", () => {
  it("--format jsonl: one line per decision with its untouched record, and the bypass; forged runs are ignored", async () => {
    mockGitHub(nock(API), NOVEMBER);

    const result = await spo([...RANGE, "--format", "jsonl"]);

    expectAllMocksDone();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toStrictEqual([
      {
        kind: "decision",
        exceptions: [],
        checkRun: { id: 11, url: `https://github.com/${REPO}/runs/11` },
        record: A1_REJECTED,
      },
      { kind: "decision", exceptions: [], checkRun: { id: 12, url: `https://github.com/${REPO}/runs/12` }, record: A1 },
      {
        kind: "decision",
        exceptions: ["override"],
        checkRun: { id: 21, url: `https://github.com/${REPO}/runs/21` },
        record: A2,
      },
      {
        kind: "decision",
        exceptions: ["no-canary", "no-approving-review"],
        checkRun: { id: 41, url: `https://github.com/${REPO}/runs/41` },
        record: A4,
      },
      { kind: "decision", exceptions: [], checkRun: { id: 51, url: `https://github.com/${REPO}/runs/51` }, record: R5 },
      {
        kind: "bypass",
        exceptions: ["admin-bypass"],
        deployment: {
          id: 103,
          sha: S3,
          environment: "production",
          createdAt: "2026-11-12T10:00:00Z",
          creator: "github-actions[bot]",
          succeededAt: "2026-11-12T10:02:00Z",
        },
      },
    ]);
  });

  it("--format csv: the header and one row per decision, cells quoted and defused for spreadsheets", async () => {
    mockGitHub(nock(API), NOVEMBER);

    const result = await spo([...RANGE, "--format", "csv"]);

    expectAllMocksDone();
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\r\n");
    expect(lines[0]).toBe(
      "decided_at,repository,sha,environment,decision,source,deployment_id,pr,author,merged_by,merged_at,approving_reviewers,ticket,gate,failing_rules,override_by,override_reason,override_at,canary_deployment,canary_succeeded,baked_minutes,pr_opened,exceptions,check_run,reason",
    );
    expect(lines[2]).toBe(
      `2026-11-03T10:00:00Z,${REPO},${S1},production,approved,protection-rule,101,1,dev-ana,lead,2026-11-02T10:00:00Z,bob,SHOP-1,success,,,,,201,2026-11-03T09:00:00Z,60,2026-11-02T10:00:00Z,,https://github.com/${REPO}/runs/12,Canary baked 30 minutes with no failure since.`,
    );
    expect(lines[3]).toBe(
      `2026-11-10T10:00:00Z,${REPO},${S2},production,approved,protection-rule,102,2,dev-ana,lead,2026-11-10T06:00:00Z,carol,SHOP-2,success,rollback-plan,lead,"'=HYPERLINK(""x"") INC-9, down",2026-11-10T07:00:00Z,203,2026-11-10T09:30:00Z,30,2026-11-10T06:00:00Z,override,https://github.com/${REPO}/runs/21,Canary baked 30 minutes with no failure since.`,
    );
    expect(lines[6]).toBe(
      `2026-11-12T10:02:00Z,,${S3},production,none,,103,,,,,,,,,,,,,,,,admin-bypass,,production deployment 103 reached success with no approval by the App (created by github-actions[bot])`,
    );
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe("");
  });

  it("--format markdown (the default): a table and the count of rows with exceptions", async () => {
    mockGitHub(nock(API), NOVEMBER);

    const result = await spo(RANGE);

    expectAllMocksDone();
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe(
      "| Decided | Commit | Environment | Decision | PR | Ticket | Approved by | Override | Canary | Exceptions |",
    );
    expect(lines[4]).toBe(
      '| 2026-11-10T10:00:00Z | `2222222` | `production` | ✅ approved | #2 | `SHOP-2` | `carol` | `lead`: =HYPERLINK("x") INC-9, down | 30 min | override |',
    );
    expect(lines[7]).toBe(
      "| 2026-11-12T10:02:00Z | `3333333` | `production` | ⚠️ no approval | — | — | — | — | — | admin-bypass |",
    );
    expect(result.stdout).toContain("\n3 of 6 rows have exceptions.\n");
  });

  it("--summary: the numbers of the hand count", async () => {
    mockGitHub(nock(API), NOVEMBER);

    const result = await spo([...RANGE, "--summary"]);

    expectAllMocksDone();
    expect(result.code).toBe(1);
    // Lead times 24 h, 4 h, 2 h; canary 60 and 30 min; S2 had a failed canary, S4 a failed production (rollback); S2 overridden.
    expect(result.stdout).toBe(
      [
        "Production hotfixes from 2026-11-01T00:00:00Z until 2026-12-01T00:00:00Z: 3",
        "Time to production (PR opened → production approval): median 4 h, p90 24 h (3)",
        "Time in canary (canary success → production approval): median 45 min, p90 60 min (2)",
        "Change failure rate (failed canary or rollback): 66.7% (2 of 3)",
        "Override rate: 33.3% (1 of 3)",
        "Exceptions: 3 of 6 rows (override 1, no-canary 1, no-approving-review 1, admin-bypass 1); run without --summary to list them",
        "",
        "Median time to production per week:",
        `  2026-W45  ${"█".repeat(30)} 24 h (1)`,
        `  2026-W46  ${"█".repeat(5)} 4 h (1)`,
        `  2026-W47  ${"█".repeat(3)} 2 h (1)`,
        "",
      ].join("\n"),
    );
  });

  it("exits 0 when the range has no exception", async () => {
    const scenario: Scenario = {
      production: [NOVEMBER.production[0]!],
      merged: [S1],
      runs: { [S1]: [{ id: 12, record: A1 }] },
      canaries: { [S1]: NOVEMBER.canaries[S1]! },
    };
    mockGitHub(nock(API), scenario);

    const result = await spo([...RANGE, "--format", "jsonl"]);

    expectAllMocksDone();
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(1);
  });

  it("reads only decisions in the range: --until a day includes that day", async () => {
    const scenario: Scenario = {
      production: NOVEMBER.production.slice(0, 1),
      merged: [],
      runs: { [S1]: NOVEMBER.runs[S1]! },
      canaries: { [S1]: NOVEMBER.canaries[S1]! },
    };
    mockGitHub(nock(API), scenario);

    const result = await spo(["--since", "2026-11-03T09:30:00Z", "--until", "2026-11-02", "--format", "jsonl"]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--until must be after --since");
    nock.cleanAll();
    mockGitHub(nock(API), scenario);
    const late = await spo(["--since", "2026-11-03T09:30:00Z", "--until", "2026-11-03", "--format", "jsonl"]);
    expect(late.stderr).toBe("");
    expectAllMocksDone();
    expect(late.code).toBe(0);
    expect(
      late.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).checkRun.id),
    ).toEqual([12]);
  });

  it("exits 2 with one clear line and no stack trace when GitHub refuses the token", async () => {
    nock(API).get(`/repos/${REPO}`).reply(401, { message: "Bad credentials" });

    const result = await spo(RANGE, { GITHUB_TOKEN: "expired" });

    expectAllMocksDone();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `spo evidence: GitHub refused the token (401 Bad credentials) at ${API}: set GITHUB_TOKEN to a valid token that can read ${REPO}.\n`,
    );
  });

  it("works against GitHub Enterprise Server through GITHUB_API_URL", async () => {
    const ghes = "https://ghe.example.com/api/v3";
    nock(ghes).get(`/repos/${REPO}`).reply(404, { message: "Not Found" });

    const result = await spo(RANGE, { GITHUB_TOKEN: "t", GITHUB_API_URL: `${ghes}/` });

    expectAllMocksDone();
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`spo evidence: ${REPO} was not found at ${ghes}/, or the token cannot read it (404).\n`);
  });

  it("exits 2 on usage errors: no token, no --since, a bad date or format", async () => {
    expect((await spo(RANGE, {})).code).toBe(2);
    expect((await spo([])).stderr).toContain("--since <date> is required");
    expect((await spo(["--since", "last week"])).stderr).toContain("--since expects a date");
    expect((await spo([...RANGE, "--format", "pdf"])).stderr).toContain("--format must be one of markdown, csv, jsonl");
    expect((await runSpo(["evidence", "--help"], { cwd: tmpdir() })).stdout).toContain("admin-bypass");
  });
});
