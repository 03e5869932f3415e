import type { Context } from "probot";
import { ConfigError } from "../../config/config-error.js";
import { SourceError } from "../../core/errors.js";
import type { HeadPeople } from "../../core/override/can-override.js";
import type { OverrideRecord, RecordedState } from "../../core/override/override-record.js";
import { postComment } from "../../github/comments.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { addLabel } from "../../github/labels.js";
import { loadRepoSettings } from "../../github/load-repo-config.js";
import { readRecordedState } from "../../github/override-store.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import { readCommitPeople } from "../../github/read-head-commit.js";
import { renderOverrideComment } from "../../render/override-comment.js";
import {
  renderAlreadyOverridden,
  renderNothingToOverride,
  renderOverrideConfigError,
  renderOverrideFailed,
  renderOverrideRefused,
  type OverrideStage,
} from "../../render/override-replies.js";
import { recordAccess, type AppDeps } from "../app-deps.js";
import { assessOverride } from "./assess-override.js";
import { applyOverride, assessPullRequest } from "./assess-pull-request.js";
import { publishStrictest } from "./publish-strictest.js";
import { toJudgeTarget, type JudgeTarget } from "./judge-target.js";
import { replyAtMostOnce } from "./reply-at-most-once.js";

/**
 * `/spo override <reason>` in a new PR comment. When the person may (the policy, and not the
 * PR's author nor the head commit's pusher, author or committer) and the rules fail, the
 * override is recorded in this order: the override label (a hint; a label without a record is
 * removed by the next judgement), the check turned `success` with the signed record on its last
 * line (from then on the override holds), and the App's audit comment for people. A redelivered
 * comment finds its id in the records and changes nothing. Anything else gets a reply that says
 * why the override did not count; refusals are rate-limited (reply-at-most-once.ts).
 */
export async function overrideFromComment(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
  reason: string,
): Promise<void> {
  const { issue, comment, repository } = context.payload;
  const repo = context.repo();
  const actor = comment.user?.login ?? "";
  const reply = (body: string) => postComment(context.octokit, repo, issue.number, body);
  const target: JudgeTarget = toJudgeTarget(context);
  const access = recordAccess(deps);
  const head: { pr?: PullRequestData; state?: RecordedState } = {};
  const readHead = async (): Promise<HeadPeople> => {
    if (!access)
      throw new SourceError(
        "the App has no key to sign override records (set PRIVATE_KEY, PRIVATE_KEY_PATH or OVERRIDE_SIGNING_KEY)",
        false,
      );
    const pr = await getPullRequest(context.octokit, repo, issue.number);
    const [state, people] = await Promise.all([
      readRecordedState(context.octokit, repo, pr, access),
      readCommitPeople(context.octokit, repo, pr.head.sha),
    ]);
    Object.assign(head, { pr, state });
    return { pushers: state.pushers, ...people };
  };
  let stage: OverrideStage = "checking";
  try {
    const settings = await loadRepoSettings(context.octokit, repo, repository.default_branch);
    const config = settings.config;
    const ask = { actor, author: issue.user?.login, reason, readHead };
    const verdict = await assessOverride(context.octokit, repo, ask, config);
    if (!verdict.allowed) {
      const audience = { actor, repository: `${repo.owner}/${repo.repo}`, policy: config.override };
      await replyAtMostOnce(
        context,
        deps,
        issue.number,
        actor,
        renderOverrideRefused(audience, verdict.denial, "comment"),
      );
      return;
    }
    const { pr, state } = head;
    if (!pr || !state) throw new Error("the head commit was not read before the override was allowed");
    if (state.comments.includes(comment.id)) {
      context.log.info(
        { pr: pr.number, comment: comment.id },
        "override already recorded for this comment (redelivery)",
      );
      return;
    }
    if (state.override) return void (await reply(renderAlreadyOverridden(actor, state.override)));
    const assessment = await assessPullRequest(target, pr, deps, { settings, override: null });
    if (assessment.report?.verdict !== "fail" || !assessment.record)
      return void (await reply(renderNothingToOverride(actor, pr.head.sha, assessment.output)));
    const record: OverrideRecord = {
      sha: pr.head.sha,
      by: actor,
      reason: reason.trim(),
      at: comment.created_at || deps.now().toISOString(),
      comment: comment.id,
    };
    stage = "labelling";
    await addLabel(context.octokit, repo, pr.number, config.override.label);
    stage = "publishing";
    const overridden = applyOverride({ ...assessment, report: assessment.report, record: assessment.record }, record);
    await publishStrictest(target, pr, deps, overridden);
    stage = "commenting";
    const failed = assessment.report.results.filter((r) => r.verdict === "fail");
    await reply(
      renderOverrideComment({
        record,
        grant: verdict.grant,
        failed,
        label: config.override.label,
        requestUrl: comment.html_url,
      }),
    );
  } catch (error) {
    if (error instanceof ConfigError)
      return void (await replyAtMostOnce(
        context,
        deps,
        issue.number,
        actor,
        renderOverrideConfigError(actor, error.source, "comment"),
      ));
    context.log.error({ err: error, pr: issue.number }, "could not apply the override");
    const requestId = error instanceof SourceError ? error.requestId : findRequestId(error);
    await reply(renderOverrideFailed(actor, error instanceof Error ? error.message : String(error), requestId, stage));
  }
}
