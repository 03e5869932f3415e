import nock from "nock";
import { expect } from "vitest";

export const API = "https://api.github.com";

export interface SettingsFixture {
  /** The repository's own `.github/single-patch-order.yml`, or null/undefined when it has none. */
  config?: string | null;
  /**
   * The org `.github` repository's file: the fallback when the repository has none, and where the org
   * floor lives when it has one (read at every evaluation either way).
   */
  orgConfig?: string | null;
}

const CONFIG_FILE = ".github%2Fsingle-patch-order.yml";

/**
 * The config read: one GET of the repository's file (Probot's config plugin), and one of the org
 * `.github` repository's file, either as the plugin's fallback (the repository has none) or for the
 * org floor (SPEC §12). The `.github` repository itself reads its own file only.
 */
export function mockSettings(
  scope: nock.Scope,
  fixture: SettingsFixture = {},
  repo = "Codertocat/Hello-World",
): nock.Scope {
  const [owner] = repo.split("/");
  const reply = (interceptor: nock.Interceptor, text: string | null | undefined) =>
    text == null
      ? interceptor.reply(404, { message: "Not Found" })
      : interceptor.reply(200, text, { "content-type": "text/plain; charset=utf-8" });
  reply(scope.get(`/repos/${repo}/contents/${CONFIG_FILE}`), fixture.config);
  if (!repo.endsWith("/.github"))
    reply(scope.get(`/repos/${owner}/.github/contents/${CONFIG_FILE}`), fixture.orgConfig);
  return scope;
}

/** The workspace manifests at the PR's base, read only when production files span folders. */
export function mockWorkspaces(
  scope: nock.Scope,
  repo: string,
  manifests: { packageJson?: string; pnpmWorkspace?: string } = {},
): nock.Scope {
  const reply = (path: string, text: string | undefined) => {
    const interceptor = scope.get(`/repos/${repo}/contents/${path}`).query(true);
    if (text === undefined) interceptor.reply(404, { message: "Not Found" });
    else interceptor.reply(200, text, { "content-type": "text/plain; charset=utf-8" });
  };
  reply("package.json", manifests.packageJson);
  reply("pnpm-workspace.yaml", manifests.pnpmWorkspace);
  return scope;
}

export interface FileFixture {
  filename: string;
  status?: string;
  additions?: number;
  deletions?: number;
  patch?: string;
}

export function mockFiles(scope: nock.Scope, repo: string, number: number, files: FileFixture[], page = 1): nock.Scope {
  return scope
    .get(`/repos/${repo}/pulls/${number}/files`)
    .query({ per_page: "100", page: String(page) })
    .reply(
      200,
      files.map((f) => ({ status: "modified", additions: 1, deletions: 1, changes: 2, ...f })),
    );
}

/** Captures the body of every check run created on the repository. */
export function captureCheckRuns(scope: nock.Scope, repo: string, times = 1): Array<Record<string, any>> {
  const bodies: Array<Record<string, any>> = [];
  scope
    .post(`/repos/${repo}/check-runs`, (body: Record<string, any>) => {
      bodies.push(body);
      return true;
    })
    .times(times)
    .reply(201, (_uri, _body) => ({ id: 1000 + bodies.length }));
  return bodies;
}

/** Every interceptor of every scope was called: nothing the test expected was skipped. */
export function expectAllMocksDone(): void {
  expect(nock.pendingMocks()).toStrictEqual([]);
}

/**
 * The judgement's re-read of the delivered PR (SPEC §8 "Fresh state"): a conditional GET that
 * GitHub answers 304 because nothing changed since the payload's `updated_at`.
 */
export function mockPullUnchanged(scope: nock.Scope, repo: string, number: number): nock.Scope {
  return scope
    .get(`/repos/${repo}/pulls/${number}`)
    .matchHeader("if-modified-since", /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    .reply(304);
}

/**
 * The open PRs a passing verdict looks among for others with the same head commit (SPEC §8 "One
 * commit, several PRs"): none but the judged one by default.
 */
export function mockOpenPulls(scope: nock.Scope, repo: string, pulls: Array<Record<string, unknown>> = []): nock.Scope {
  return scope
    .get(`/repos/${repo}/pulls`)
    .query({ state: "open", sort: "updated", direction: "desc", per_page: "100", page: "1" })
    .reply(200, pulls);
}
