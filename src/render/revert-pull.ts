import type { FailedCanary } from "../core/deploy/failed-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { truncateChars } from "./markdown.js";

/** GitHub rejects PR titles over 256 characters. */
const MAX_TITLE_CHARS = 256;

export interface RevertText {
  title: string;
  body: string;
  message: string;
}

/**
 * Title `Revert "<original title>"` (with the ticket appended when the title lacks it), and a
 * body that links back to the hotfix and the failed canary.
 */
export function renderRevertPull(
  pr: { number: number; title: string },
  mergeSha: string,
  ticket: string | undefined,
  failure: FailedCanary,
): RevertText {
  const suffix = ticket && !pr.title.includes(ticket) ? ` (${ticket})` : "";
  const title = truncateChars(`Revert "${pr.title}"${suffix}`, MAX_TITLE_CHARS);
  const body = [
    `Reverts #${pr.number} (merged as ${mergeSha}) because its canary failed: the \`${failure.environment}\` deployment ${failure.deploymentId} of \`${shortSha(failure.sha)}\` reported **${failure.state}** at ${failure.at}.`,
    ticket ? `Ticket: ${ticket}` : `Ticket: none found on #${pr.number}`,
    "Opened by Single Patch Order because `deploy.autoRevert` is on. Review it like any change before merging.",
  ].join("\n\n");
  const message = [
    title,
    "",
    `This reverts commit ${mergeSha}, the merge of #${pr.number}.`,
    ...(ticket ? ["", `Ticket: ${ticket}`] : []),
  ].join("\n");
  return { title, body, message };
}
