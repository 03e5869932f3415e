import type { Context } from "probot";
import { ConfigError } from "../config/config-error.js";
import type { HeadPeople } from "../core/override/can-override.js";
import { GATE_CHECK_NAME } from "../github/check-runs.js";
import { postComment } from "../github/comments.js";
import { findOpenPullRequestsByHead, getPullRequest } from "../github/find-pull-requests.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { readRecordedState } from "../github/override-store.js";
import type { PullRequestData } from "../github/pull-request-data.js";
import { readCommitPeople } from "../github/read-head-commit.js";
import { OVERRIDE_ACTION_ID } from "../render/override-action.js";
import { renderOverrideConfigError, renderOverrideConfirm, renderOverrideRefused } from "../render/override-replies.js";
import { isOurs, recordAccess, type AppDeps } from "./app-deps.js";
import { assessOverride } from "./flows/assess-override.js";
import { numbersInRepo } from "./flows/judge-pull-requests.js";
import { replyAtMostOnce } from "./flows/reply-at-most-once.js";

/**
 * The "Override" button on our failing check. GitHub lets anyone with write access click it, and
 * a click carries no reason, so it never overrides by itself: it checks the same permissions as
 * `/spo override` (the second-person rule included) and replies on the PR, asking an allowed
 * person to confirm with `/spo override <reason>` and telling anyone else who may (at most once
 * per person per PR per window). Nothing is recorded.
 */
export async function onCheckRunRequestedAction(
  context: Context<"check_run.requested_action">,
  deps: AppDeps,
): Promise<void> {
  const { check_run: run, requested_action: action, sender, repository } = context.payload;
  if (
    run.name !== GATE_CHECK_NAME ||
    !isOurs(run.app?.id, deps) ||
    action?.identifier !== OVERRIDE_ACTION_ID ||
    sender.type === "Bot"
  )
    return;
  const repo = context.repo();
  const listed = numbersInRepo(run.pull_requests, repository.id);
  const numbers = listed.length ? listed : await findOpenPullRequestsByHead(context.octokit, repo, run.head_sha);
  for (const number of new Set(numbers)) {
    const pr = await getPullRequest(context.octokit, repo, number);
    const answer = await answerClick(context, deps, sender.login, pr);
    if (answer.allowed) await postComment(context.octokit, repo, number, answer.body);
    else await replyAtMostOnce(context, deps, number, sender.login, answer.body);
  }
}

/**
 * The PR's current head is named: a `/spo override` comment applies to it, whichever commit the
 * clicked check was on.
 */
async function answerClick(
  context: Context<"check_run.requested_action">,
  deps: AppDeps,
  actor: string,
  pr: PullRequestData,
): Promise<{ allowed: boolean; body: string }> {
  const repo = context.repo();
  const access = recordAccess(deps);
  const readHead = async (): Promise<HeadPeople> => {
    const [state, people] = await Promise.all([
      access ? readRecordedState(context.octokit, repo, pr, access) : { pushers: [] },
      readCommitPeople(context.octokit, repo, pr.head.sha),
    ]);
    return { pushers: state.pushers, ...people };
  };
  try {
    const { config } = await loadRepoSettings(context.octokit, repo, context.payload.repository.default_branch);
    const verdict = await assessOverride(context.octokit, repo, { actor, author: pr.user?.login, readHead }, config);
    if (verdict.allowed) return { allowed: true, body: renderOverrideConfirm(actor, pr.head.sha) };
    const audience = { actor, repository: `${repo.owner}/${repo.repo}`, policy: config.override };
    return { allowed: false, body: renderOverrideRefused(audience, verdict.denial, "button") };
  } catch (error) {
    if (error instanceof ConfigError)
      return { allowed: false, body: renderOverrideConfigError(actor, error.source, "button") };
    throw error;
  }
}
