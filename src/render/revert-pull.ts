import type { FailedCanary } from "../core/deploy/failed-canary.js";
import { shortSha } from "../core/deploy/deployment-decision.js";
import { truncateChars } from "./markdown.js";
import { cleanText, codeSpan } from "./safe-markdown.js";

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
  // The title is also the commit message's subject, where GitHub turns `@name` into a mention too.
  const prTitle = cleanText(pr.title);
  const shownTicket = ticket === undefined ? undefined : cleanText(ticket);
  const suffix = shownTicket && !prTitle.includes(shownTicket) ? ` (${shownTicket})` : "";
  const title = truncateChars(`Revert "${prTitle}"${suffix}`, MAX_TITLE_CHARS);
  const body = [
    `Reverts #${pr.number} (merged as ${mergeSha}) because its canary failed: the ${codeSpan(failure.environment)} deployment ${failure.deploymentId} of \`${shortSha(failure.sha)}\` reported **${failure.state}** at ${failure.at}.`,
    shownTicket ? `Ticket: ${shownTicket}` : `Ticket: none found on #${pr.number}`,
    "Opened by Single Patch Order because `deploy.autoRevert` is on. Review it like any change before merging.",
  ].join("\n\n");
  const message = [
    title,
    "",
    `This reverts commit ${mergeSha}, the merge of #${pr.number}.`,
    ...(shownTicket ? ["", `Ticket: ${shownTicket}`] : []),
  ].join("\n");
  return { title, body, message };
}
