import { startLoopbackServer, type LoopbackServer, type TrackerReply, type TrackerRequest } from "./loopback-server.js";

/**
 * A Jira on loopback that answers what Atlassian documents for `GET /rest/api/{2|3}/issue/{key}`
 * (see src/trackers/ask-jira.ts for the references):
 * - Cloud checks `Authorization: Basic base64(email:api_token)` and serves REST v3 (and v2, as
 *   Jira Cloud does); Data Center checks `Authorization: Bearer <PAT>` and serves REST v2 only.
 * - 200: an IssueBean with only the requested fields (`status` with its `statusCategory`, `issuetype`);
 * - 404: `{ errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} }`;
 * - 401 for missing or wrong credentials.
 */

export interface JiraIssueFixture {
  status: string;
  /** statusCategory.key: `new`, `indeterminate`, `done` (or `undefined`). */
  category: "new" | "indeterminate" | "done" | "undefined";
  type: string;
}

export type FakeJiraAuth = { kind: "cloud"; email: string; apiToken: string } | { kind: "data-center"; token: string };

export interface FakeJira extends LoopbackServer {
  /** JIRA_URL for this fake: its origin plus the context path. */
  url: string;
  issues: Map<string, JiraIssueFixture>;
}

const CATEGORIES = {
  new: { id: 2, colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, colorName: "yellow", name: "In Progress" },
  done: { id: 3, colorName: "green", name: "Done" },
  undefined: { id: 1, colorName: "medium-gray", name: "No Category" },
} as const;

export const JIRA_NOT_FOUND = {
  errorMessages: ["Issue does not exist or you do not have permission to see it."],
  errors: {},
};

export async function startFakeJira(auth: FakeJiraAuth, contextPath = ""): Promise<FakeJira> {
  const issues = new Map<string, JiraIssueFixture>();
  const expected =
    auth.kind === "cloud"
      ? `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`).toString("base64")}`
      : `Bearer ${auth.token}`;
  const versions = auth.kind === "cloud" ? ["2", "3"] : ["2"];
  let origin = "";

  const route = (request: TrackerRequest): TrackerReply => {
    const url = new URL(request.path, "http://jira.invalid");
    const match = /^\/rest\/api\/(\d)\/issue\/([^/]+)$/.exec(url.pathname.slice(contextPath.length));
    if (!url.pathname.startsWith(contextPath) || !match || request.method !== "GET" || !versions.includes(match[1]!))
      return { status: 404, body: "<html><body>Oops, you've found a dead link.</body></html>" };
    if (request.headers.authorization !== expected)
      return { status: 401, body: "Client must be authenticated to access this resource." };
    const [, version, encodedKey] = match;
    const key = decodeURIComponent(encodedKey!).toUpperCase();
    const issue = issues.get(key);
    if (!issue) return { status: 404, body: JIRA_NOT_FOUND };
    return { status: 200, body: issueBean(`${origin}${contextPath}/rest/api/${version}`, key, issue, url) };
  };

  const server = await startLoopbackServer(route);
  origin = server.origin;
  return { ...server, url: `${server.origin}${contextPath}`, issues };
}

/** The IssueBean of the documented example, with only the fields the request asked for. */
function issueBean(api: string, key: string, issue: JiraIssueFixture, url: URL) {
  const wanted = new Set((url.searchParams.get("fields") ?? "*all").split(","));
  const category = CATEGORIES[issue.category];
  const fields: Record<string, unknown> = {};
  if (wanted.has("issuetype") || wanted.has("*all"))
    fields.issuetype = {
      self: `${api}/issuetype/10001`,
      id: "10001",
      description: "",
      iconUrl: `${api}/universal_avatar/view/type/issuetype/avatar/10303?size=medium`,
      name: issue.type,
      subtask: false,
      avatarId: 10303,
      hierarchyLevel: 0,
    };
  if (wanted.has("status") || wanted.has("*all"))
    fields.status = {
      self: `${api}/status/10000`,
      description: "",
      iconUrl: `${api}/`,
      name: issue.status,
      id: "10000",
      statusCategory: { self: `${api}/statuscategory/${category.id}`, key: issue.category, ...category },
    };
  return {
    expand: "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
    id: "10042",
    self: `${api}/issue/10042`,
    key,
    fields,
  };
}
