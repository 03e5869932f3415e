import type nock from "nock";

/** A commit as the commits endpoints answer it (the fields the App reads). */
export interface CommitFixture {
  sha: string;
  message: string;
  /** ISO author (and committer) date. */
  date?: string;
}

/** A pull request as `pulls.list` answers it. */
export interface PullFixture {
  number: number;
  title: string;
  body?: string;
  head: string;
  base: string;
  labels?: string[];
  merge_commit_sha?: string | null;
  merged_at?: string | null;
  updated_at?: string;
  created_at?: string;
}

export function toCommit(c: CommitFixture, parents = 1) {
  const date = c.date ?? "2026-11-20T09:00:00Z";
  return {
    sha: c.sha,
    commit: { message: c.message, author: { date }, committer: { date } },
    parents: Array.from({ length: parents }, (_, i) => ({ sha: `${i}`.repeat(40) })),
  };
}

export function toPull(repo: string, p: PullFixture) {
  return {
    number: p.number,
    title: p.title,
    body: p.body ?? "",
    state: "closed",
    labels: (p.labels ?? []).map((name, id) => ({ id, name })),
    head: { ref: p.head, sha: "f".repeat(40) },
    base: { ref: p.base, sha: "e".repeat(40) },
    merge_commit_sha: p.merge_commit_sha ?? null,
    merged_at: p.merged_at ?? null,
    updated_at: p.updated_at ?? p.merged_at ?? "2026-11-21T00:00:00Z",
    created_at: p.created_at ?? "2026-11-19T00:00:00Z",
    html_url: `https://github.com/${repo}/pull/${p.number}`,
  };
}

/** `GET /repos/{repo}/pulls/{n}/commits`: a pull request's commits, one page. */
export function mockPullCommits(scope: nock.Scope, repo: string, number: number, commits: CommitFixture[]) {
  return scope
    .get(`/repos/${repo}/pulls/${number}/commits`)
    .query({ per_page: "100", page: "1" })
    .reply(
      200,
      commits.map((c) => toCommit(c)),
    );
}

/** `GET /repos/{repo}/commits?sha={tip}&since={since}`: what the tip contains, one page. */
export function mockBranchCommits(
  scope: nock.Scope,
  repo: string,
  tip: string,
  since: string,
  commits: CommitFixture[],
) {
  return scope
    .get(`/repos/${repo}/commits`)
    .query({ sha: tip, since, per_page: "100", page: "1" })
    .reply(
      200,
      commits.map((c) => toCommit(c)),
    );
}

/** `GET /repos/{repo}/pulls?state=closed&sort=updated&direction=desc[&base=…]`, one page. */
export function mockClosedPulls(scope: nock.Scope, repo: string, pulls: PullFixture[], base?: string) {
  return scope
    .get(`/repos/${repo}/pulls`)
    .query({
      state: "closed",
      sort: "updated",
      direction: "desc",
      per_page: "100",
      page: "1",
      ...(base ? { base } : {}),
    })
    .reply(
      200,
      pulls.map((p) => toPull(repo, p)),
    );
}

/** `GET /repos/{repo}/pulls/{n}` as a diff (`Accept: application/vnd.github.diff`). */
export function mockPullDiff(scope: nock.Scope, repo: string, number: number, diff: string | 406) {
  const interceptor = scope.get(`/repos/${repo}/pulls/${number}`).matchHeader("accept", /diff/);
  return diff === 406
    ? interceptor.reply(406, {
        message: "Sorry, the diff exceeded the maximum number of lines (20000)",
        errors: [{ resource: "PullRequest", field: "diff", code: "too_large" }],
      })
    : interceptor.reply(200, diff, { "content-type": "text/plain; charset=utf-8" });
}

/** `GET /repos/{repo}/commits/{sha}?per_page=1`: how a merge landed. */
export function mockMergeCommit(scope: nock.Scope, repo: string, commit: CommitFixture, parents: number) {
  return scope
    .get(`/repos/${repo}/commits/${commit.sha}`)
    .query({ per_page: "1" })
    .reply(200, toCommit(commit, parents));
}

/** `GET /repos/{repo}/commits/{sha}/check-runs?check_name=…`: the newest forward-port check on a commit. */
export function mockForwardPortCheck(
  scope: nock.Scope,
  repo: string,
  sha: string,
  conclusion: string | undefined,
  appId = 1,
) {
  return scope
    .get(`/repos/${repo}/commits/${sha}/check-runs`)
    .query({ check_name: "single-patch-order/forward-port", filter: "latest", per_page: "100", app_id: String(appId) })
    .reply(200, {
      total_count: conclusion ? 1 : 0,
      check_runs: conclusion
        ? [
            {
              name: "single-patch-order/forward-port",
              status: "completed",
              conclusion,
              completed_at: "2026-11-21T10:00:00Z",
              app: { id: appId },
            },
          ]
        : [],
    });
}
