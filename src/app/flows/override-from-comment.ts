import type { Context } from "probot";
import { ConfigError } from "../../config/config-error.js";
import { SourceError } from "../../core/errors.js";
import { findOverrideForSha, type OverrideRecord } from "../../core/override/override-record.js";
import { postComment } from "../../github/comments.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import { addLabel } from "../../github/labels.js";
import { loadRepoSettings } from "../../github/load-repo-config.js";
import { readRecordedOverrides } from "../../github/overrides.js";
import { renderOverrideComment } from "../../render/override-comment.js";
import {
  renderAlreadyOverridden,
  renderNothingToOverride,
  renderOverrideConfigError,
  renderOverrideFailed,
  renderOverrideRefused,
  type OverrideStage,
} from "../../render/override-replies.js";
import type { AppDeps } from "../app-deps.js";
import { assessOverride } from "./assess-override.js";
import { applyOverride, assessPullRequest } from "./assess-pull-request.js";
import { publishStrictest } from "./publish-strictest.js";
import { toJudgeTarget, type JudgeTarget } from "./judge-target.js";

/**
 * `/spo override <reason>` in a new PR comment. When the person may and the rules fail, the
 * override is recorded three ways, in this order: the override label (a label without a record is
 * removed by the next judgement), the App's audit comment with the hidden record, and the check
 * turned `success` with the override on top. A redelivered comment finds its record and changes
 * nothing. Anything else gets a reply that says why the override did not count.
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
  let stage: OverrideStage = "checking";
  try {
    const settings = await loadRepoSettings(context.octokit, repo, repository.default_branch);
    const config = settings.config;
    const verdict = await assessOverride(context.octokit, repo, { actor, author: issue.user?.login, reason }, config);
    if (!verdict.allowed) {
      await reply(
        renderOverrideRefused(
          { actor, repository: `${repo.owner}/${repo.repo}`, policy: config.override },
          verdict.denial,
          "comment",
        ),
      );
      return;
    }
    const pr = await getPullRequest(context.octokit, repo, issue.number);
    const records = await readRecordedOverrides(context.octokit, repo, pr.number, deps.appId);
    if (records.some((r) => r.comment === comment.id)) {
      context.log.info(
        { pr: pr.number, comment: comment.id },
        "override already recorded for this comment (redelivery)",
      );
      return;
    }
    const holding = findOverrideForSha(records, pr.head.sha);
    if (holding) return void (await reply(renderAlreadyOverridden(actor, holding)));
    const assessment = await assessPullRequest(target, pr, deps.appId, { settings, override: null });
    if (assessment.report?.verdict !== "fail")
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
    stage = "recording";
    const failed = assessment.report.results.filter((r) => r.verdict === "fail");
    await postComment(
      context.octokit,
      repo,
      pr.number,
      renderOverrideComment({
        record,
        grant: verdict.grant,
        failed,
        label: config.override.label,
        requestUrl: comment.html_url,
      }),
    );
    stage = "publishing";
    await publishStrictest(target, pr, deps, applyOverride({ ...assessment, report: assessment.report }, record));
  } catch (error) {
    if (error instanceof ConfigError)
      return void (await reply(renderOverrideConfigError(actor, error.source, "comment")));
    context.log.error({ err: error, pr: issue.number }, "could not apply the override");
    const requestId = error instanceof SourceError ? error.requestId : findRequestId(error);
    await reply(renderOverrideFailed(actor, error instanceof Error ? error.message : String(error), requestId, stage));
  }
}
