import type { Context } from "probot";
import type { AppDeps } from "./app-deps.js";

/**
 * Every `pull_request` delivery the App listens to tells the open-heads index (open-heads.ts) where
 * that PR's head is now, or that it closed: `opened`, `reopened` and `synchronize` are the only
 * actions that move a head or reopen a PR, and `closed` ends it; the other judged actions carry the
 * head too. Actions no handler needs (`assigned`, …) are not listened to, so they cost no token.
 * Registered before the handlers that judge, so the note is taken as the delivery arrives; a note
 * that fails is the index's to handle (it then answers "unknown"), never the judgement's.
 */
export async function onAnyPullRequest(context: Context<"pull_request">, deps: AppDeps): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  if (!deps.openHeads || !repository?.id) return;
  const updatedAt = Date.parse(pr.updated_at);
  if (!Number.isFinite(updatedAt)) return;
  await deps.openHeads.note(repository.id, {
    number: pr.number,
    sha: pr.head.sha,
    updatedAt,
    open: pr.state === "open",
  });
}
