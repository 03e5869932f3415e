import type { TicketState } from "../core/change.js";
import type { GitHubClient } from "./github-client.js";

/** More references than this are not looked up (and so fail verification): one patch, one ticket. */
const MAX_LOOKUPS = 5;
const GITHUB_ID = /^([^/\s]+)\/([^#\s]+)#(\d+)$/;

/**
 * The state of each GitHub issue reference (`owner/repo#12`), for `ticket.verify`. A missing or
 * deleted issue is `missing`; any other error is `unknown`, which the rule treats as unverified.
 */
export async function readTicketStates(
  octokit: GitHubClient,
  ids: readonly string[],
): Promise<Record<string, TicketState>> {
  const entries = await Promise.all(
    ids
      .slice(0, MAX_LOOKUPS)
      .map(async (id): Promise<[string, TicketState]> => [id, await readTicketState(octokit, id)]),
  );
  return Object.fromEntries(entries);
}

async function readTicketState(octokit: GitHubClient, id: string): Promise<TicketState> {
  const match = GITHUB_ID.exec(id);
  if (!match) return "unknown";
  const [, owner = "", repo = "", number = ""] = match;
  try {
    const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: Number(number) });
    return data.state === "open" ? "open" : "closed";
  } catch (error) {
    const status = (error as { status?: number }).status;
    return status === 404 || status === 410 ? "missing" : "unknown";
  }
}
