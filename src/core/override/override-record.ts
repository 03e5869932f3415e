/**
 * The App's own record of a judgement, kept where only the App writes: the last line of the
 * `output.text` of every `single-patch-order` check run it publishes for a pull request, signed
 * with a server-side key (src/github/override-store.ts). It says which pull request and commit
 * the run judged, who pushed that commit when the App saw the push, and the override that holds,
 * if any. No comment, title, label or other user text is ever read for it (SPEC §8). Pure: the
 * store encodes, signs and verifies; this module builds, parses and decides.
 */

/** A break-glass override, as the App recorded it. */
export interface OverrideRecord {
  /** The head SHA the override was given on; it holds for that commit only. */
  sha: string;
  /** The login of whoever overrode. */
  by: string;
  reason: string;
  /** When the override was asked for (the command comment's time), ISO 8601. */
  at: string;
  /** The id of the comment that asked for it: a redelivered comment is recognised by it. */
  comment: number;
}

/** What one gate run records: `v: 1`, the run's repository, pull request and commit, and the rest when known. */
export interface GateRecord {
  v: 1;
  /** `owner/name`. */
  repo: string;
  pr: number;
  sha: string;
  /** The override that holds for this commit, carried into every run that judges it again. */
  override?: Omit<OverrideRecord, "sha">;
  /** Who pushed this commit (the sender of the `opened` or `synchronize` delivery that brought it). */
  pushedBy?: string;
}

/** The fixed line a signed record takes: `<!-- spo:record v1 <base64url json>.<base64url signature> -->`. */
const RECORD_LINE = /^<!-- spo:record v1 ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+) -->$/;

export function formatRecordLine(payload: string, signature: string): string {
  return `<!-- spo:record v1 ${payload}.${signature} -->`;
}

/** The encoded parts of the record on the LAST line of a run's text, or undefined when that line is no record. */
export function readRecordLine(text: string | null | undefined): { payload: string; signature: string } | undefined {
  const last = text?.split("\n").at(-1) ?? "";
  const match = RECORD_LINE.exec(last);
  return match ? { payload: match[1]!, signature: match[2]! } : undefined;
}

/** The JSON that is signed: fixed key order, absent fields left out, so one record has one text. */
export function toCanonicalJson(record: GateRecord): string {
  const { override, pushedBy } = record;
  return JSON.stringify({
    v: 1,
    repo: record.repo,
    pr: record.pr,
    sha: record.sha,
    ...(override ? { by: override.by, reason: override.reason, at: override.at, comment: override.comment } : {}),
    ...(pushedBy === undefined ? {} : { pushedBy }),
  });
}

/** A record from its canonical JSON, or undefined when anything is missing or of the wrong type. */
export function parseGateRecord(json: string): GateRecord | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { v, repo, pr, sha, by, reason, at, comment, pushedBy } = value ?? {};
  if (v !== 1 || typeof repo !== "string" || typeof sha !== "string" || !isId(pr)) return undefined;
  if (pushedBy !== undefined && typeof pushedBy !== "string") return undefined;
  const overridden = by !== undefined || reason !== undefined || at !== undefined || comment !== undefined;
  if (overridden && (typeof by !== "string" || typeof reason !== "string" || typeof at !== "string" || !isId(comment)))
    return undefined;
  return {
    v: 1,
    repo,
    pr,
    sha,
    ...(overridden
      ? { override: { by: by as string, reason: reason as string, at: at as string, comment: comment as number } }
      : {}),
    ...(pushedBy === undefined ? {} : { pushedBy }),
  };
}

function isId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/** A verified record with the id of the check run that carried it (ids grow with creation). */
export interface RecordedRun {
  runId: number;
  record: GateRecord;
}

/** What the App's records say about one pull request's head commit. */
export interface RecordedState {
  /** The override that holds: the one in the newest run judging this PR on this commit, if it carries one. */
  override?: OverrideRecord;
  /** Everyone the App saw push this commit to this repository (for any PR), in run order. */
  pushers: string[];
  /** Comment ids of every override recorded for this PR on this commit: a redelivered command is found by it. */
  comments: number[];
}

/**
 * Decides from verified records only. The newest run of ours for (repository, PR, SHA) is the
 * state: an override holds while each judgement carries it forward, and a run without it (the
 * label was removed, the commit was pushed again) ends it for good. Records of other
 * repositories, other PRs (for the override) or other commits are ignored.
 */
export function decideRecordedState(
  runs: readonly RecordedRun[],
  target: { repo: string; pr: number; sha: string },
): RecordedState {
  const onCommit = runs
    .filter((r) => r.record.sha === target.sha && r.record.repo.toLowerCase() === target.repo.toLowerCase())
    .sort((a, b) => a.runId - b.runId);
  const forPr = onCommit.filter((r) => r.record.pr === target.pr);
  const newest = forPr.at(-1)?.record.override;
  return {
    ...(newest ? { override: { sha: target.sha, ...newest } } : {}),
    pushers: [...new Set(onCommit.flatMap((r) => (r.record.pushedBy ? [r.record.pushedBy] : [])))],
    comments: forPr.flatMap((r) => (r.record.override ? [r.record.override.comment] : [])),
  };
}
