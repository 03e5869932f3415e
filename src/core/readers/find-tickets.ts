import type { RE2JS } from "re2js";
import { compileSafePattern } from "../../config/safe-pattern.js";
import type { Change } from "../change.js";

/**
 * Finds ticket references: keys matching the configured patterns (RE2, linear time) and GitHub
 * references, which are always recognised: `#12`, `owner/repo#12` and issue or pull URLs on any
 * host (GitHub Enterprise). The release gate reuses these, so they take plain values, not a Change.
 */

export type TicketKind = "github" | "key";

export interface TicketRef {
  /**
   * The ticket's identity, and its key in `change.tickets`: `owner/repo#12` for a GitHub
   * reference (`#12` when the repository is unknown), else the key as matched (`SHOP-42`).
   */
  id: string;
  /** How a developer wrote it: `#12` for the change's own repository, else the id. */
  label: string;
  kind: TicketKind;
  /** UTF-16 offsets of the reference in the searched text. */
  start: number;
  end: number;
}

/** Where the tickets of a change were seen. */
export interface ChangeTickets {
  title: TicketRef[];
  branch: TicketRef[];
  /** Tickets the body closes (`Fixes #12`), not every ticket it mentions. */
  body: TicketRef[];
}

// Built-in patterns are linear: no nested quantifiers, repetitions bounded or followed by a
// character they cannot contain.
const ISSUE_URL = String.raw`\bhttps?://[^\s/]+/([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_.-]{1,100})/(?:issues|pull)/(\d{1,10})(?!\w)`;
const QUALIFIED = String.raw`(?<![\w./-])([A-Za-z0-9][A-Za-z0-9-]{0,38})/([A-Za-z0-9_.-]{1,100})#(\d{1,10})(?!\w)`;
const BARE = String.raw`(?<![\w/#&])#(\d{1,10})(?!\w)`;
const GITHUB_SOURCES = [ISSUE_URL, QUALIFIED, BARE];
const GITHUB_GLOBAL = GITHUB_SOURCES.map((source) => new RegExp(source, "g"));
const GITHUB_STICKY = GITHUB_SOURCES.map((source) => new RegExp(source, "y"));

const CLOSING_KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?[ \t]*/gi;

/**
 * Standard identifiers that look like Jira keys (`UTF-8`, `SHA-256`, `CVE-2024-1234`): never
 * tickets, so a title such as "SHOP-42: fix UTF-8 names" links one ticket, not two.
 */
const NOT_TICKET_PREFIXES = new Set([
  "UTF",
  "UCS",
  "ISO",
  "IEC",
  "SHA",
  "MD",
  "AES",
  "RSA",
  "ECDSA",
  "CVE",
  "CWE",
  "RFC",
  "ECMA",
  "HTTP",
  "TLS",
  "SSL",
  "PEP",
]);

/** A branch's `hotfix/`, `hotfix-` prefix is not part of a ticket key (`hotfix-123` is no `HOTFIX-123`). */
const HOTFIX_PREFIX = /^hot-?fix(?:es)?[-/_]/i;

/** The longest text after a closing keyword that can hold the ticket it closes. */
const MAX_REF_LENGTH = 300;

/** Compiled ticket patterns, a cache only; bounded, since the patterns come from users' configs. */
const compiled = new Map<string, RE2JS>();
const MAX_COMPILED_PATTERNS = 1_000;

/** Every ticket referenced anywhere in `text`, in order of appearance, repeats included. */
export function findTicketRefs(text: string, patterns: readonly string[], repository?: string): TicketRef[] {
  // The three GitHub forms never overlap each other (their lookbehinds see to it).
  const githubRefs = GITHUB_GLOBAL.flatMap((regex) =>
    Array.from(text.matchAll(regex), (match) => toGitHubRef(match, match.index, repository)),
  );
  githubRefs.sort((a, b) => a.start - b.start);
  const refs = githubRefs.slice();
  for (const source of patterns) {
    const matcher = compile(source).matcher(text);
    while (matcher.find()) {
      const key = matcher.group(0);
      const ref = key ? toKeyRef(key, matcher.start()) : undefined;
      // A key pattern may also match inside a GitHub reference (`#12`): the GitHub reading wins.
      if (ref && !overlapsAny(ref, githubRefs)) refs.push(ref);
    }
  }
  return refs.sort((a, b) => a.start - b.start);
}

/**
 * The tickets a body closes: a closing keyword (`close`, `fixes`, `resolved`…, any case, optional
 * colon) immediately followed by a ticket reference, as GitHub reads `Fixes #12`.
 */
export function findClosingRefs(body: string, patterns: readonly string[], repository?: string): TicketRef[] {
  const refs: TicketRef[] = [];
  for (const match of body.matchAll(CLOSING_KEYWORD)) {
    const ref = readTicketAt(body, match.index + match[0].length, patterns, repository);
    if (ref) refs.push(ref);
  }
  return refs;
}

/** A head branch's tickets; the `hotfix/` prefix is not searched. Patterns stay case-sensitive. */
export function findBranchRefs(branch: string, patterns: readonly string[], repository?: string): TicketRef[] {
  return findTicketRefs(branch.replace(HOTFIX_PREFIX, ""), patterns, repository);
}

export function findChangeTickets(
  change: Pick<Change, "title" | "headBranch" | "body" | "repository">,
  patterns: readonly string[],
): ChangeTickets {
  return {
    title: findTicketRefs(change.title, patterns, change.repository),
    branch: findBranchRefs(change.headBranch, patterns, change.repository),
    body: findClosingRefs(change.body, patterns, change.repository),
  };
}

/**
 * The ticket an adapter must look up (into `change.tickets`) when `ticket.verify` is on: the one
 * ticket of the change. None when the change names no ticket or several, since `linked-ticket`
 * then fails before any look-up would count: no tracker is asked about a change it cannot pass.
 */
export function findTicketToVerify(
  change: Pick<Change, "title" | "headBranch" | "body" | "repository">,
  patterns: readonly string[],
): TicketRef | undefined {
  const { title, branch, body } = findChangeTickets(change, patterns);
  const tickets = distinctTickets([...title, ...branch, ...body]);
  return tickets.length === 1 ? tickets[0] : undefined;
}

/** The first reference of each ticket, in order. */
export function distinctTickets(refs: readonly TicketRef[]): TicketRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(ref.id) && seen.add(ref.id));
}

function readTicketAt(
  text: string,
  at: number,
  patterns: readonly string[],
  repository: string | undefined,
): TicketRef | undefined {
  for (const regex of GITHUB_STICKY) {
    regex.lastIndex = at;
    const match = regex.exec(text);
    if (match) return toGitHubRef(match, at, repository);
  }
  const window = text.slice(at, at + MAX_REF_LENGTH);
  for (const source of patterns) {
    const matcher = compile(source).matcher(window);
    const key = matcher.lookingAt() ? matcher.group(0) : null;
    const ref = key ? toKeyRef(key, at) : undefined;
    if (ref) return ref;
  }
  return undefined;
}

function toGitHubRef(match: RegExpMatchArray, start: number, repository: string | undefined): TicketRef {
  const [whole, first, second, third] = match;
  const number = third ?? first ?? "";
  const owner = third === undefined ? undefined : first;
  const repo = third === undefined ? undefined : second;
  const end = start + whole.length;
  const own = repository && (owner === undefined || `${owner}/${repo}`.toLowerCase() === repository.toLowerCase());
  if (own) return { id: `${repository}#${number}`, label: `#${number}`, kind: "github", start, end };
  const id = owner === undefined ? `#${number}` : `${owner}/${repo}#${number}`.toLowerCase();
  return { id, label: id, kind: "github", start, end };
}

function toKeyRef(key: string, start: number): TicketRef | undefined {
  const prefix = key.replace(/^\W+/, "").split("-", 1)[0] ?? "";
  if (NOT_TICKET_PREFIXES.has(prefix.toUpperCase())) return undefined;
  return { id: key, label: key, kind: "key", start, end: start + key.length };
}

/** `sorted` holds non-overlapping refs in order, so a binary search finds the only candidate. */
function overlapsAny(ref: TicketRef, sorted: readonly TicketRef[]): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid]?.start ?? 0) < ref.end) low = mid + 1;
    else high = mid;
  }
  const before = sorted[low - 1];
  return before !== undefined && before.end > ref.start;
}

function compile(source: string): RE2JS {
  let pattern = compiled.get(source);
  if (!pattern) {
    if (compiled.size >= MAX_COMPILED_PATTERNS) compiled.clear();
    pattern = compileSafePattern(source);
    compiled.set(source, pattern);
  }
  return pattern;
}
