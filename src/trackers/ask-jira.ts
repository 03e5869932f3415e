import { z } from "zod";
import type { TicketFacts } from "../core/ticket-facts.js";
import { fetchJson, readRetryAfter } from "./fetch-json.js";
import type { JiraSettings } from "./read-tracker-settings.js";

/**
 * One Jira issue look-up, as Atlassian documents it:
 *
 * - Cloud, REST v3: `GET {JIRA_URL}/rest/api/3/issue/{issueIdOrKey}?fields=status,issuetype`
 *   (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get),
 *   with `Authorization: Basic base64(email:api_token)`
 *   (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/).
 * - Data Center, REST v2: `GET {JIRA_URL}/rest/api/2/issue/{issueIdOrKey}?fields=status,issuetype`
 *   (https://docs.atlassian.com/software/jira/docs/api/REST/latest/#api/2/issue-getIssue; JIRA_URL
 *   may carry the site's context path, `https://host/jira`), with a personal access token as
 *   `Authorization: Bearer <token>`
 *   (https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html).
 *
 * Both answer an IssueBean `{ key, fields: { status: { name, statusCategory: { key } }, issuetype:
 * { name } } }`, where `statusCategory.key` is `new`, `indeterminate` or `done` (`undefined` for a
 * status without a category; the keys of go-jira's statuscategory.go and Atlassian's
 * /rest/api/3/statuscategory). 404 means "the issue is not found or the user does not have
 * permission to view it" (then `{ errorMessages: [...], errors: {} }`), 401 that the credentials
 * are incorrect or missing, and 429 comes with `Retry-After` in seconds
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 */
export async function askJira(
  settings: JiraSettings,
  key: string,
  timeoutMs: number,
  now: number,
): Promise<TicketFacts> {
  const version = settings.auth.kind === "data-center" ? 2 : 3;
  const url = `${settings.baseUrl}/rest/api/${version}/issue/${encodeURIComponent(key)}?fields=status,issuetype`;
  const answer = await fetchJson(
    url,
    { headers: { accept: "application/json", authorization: authorize(settings) } },
    timeoutMs,
  );
  if (answer.kind === "failure") return { tracker: "jira", found: false, error: answer.error, detail: answer.detail };

  const { status } = answer;
  if (status === 200) {
    const issue = JIRA_ISSUE.safeParse(answer.body);
    if (!issue.success) return unexpected("an issue without a status");
    const { fields } = issue.data;
    return {
      tracker: "jira",
      found: true,
      key: issue.data.key,
      status: fields.status.name,
      category: fields.status.statusCategory.key,
      types: fields.issuetype ? [fields.issuetype.name] : [],
    };
  }
  if (status === 401 || status === 403)
    return { tracker: "jira", found: false, error: "unauthorized", detail: `HTTP ${status}` };
  if (status === 404) return { tracker: "jira", found: false, error: "not-found" };
  if (status === 429) {
    const retryAfterSeconds = readRetryAfter(answer.headers, now);
    return {
      tracker: "jira",
      found: false,
      error: "rate-limited",
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    };
  }
  if (status >= 500) return { tracker: "jira", found: false, error: "unreachable", detail: `HTTP ${status}` };
  return unexpected(`HTTP ${status}`);
}

const JIRA_ISSUE = z.object({
  key: z.string().min(1),
  fields: z.object({
    status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
    issuetype: z.object({ name: z.string() }).nullish(),
  }),
});

function authorize(settings: JiraSettings): string {
  const { auth } = settings;
  if (auth.kind === "data-center") return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.email}:${auth.apiToken}`, "utf8").toString("base64")}`;
}

function unexpected(detail: string): TicketFacts {
  return { tracker: "jira", found: false, error: "unexpected-response", detail };
}
