import { routeAppRequest, storeCheckRun, type FakeAppState } from "./fake-github-app-routes.js";
import type { RecordedRequest, Reply } from "./fake-github-request.js";

export interface FakeFile {
  filename: string;
  status?: string;
  additions?: number;
  deletions?: number;
  patch?: string;
}

/** What the fake serves, per repository (`owner/repo`); the App state of fake-github-app-routes.ts besides. */
export interface FakeRepoState extends FakeAppState {
  /** `.github/single-patch-order.yml` of a repository; absent → 404 (the org `.github` fallback is asked next). */
  configs: Map<string, string>;
  /** Files of a pull request, by `owner/repo#number`; absent → DEFAULT_FILES. */
  files: Map<string, FakeFile[]>;
  /** File texts by `owner/repo:path`, the same at every ref; absent → 404. */
  texts: Map<string, string>;
  /** Paths of the base tree by `owner/repo`; absent → an empty tree. */
  trees: Map<string, string[]>;
  /*
   * `pulls` (FakeAppState): pull requests as GitHub has them now, by `owner/repo#number` (`pulls.get` shape, with
   * `updated_at`). `GET …/pulls/{n}` answers 304 to `If-Modified-Since` when nothing changed since,
   * as GitHub does; a PR that is not here is taken as unchanged (304) when asked conditionally.
   * They are listed by `GET …/pulls?state=open` and `GET …/commits/{sha}/pulls`.
   */
  nextCheckId: number;
}

/** A hotfix that passes every default rule: one scope, a test, small. */
export const DEFAULT_FILES: FakeFile[] = [
  { filename: "src/checkout/discount.ts", additions: 3, deletions: 1, patch: "@@ -1,2 +1,4 @@\n-a\n+b\n+c\n+d" },
  {
    filename: "src/checkout/discount.test.ts",
    status: "added",
    additions: 12,
    deletions: 0,
    patch: "@@ -0,0 +1,12 @@\n+test",
  },
];

/** Files as `pulls.listFiles` lists them. */
export function toListedFiles(
  files: readonly FakeFile[],
): Array<Required<Omit<FakeFile, "patch">> & FakeFile & { changes: number }> {
  return files.map((f) => ({ status: "modified", additions: 1, deletions: 1, changes: 2, ...f }));
}

const NOT_FOUND: Reply = {
  status: 404,
  body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
};

/** The happy-path answer of each endpoint a judgement calls; anything else is a 404, recorded like the rest. */
export function routeRequest(request: RecordedRequest, state: FakeRepoState, token: string): Reply {
  const url = new URL(request.path, "http://fake.invalid");
  const path = url.pathname;
  const requestId = { "x-github-request-id": `FAKE:${request.method}:${state.nextCheckId}` };
  if (request.method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {},
        repository_selection: "all",
      },
    };
  }
  const contents = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(path);
  if (request.method === "GET" && contents) {
    const [, owner, repo, file] = contents;
    const name = decodeURIComponent(file!);
    const text =
      name === ".github/single-patch-order.yml"
        ? state.configs.get(`${owner}/${repo}`)
        : state.texts.get(`${owner}/${repo}:${name}`);
    return text === undefined ? NOT_FOUND : { status: 200, body: text, headers: requestId };
  }
  const tree = /^\/repos\/([^/]+)\/([^/]+)\/git\/trees\/([0-9a-f]+)$/.exec(path);
  if (request.method === "GET" && tree) {
    const paths = state.trees.get(`${tree[1]}/${tree[2]}`) ?? [];
    const entries = paths.map((p) => ({ path: p, mode: "100644", type: "blob", sha: "0".repeat(40) }));
    return { status: 200, body: { sha: tree[3], tree: entries, truncated: false }, headers: requestId };
  }
  const files = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(path);
  if (request.method === "GET" && files) {
    const [, owner, repo, number] = files;
    const all = toListedFiles(state.files.get(`${owner}/${repo}#${number}`) ?? DEFAULT_FILES);
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const page = Number(url.searchParams.get("page") ?? 1);
    return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), headers: requestId };
  }
  const pullsRoute = routePulls(request, url, state, requestId);
  if (pullsRoute) return pullsRoute;
  const created = /^\/repos\/([^/]+\/[^/]+)\/check-runs$/.exec(path);
  if (request.method === "POST" && created) {
    const id = state.nextCheckId++;
    storeCheckRun(state, created[1]!, id, request.body);
    return {
      status: 201,
      body: { id, head_sha: request.body?.head_sha, name: request.body?.name, status: request.body?.status },
      headers: requestId,
    };
  }
  if (request.method === "POST" && /^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(path))
    return { status: 201, body: { id: 1, ...request.body }, headers: requestId };
  if (request.method === "POST" && /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/\d+\/deployment_protection_rule$/.test(path))
    return { status: 204, headers: requestId };
  const update = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path);
  if (request.method === "PATCH" && update) return { status: 200, body: { id: Number(update[1]) }, headers: requestId };
  return routeAppRequest(request, state, url) ?? NOT_FOUND;
}

/** A single PR (conditional), the open PR list, and a commit's PRs, from `state.pulls`. */
function routePulls(
  request: RecordedRequest,
  url: URL,
  state: FakeRepoState,
  headers: Record<string, string>,
): Reply | undefined {
  if (request.method !== "GET") return undefined;
  const path = url.pathname;
  const one = /^\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(path);
  if (one) {
    const pr = state.pulls.get(`${one[1]}#${one[2]}`);
    const since = request.headers["if-modified-since"];
    if (!pr) return since ? { status: 304, headers } : NOT_FOUND;
    const lastModified = new Date(pr.updated_at).toUTCString();
    if (since && Date.parse(pr.updated_at) <= Date.parse(String(since)))
      return { status: 304, headers: { ...headers, "last-modified": lastModified } };
    return { status: 200, body: pr, headers: { ...headers, "last-modified": lastModified } };
  }
  const inRepo = (repo: string) =>
    [...state.pulls.entries()].filter(([key]) => key.startsWith(`${repo}#`)).map(([, pr]) => pr);
  const list = /^\/repos\/([^/]+\/[^/]+)\/pulls$/.exec(path);
  if (list) {
    const open = inRepo(list[1]!).filter((pr) => pr.state === "open");
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    return { status: 200, body: open.slice((page - 1) * perPage, page * perPage), headers };
  }
  const ofCommit = /^\/repos\/([^/]+\/[^/]+)\/commits\/([0-9a-f]{40})\/pulls$/.exec(path);
  if (ofCommit) {
    const sha = ofCommit[2];
    const prs = inRepo(ofCommit[1]!).filter((pr) => pr.head?.sha === sha || pr.merge_commit_sha === sha);
    return { status: 200, body: prs, headers };
  }
  return undefined;
}
