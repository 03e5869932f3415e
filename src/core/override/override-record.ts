/**
 * The machine-readable record of a break-glass override, kept as a hidden marker in the App's
 * audit comment on the PR: `<!-- spo:override {"sha":…,"by":…,"reason":…,"at":…,"comment":…} -->`.
 * The App keeps no state of its own; this marker is how a later judgement of the same head SHA
 * finds the override again. Pure.
 */

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

const MARKER = /<!-- spo:override (\{.*?\}) -->/;

/** `<`, `>` and `&` are escaped inside the JSON, so a reason cannot close the HTML comment. */
export function formatOverrideMarker(record: OverrideRecord): string {
  const { sha, by, reason, at, comment } = record;
  const json = JSON.stringify({ sha, by, reason, at, comment }).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<!-- spo:override ${json} -->`;
}

/** The record in a comment body, or undefined when there is none or it is malformed. */
export function parseOverrideMarker(body: string | null | undefined): OverrideRecord | undefined {
  const json = body ? MARKER.exec(body)?.[1] : undefined;
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const { sha, by, reason, at, comment } = value;
    if (typeof sha !== "string" || typeof by !== "string" || typeof reason !== "string" || typeof at !== "string")
      return undefined;
    if (typeof comment !== "number" || !Number.isSafeInteger(comment)) return undefined;
    return { sha, by, reason, at, comment };
  } catch {
    return undefined;
  }
}

/** The fields of an issue comment that decide whether its marker can be trusted. */
export interface CommentSnapshot {
  id: number;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { id?: number } | null;
}

/**
 * Only the App's own comments count: written by a bot user through this App. Anyone can type the
 * marker into a comment, and another App (or a workflow's `github-actions[bot]`) could post one;
 * with no App id known nothing is trusted.
 */
export function isOwnComment(comment: CommentSnapshot, appId: number | undefined): boolean {
  return appId !== undefined && comment.user?.type === "Bot" && comment.performed_via_github_app?.id === appId;
}

/** Every record in the App's own comments, in comment order (oldest first). */
export function readOverrideRecords(comments: readonly CommentSnapshot[], appId: number | undefined): OverrideRecord[] {
  return comments.filter((c) => isOwnComment(c, appId)).flatMap((c) => parseOverrideMarker(c.body) ?? []);
}

/** The override that holds for `sha`: the newest trusted record given on that commit. */
export function findOverrideForSha(records: readonly OverrideRecord[], sha: string): OverrideRecord | undefined {
  return records.filter((r) => r.sha === sha).at(-1);
}
