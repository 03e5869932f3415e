import type { Context } from "probot";
import { sameLogin } from "../core/override/can-override.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import type { AppDeps } from "./app-deps.js";
import { judgeConfigChange } from "./flows/judge-config-change.js";
import { judgeCurrentPullRequest } from "./flows/judge-current-pull-request.js";
import { noteOpenHead } from "./flows/note-open-head.js";
import { toJudgeTarget } from "./flows/judge-target.js";

/** The pull_request actions that can change a verdict. */
export const PULL_REQUEST_TRIGGERS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.edited",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
] as const;

/**
 * Notes where the PR's head is for the open-heads index (flows/note-open-head.ts), then judges the
 * PR as it is on GitHub now: the payload, unless a free conditional re-read shows a newer state
 * (flows/judge-current-pull-request.ts). A push (synchronize) brings a new head SHA,
 * which ends any override; the sender of `opened` and `synchronize` pushed the head, and the check
 * records it (the second-person rule reads it back). A label added or removed by this App's own bot
 * is the App recording or ending an override itself: that is not judged again. A label changed by
 * anyone else, another bot included, is.
 * Then, when the PR changes the config file, its `single-patch-order/config` check
 * (flows/judge-config-change.ts), from what the gate already read.
 */
export async function onPullRequest(context: Context<"pull_request">, deps: AppDeps): Promise<void> {
  await noteOpenHead(context, deps);
  const { pull_request: pr, action, sender } = context.payload;
  if (pr.state === "closed") return;
  if (await isOwnLabelChange(context, deps)) {
    context.log.debug({ pr: pr.number, action }, "this App changed a label itself: not judged again");
    return;
  }
  const pushed = action === "opened" || action === "synchronize";
  const target = toJudgeTarget(context);
  const judged = await judgeCurrentPullRequest(target, pr as PullRequestData, deps, {
    freshHead: action === "synchronize",
    ...(pushed && sender?.login ? { pushedBy: sender.login } : {}),
  });
  if (!judged) return;
  await judgeConfigChange(target, judged.pr, deps, {
    ...(judged.assessment.files ? { files: judged.assessment.files } : {}),
    ...(judged.assessment.settings ? { settings: judged.assessment.settings } : {}),
  });
}

/** A `labeled`/`unlabeled` delivery whose sender is this App's bot (by login, `<slug>[bot]`). */
async function isOwnLabelChange(context: Context<"pull_request">, deps: AppDeps): Promise<boolean> {
  const { action, sender } = context.payload;
  if ((action !== "labeled" && action !== "unlabeled") || sender?.type !== "Bot") return false;
  const own = await deps.botLogin?.();
  return own !== undefined && sameLogin(own, sender.login);
}
