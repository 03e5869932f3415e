import { findTwinByPatch } from "./find-twin-by-patch.js";
import { findTwinByTicket } from "./find-twin-by-ticket.js";
import { findTwinByTrailer } from "./find-twin-by-trailer.js";
import type { TwinFacts, TwinMatch, TwinSearch, TwinVerdict } from "./twin-facts.js";

/**
 * The hotfix's twin on the target, trying the methods in order: a cherry-pick trailer, the same
 * ticket, the same patch id. The first that finds one wins and is recorded; when none does, the
 * verdict says what each looked at. Pure.
 */
export function findTwin(facts: TwinFacts, ticketPatterns: readonly string[]): TwinVerdict {
  const searched: TwinSearch[] = [];
  for (const method of [
    () => findTwinByTrailer(facts),
    () => findTwinByTicket(facts, ticketPatterns),
    () => findTwinByPatch(facts),
  ]) {
    const answer = method();
    if (isMatch(answer)) return { match: answer, searched };
    searched.push(answer);
  }
  return { searched };
}

/** Whether the trailer or ticket tests already found a twin: an adapter then need not read patches. */
export function findTwinWithoutPatches(facts: TwinFacts, ticketPatterns: readonly string[]): TwinMatch | undefined {
  const trailer = findTwinByTrailer(facts);
  if (isMatch(trailer)) return trailer;
  const ticket = findTwinByTicket(facts, ticketPatterns);
  return isMatch(ticket) ? ticket : undefined;
}

function isMatch(answer: TwinMatch | TwinSearch): answer is TwinMatch {
  return "twin" in answer;
}
