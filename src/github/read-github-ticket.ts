import type { TicketFacts } from "../core/ticket-facts.js";
import { findRequestId } from "./describe-github-error.js";
import type { GitHubClient } from "./github-client.js";

const GITHUB_ID = /^([^/\s]+)\/([^#\s]+)#(\d+)$/;

/**
 * The GitHub adapter of the tracker port: what GitHub says about issue `owner/repo#12`
 * (`issues.get`; a pull request number answers too, as GitHub's issues API does). `types` are the
 * issue's labels and its issue type. Never throws: 404/410 is `not-found`, 401/403 `unauthorized`
 * (the App may not read issues there), 429 `rate-limited`, anything else `unreachable`. Not cached:
 * each evaluation reads the issue as it is, through the installation's rate-limited client.
 */
export async function readGitHubTicket(octokit: GitHubClient, id: string): Promise<TicketFacts> {
  const match = GITHUB_ID.exec(id);
  if (!match) return { tracker: "github", found: false, error: "invalid-key" };
  const [, owner = "", repo = "", number = ""] = match;
  try {
    const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: Number(number) });
    const labels = (data.labels ?? [])
      .map((label) => (typeof label === "string" ? label : (label.name ?? "")))
      .filter(Boolean);
    const type = (data as { type?: { name?: string } | null }).type?.name;
    return {
      tracker: "github",
      found: true,
      key: id,
      status: data.state,
      category: data.state,
      types: type ? [type, ...labels] : labels,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 410) return { tracker: "github", found: false, error: "not-found" };
    const requestId = findRequestId(error);
    const detail = `${status ? `HTTP ${status}` : "no answer"}${requestId ? `, request id ${requestId}` : ""}`;
    if (status === 401 || status === 403) return { tracker: "github", found: false, error: "unauthorized", detail };
    if (status === 429) return { tracker: "github", found: false, error: "rate-limited", detail };
    return { tracker: "github", found: false, error: "unreachable", detail };
  }
}
