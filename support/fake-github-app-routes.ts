import type { RecordedRequest, Reply } from "./fake-github-request.js";
import { APP_ID } from "./start-app.js";

/** A check run the fake keeps, as `checks.listForRef` lists it. */
export interface StoredRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  app: { id: number; slug: string };
  output: { title: string | null; summary: string | null; text: string | null };
}

/** The conversation and people the override, command and label routes serve. */
export interface FakeAppState {
  /** Created check runs by `owner/repo@sha`, oldest first. */
  checkRuns: Map<string, StoredRun[]>;
  /** Pull requests by `owner/repo#number` (`pulls.get` shape; see FakeRepoState for how they are served). */
  pulls: Map<string, any>;
  /** Repository roles by `owner/repo@login` (`admin`, `maintain`, `write`, `read`); absent → 404. */
  roles: Map<string, string>;
  /** Head commits' author and committer logins by `owner/repo@sha`. */
  commits: Map<string, { author: string | null; committer: string | null }>;
  /** Comments posted by `owner/repo#number`. */
  comments: Map<string, Array<{ id: number; body: string }>>;
}

export const FAKE_APP_SLUG = "single-patch-order";

export function createAppState(): FakeAppState {
  return { checkRuns: new Map(), pulls: new Map(), roles: new Map(), commits: new Map(), comments: new Map() };
}

/** Keeps a created check run so that listing the commit's runs returns it. */
export function storeCheckRun(state: FakeAppState, repo: string, id: number, body: Record<string, any>): void {
  const key = `${repo}@${body?.head_sha}`;
  const runs = state.checkRuns.get(key) ?? [];
  runs.push({
    id,
    name: body?.name,
    head_sha: body?.head_sha,
    status: body?.status,
    conclusion: body?.conclusion ?? null,
    external_id: body?.external_id ?? null,
    app: { id: Number(APP_ID), slug: FAKE_APP_SLUG },
    output: {
      title: body?.output?.title ?? null,
      summary: body?.output?.summary ?? null,
      text: body?.output?.text ?? null,
    },
  });
  state.checkRuns.set(key, runs);
}

const REPO = String.raw`\/repos\/([^/]+)\/([^/]+)`;
const ROUTES: Array<[string, RegExp, (state: FakeAppState, m: string[], request: RecordedRequest, url: URL) => Reply]> =
  [
    ["GET", /^\/app$/, () => ({ status: 200, body: { id: Number(APP_ID), slug: FAKE_APP_SLUG } })],
    [
      "GET",
      new RegExp(`^${REPO}/commits/([0-9a-f]{40})/check-runs$`),
      (state, [, o, r, sha], _request, url) => {
        const name = url.searchParams.get("check_name");
        const runs = (state.checkRuns.get(`${o}/${r}@${sha}`) ?? []).filter((run) => !name || run.name === name);
        const page = Number(url.searchParams.get("page") ?? 1);
        const perPage = Number(url.searchParams.get("per_page") ?? 30);
        const listed = [...runs].reverse().slice((page - 1) * perPage, page * perPage);
        return { status: 200, body: { total_count: runs.length, check_runs: listed } };
      },
    ],
    [
      "GET",
      new RegExp(`^${REPO}/commits/([0-9a-f]{40})$`),
      (state, [, o, r, sha]) => {
        const people = state.commits.get(`${o}/${r}@${sha}`);
        if (!people) return { status: 404, body: { message: "Not Found" } };
        const user = (login: string | null) => (login ? { login, type: "User" } : null);
        return {
          status: 200,
          body: { sha, author: user(people.author), committer: user(people.committer), files: [] },
        };
      },
    ],
    [
      "GET",
      new RegExp(`^${REPO}/pulls/(\\d+)$`),
      (state, [, o, r, n]) => {
        const pr = state.pulls.get(`${o}/${r}#${n}`);
        return pr ? { status: 200, body: pr } : { status: 404, body: { message: "Not Found" } };
      },
    ],
    [
      "GET",
      new RegExp(`^${REPO}/collaborators/([^/]+)/permission$`),
      (state, [, o, r, login]) => {
        const role = state.roles.get(`${o}/${r}@${login}`);
        if (!role) return { status: 404, body: { message: "Not Found" } };
        const permission = role === "maintain" ? "write" : role;
        return { status: 200, body: { permission, role_name: role, user: { login } } };
      },
    ],
    [
      "POST",
      new RegExp(`^${REPO}/issues/(\\d+)/comments$`),
      (state, [, o, r, n], request) => {
        const key = `${o}/${r}#${n}`;
        const list = state.comments.get(key) ?? [];
        const id = 7000 + list.length;
        list.push({ id, body: String(request.body?.body) });
        state.comments.set(key, list);
        return { status: 201, body: { id, html_url: `https://github.example/${o}/${r}/pull/${n}#issuecomment-${id}` } };
      },
    ],
    [
      "POST",
      new RegExp(`^${REPO}/issues/(\\d+)/labels$`),
      (_s, _m, request) => ({ status: 200, body: (request.body?.labels ?? []).map((name: string) => ({ name })) }),
    ],
    ["DELETE", new RegExp(`^${REPO}/issues/(\\d+)/labels/[^/]+$`), () => ({ status: 200, body: [] })],
    ["GET", new RegExp(`^${REPO}/installation$`), () => ({ status: 200, body: { id: 1 } })],
  ];

/** The answer of a route about overrides, commands and labels, or undefined when none matches. */
export function routeAppRequest(request: RecordedRequest, state: FakeAppState, url: URL): Reply | undefined {
  for (const [method, pattern, answer] of ROUTES) {
    const match = request.method === method ? pattern.exec(url.pathname) : null;
    if (match)
      return answer(
        state,
        [...match].map((part) => decodeURIComponent(part ?? "")),
        request,
        url,
      );
  }
  return undefined;
}
