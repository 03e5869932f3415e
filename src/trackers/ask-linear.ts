import { z } from "zod";
import type { TicketFacts } from "../core/ticket-facts.js";
import { fetchJson, readRetryAfter, type TrackerAnswer } from "./fetch-json.js";
import type { LinearSettings } from "./read-tracker-settings.js";

/**
 * One Linear issue look-up, as Linear documents its GraphQL API (https://linear.app/developers/graphql):
 * `POST {LINEAR_API_URL}` (default https://api.linear.app/graphql) with `Authorization: <API key>`
 * (a personal API key goes bare, without `Bearer`; an OAuth token is `Bearer <token>`) and the
 * query below, the key in `variables`. `issue(id:)` takes the identifier (`ENG-123`) as well as the
 * UUID. `state.type` is one of `triage`, `backlog`, `unstarted`, `started`, `completed`,
 * `canceled`, `duplicate` (WorkflowState in Linear's GraphQL schema, github.com/linear/linear, packages/sdk).
 *
 * Errors come as GraphQL errors, usually with HTTP 200 and `data: null`, their kind in
 * `extensions` (`type` and `code`, as @linear/sdk reads them in packages/sdk/src/error.ts): a
 * missing issue is `"Entity not found: Issue"` (code `INPUT_ERROR`); refused credentials
 * `AUTHENTICATION_ERROR` / `FORBIDDEN` (or HTTP 401/403); rate limiting `RATELIMITED` (or HTTP
 * 429), with `Retry-After` and `X-RateLimit-Requests-Reset` (a Unix time in milliseconds)
 * (https://linear.app/developers/rate-limiting).
 */
export const LINEAR_ISSUE_QUERY =
  "query Issue($id: String!) { issue(id: $id) { identifier state { name type } labels(first: 50) { nodes { name } } } }";

export async function askLinear(
  settings: LinearSettings,
  key: string,
  timeoutMs: number,
  now: number,
): Promise<TicketFacts> {
  const answer = await fetchJson(
    settings.url,
    {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json", authorization: settings.apiKey },
      body: JSON.stringify({ query: LINEAR_ISSUE_QUERY, variables: { id: key } }),
    },
    timeoutMs,
  );
  if (answer.kind === "failure") return { tracker: "linear", found: false, error: answer.error, detail: answer.detail };

  const parsed = LINEAR_ANSWER.safeParse(answer.body);
  const errors = parsed.success ? (parsed.data.errors ?? []) : [];
  const kinds = errors.map((error) => `${error.extensions?.code ?? ""} ${error.extensions?.type ?? ""}`.toUpperCase());
  const { status } = answer;

  if (status === 429 || kinds.some((kind) => kind.includes("RATELIMITED"))) return rateLimited(answer, now);
  if (status === 401 || status === 403 || kinds.some((kind) => /AUTHENTICATION|FORBIDDEN/.test(kind)))
    return { tracker: "linear", found: false, error: "unauthorized", detail: `HTTP ${status}` };
  if (errors.some((error) => /^Entity not found/i.test(error.message ?? "")))
    return { tracker: "linear", found: false, error: "not-found" };
  if (status >= 500) return { tracker: "linear", found: false, error: "unreachable", detail: `HTTP ${status}` };
  if (status !== 200 || !parsed.success || errors.length) {
    const code = errors[0]?.extensions?.code;
    return unexpected(`HTTP ${status}${code ? `, ${code}` : ""}`);
  }
  const issue = parsed.data.data?.issue;
  if (issue === null) return { tracker: "linear", found: false, error: "not-found" };
  if (!issue) return unexpected("an answer without the issue");
  return {
    tracker: "linear",
    found: true,
    key: issue.identifier,
    status: issue.state.name,
    category: issue.state.type,
    types: issue.labels.nodes.map((label) => label.name),
  };
}

const LINEAR_ANSWER = z.object({
  data: z
    .object({
      issue: z
        .object({
          identifier: z.string(),
          state: z.object({ name: z.string(), type: z.string() }),
          labels: z.object({ nodes: z.array(z.object({ name: z.string() })) }),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  errors: z
    .array(
      z.object({
        message: z.string().optional(),
        extensions: z.object({ code: z.string().optional(), type: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

function rateLimited(answer: TrackerAnswer, now: number): TicketFacts {
  const reset = Number(answer.headers.get("x-ratelimit-requests-reset"));
  const retryAfterSeconds =
    readRetryAfter(answer.headers, now) ?? (reset > now ? Math.ceil((reset - now) / 1000) : undefined);
  return {
    tracker: "linear",
    found: false,
    error: "rate-limited",
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

function unexpected(detail: string): TicketFacts {
  return { tracker: "linear", found: false, error: "unexpected-response", detail };
}
