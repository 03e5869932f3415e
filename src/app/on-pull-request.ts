import type { Context } from "probot";
import { hasLabel } from "../github/labels.js";
import { loadRepoSettings, type RepoSettings } from "../github/load-repo-config.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import type { AppDeps } from "./app-deps.js";
import { judgeConfigChange } from "./flows/judge-config-change.js";
import { judgePullRequest } from "./flows/judge-pull-requests.js";
import { toJudgeTarget, type JudgeTarget } from "./flows/judge-target.js";

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
 * Judges the PR straight from the payload: no extra call to read the PR. A push (synchronize)
 * brings a new head SHA, which ends any override. A bot adding or removing the override label is
 * the App recording or ending an override itself: that is not judged again. Then, when the PR
 * changes the config file, its `single-patch-order/config` check (flows/judge-config-change.ts),
 * from what the gate already read.
 */
export async function onPullRequest(context: Context<"pull_request">, deps: AppDeps): Promise<void> {
  const { pull_request: pr } = context.payload;
  if (pr.state === "closed") return;
  const target = toJudgeTarget(context);
  const settings = await readSettingsForBotLabel(context, target);
  if (settings === "own-label") return;
  const assessment = await judgePullRequest(target, pr as PullRequestData, deps, {
    freshHead: context.payload.action === "synchronize",
    ...(settings ? { settings } : {}),
  });
  await judgeConfigChange(target, pr as PullRequestData, deps, {
    ...(assessment.files ? { files: assessment.files } : {}),
    ...(assessment.settings ? { settings: assessment.settings } : {}),
  });
}

/**
 * For a label event sent by a bot: "own-label" when the label is the override label, else the
 * settings read to find out (so the judgement does not read them again). An unreadable config is
 * left to the judgement to report.
 */
async function readSettingsForBotLabel(
  context: Context<"pull_request">,
  target: JudgeTarget,
): Promise<RepoSettings | "own-label" | undefined> {
  const { payload } = context;
  if (
    (payload.action !== "labeled" && payload.action !== "unlabeled") ||
    payload.sender.type !== "Bot" ||
    !payload.label
  )
    return undefined;
  const settings = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch).catch(() => undefined);
  if (settings && hasLabel([payload.label], settings.config.override.label)) {
    context.log.debug(
      { pr: payload.pull_request.number, label: payload.label.name },
      "a bot changed the override label: not judged again",
    );
    return "own-label";
  }
  return settings;
}
