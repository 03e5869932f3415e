import { distinctTickets, findChangeTickets, findTicketToVerify } from "../readers/find-tickets.js";
import { quote } from "./quote.js";
import type { TwinCandidate, TwinFacts, TwinMatch, TwinSearch } from "./twin-facts.js";

/**
 * The second test: something merged into the target names the hotfix's ticket. The hotfix's ticket
 * is its one ticket as `linked-ticket` reads it (title, branch, closing references); a hotfix that
 * names none, or several, has no ticket to match. A candidate matches when its title, branch or
 * closing references name that ticket (a forward port may carry two hotfixes' tickets).
 */
export function findTwinByTicket(facts: TwinFacts, patterns: readonly string[]): TwinMatch | TwinSearch {
  const { hotfix, target } = facts;
  const ticket = findTicketToVerify(hotfix, patterns);
  if (!ticket)
    return {
      method: "ticket",
      looked: "The hotfix names no single ticket (title, branch or a closing reference), so none was looked for.",
    };
  const twin = facts.candidates.find((candidate) => namesTicket(candidate, ticket.id, patterns, hotfix.repository));
  if (!twin)
    return {
      method: "ticket",
      looked: `None of the ${facts.candidates.length} ${facts.candidates[0]?.kind === "commit" ? "commits" : "pull requests"} merged into ${quote(target)} that were read names ${quote(ticket.label)}.`,
    };
  return {
    method: "ticket",
    twin: {
      kind: twin.kind,
      sha: twin.sha,
      ...(twin.number === undefined ? {} : { number: twin.number }),
      title: twin.title,
    },
    evidence: `${describeCandidate(twin)} names the same ticket, ${quote(ticket.label)}.`,
  };
}

function namesTicket(candidate: TwinCandidate, id: string, patterns: readonly string[], repository?: string): boolean {
  const { title, branch, body } = findChangeTickets(
    {
      title: candidate.title,
      headBranch: candidate.headBranch,
      body: candidate.body,
      ...(repository ? { repository } : {}),
    },
    patterns,
  );
  return distinctTickets([...title, ...branch, ...body]).some((ref) => ref.id === id);
}

/** `#57 \`title\`` or `commit \`abc1234\``. */
export function describeCandidate(candidate: Pick<TwinCandidate, "kind" | "number" | "sha" | "title">): string {
  if (candidate.kind === "pull" && candidate.number !== undefined)
    return `#${candidate.number} ${quote(candidate.title)}`;
  return `Commit \`${candidate.sha.slice(0, 7)}\`${candidate.title ? ` ${quote(candidate.title)}` : ""}`;
}
