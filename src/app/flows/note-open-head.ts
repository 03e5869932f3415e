import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";

/**
 * Tells the open-heads index (../open-heads.ts) where a `pull_request` delivery's PR has its head
 * now, or that it closed. The handlers of every action the App listens to call it first, before
 * anything is judged: `opened`, `reopened` and `synchronize` are the only actions that move a head
 * or reopen a PR, `closed` ends it, and the other judged actions carry the head too. Actions no
 * handler needs (`assigned`, …) are not listened to, so they cost no token. A note that fails is the
 * index's to handle (it then answers "unknown"), never the judgement's.
 */
export async function noteOpenHead(context: Pick<Context<"pull_request">, "payload">, deps: AppDeps): Promise<void> {
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
