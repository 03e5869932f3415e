import { startLoopbackServer, type LoopbackServer, type TrackerReply, type TrackerRequest } from "./loopback-server.js";

/**
 * Linear's GraphQL API on loopback, answering what Linear documents (see src/trackers/ask-linear.ts):
 * `POST /graphql` with `Authorization: <API key>` (a personal key, no `Bearer`); `issue(id:)` by
 * identifier. A known issue is `{ data: { issue: { identifier, state { name type }, labels { nodes } } } }`;
 * an unknown one is HTTP 200 with `data: null` and the `Entity not found: Issue` error; a wrong
 * key is an `AUTHENTICATION_ERROR`.
 */

export interface LinearIssueFixture {
  state: string;
  /** WorkflowState.type: triage, backlog, unstarted, started, completed, canceled, duplicate. */
  type: string;
  labels: string[];
}

export interface FakeLinear extends LoopbackServer {
  /** LINEAR_API_URL for this fake. */
  url: string;
  issues: Map<string, LinearIssueFixture>;
}

export const LINEAR_NOT_FOUND = {
  errors: [
    {
      message: "Entity not found: Issue",
      path: ["issue"],
      locations: [{ line: 1, column: 27 }],
      extensions: {
        type: "invalid input",
        code: "INPUT_ERROR",
        statusCode: 400,
        userError: true,
        userPresentableMessage: "Could not find referenced Issue.",
      },
    },
  ],
  data: null,
};

export const LINEAR_AUTHENTICATION_ERROR = {
  errors: [
    {
      message: "Authentication required, not authenticated",
      extensions: {
        type: "authentication error",
        code: "AUTHENTICATION_ERROR",
        statusCode: 401,
        userError: true,
        userPresentableMessage: "You need to authenticate to access this operation.",
      },
    },
  ],
};

export const LINEAR_RATE_LIMITED = {
  errors: [
    {
      message: "Rate limit exceeded. Only 1500 requests are allowed per 1 hour.",
      extensions: { type: "ratelimited", code: "RATELIMITED", statusCode: 429, userError: true },
    },
  ],
};

export async function startFakeLinear(apiKey: string): Promise<FakeLinear> {
  const issues = new Map<string, LinearIssueFixture>();
  const route = (request: TrackerRequest): TrackerReply => {
    if (request.method !== "POST" || request.path !== "/graphql") return { status: 404, body: "Not Found" };
    if (request.headers.authorization !== apiKey) return { status: 401, body: LINEAR_AUTHENTICATION_ERROR };
    const { query, variables } = JSON.parse(request.body) as { query?: string; variables?: { id?: string } };
    if (!query?.includes("issue(id: $id)") || typeof variables?.id !== "string")
      return {
        status: 400,
        body: { errors: [{ message: 'Variable "$id" of required type "String!" was not provided.' }] },
      };
    const issue = issues.get(variables.id.toUpperCase());
    if (!issue) return { status: 200, body: LINEAR_NOT_FOUND };
    return {
      status: 200,
      body: {
        data: {
          issue: {
            identifier: variables.id.toUpperCase(),
            state: { name: issue.state, type: issue.type },
            labels: { nodes: issue.labels.map((name) => ({ name })) },
          },
        },
      },
    };
  };
  const server = await startLoopbackServer(route);
  return { ...server, url: `${server.origin}/graphql`, issues };
}
