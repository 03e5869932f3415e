/**
 * `git cherry-pick -x` ends the new commit's message with the line
 * `(cherry picked from commit <full sha>)`, once per pick (git's sequencer.c, `cherry_picked_prefix`).
 * A line of exactly that shape, anywhere in the message (a squash keeps its commits' messages), names
 * a source; SHA-256 repositories write 64 hex digits. Abbreviated SHAs (7 or more digits, hand-written)
 * are kept too: callers match them as prefixes.
 */
const TRAILER = /^[ \t]*\(cherry picked from commit ([0-9a-f]{7,64})\)[ \t]*$/gim;

/** The commits a message says it was cherry-picked from, lower-case, each once. */
export function findCherryPickSources(message: string): string[] {
  const found = new Set<string>();
  for (const match of message.matchAll(TRAILER)) if (match[1]) found.add(match[1].toLowerCase());
  return [...found];
}

/** True when `named` (full or abbreviated) names the commit `sha`. */
export function namesCommit(named: string, sha: string): boolean {
  return named.length >= 7 && sha.toLowerCase().startsWith(named.toLowerCase());
}
