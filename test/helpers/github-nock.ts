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

/**
 * The base facts scope detection reads when production files span folders: the recursive tree of
 * the base commit (its paths), then the text of each build descriptor it lists (`files`).
 */
export function mockBaseTree(
  scope: nock.Scope,
  repo: string,
  files: Record<string, string> = {},
  paths: string[] = [],
): nock.Scope {
  const tree = [...Object.keys(files), ...paths].map((path) => ({
    path,
    type: "blob",
    mode: "100644",
    sha: "0".repeat(40),
  }));
  scope
    .get(new RegExp(`^/repos/${repo}/git/trees/[0-9a-f]+\\?recursive=1$`))
    .reply(200, { sha: "0".repeat(40), tree, truncated: false });
  for (const [path, text] of Object.entries(files)) mockFileAt(scope, repo, path, text);
  return scope;
}

/** One file read at any ref with the raw media type: `null` answers 404. */
export function mockFileAt(scope: nock.Scope, repo: string, path: string, text: string | null): nock.Scope {
  const interceptor = scope
    .get(`/repos/${repo}/contents/${path.split("/").map(encodeURIComponent).join("%2F")}`)
    .query(true);
  if (text === null) interceptor.reply(404, { message: "Not Found" });
  else interceptor.reply(200, text, { "content-type": "text/plain; charset=utf-8" });
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
