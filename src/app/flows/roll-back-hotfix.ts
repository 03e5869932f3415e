import type { Config } from "../../config/schema.js";
import {
  findRollbackPlan,
  revertBranchName,
  rollbackMarker,
  type FailedCanary,
  type RevertOutcome,
} from "../../core/deploy/failed-canary.js";
import { distinctTickets, findChangeTickets } from "../../core/readers/find-tickets.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import type { CommitPull } from "../../github/list-commit-pulls.js";
import { openRevertPull } from "../../github/open-revert-pull.js";
import { isOwnComment, listRecentComments, postComment } from "../../github/comments.js";
import { describeFailure } from "../../render/describe-failure.js";
import { renderRevertPull } from "../../render/revert-pull.js";
import { renderRollbackComment } from "../../render/rollback-comment.js";
import type { Log } from "../app-deps.js";

interface Target {
  octokit: GitHubClient;
  repo: RepoRef;
  log: Log;
  /** This App's id: only its own comments can say the rollback was posted. */
  appId?: number;
}

/**
 * Once per failed canary status: open the revert PR (with `deploy.autoRevert`), then post the
 * rollback plan with the revert's outcome. A redelivery finds the marker in the App's own comment
 * and does nothing; the revert PR is opened at most once per hotfix branch whatever happens.
 *
 * The look-up is bounded: one page of the comments updated since the failed status was created.
 * The App's comment for that status can only be newer than the status, so it is on that page
 * unless more than 100 comments came after it; then a redelivery posts the plan again (a second
 * notice, never a lost one). A marker typed by someone else is not the App's and suppresses nothing.
 */
export async function rollBackHotfix(
  target: Target,
  pr: CommitPull,
  failure: FailedCanary,
  config: Config,
): Promise<void> {
  const marker = rollbackMarker(failure);
  const comments = await listRecentComments(target.octokit, target.repo, pr.number, failure.at);
  if (comments.some((comment) => isOwnComment(comment, target.appId) && comment.body?.includes(marker))) {
    target.log.info({ pr: pr.number, marker }, "rollback already posted for this failure");
    return;
  }
  const revert = config.deploy.autoRevert ? await revertHotfix(target, pr, failure, config) : undefined;
  const body = renderRollbackComment({
    failure,
    plan: findRollbackPlan(pr.body, config.sections.rollback),
    headings: config.sections.rollback,
    ...(revert ? { revert } : {}),
  });
  await postComment(target.octokit, target.repo, pr.number, body);
  target.log.info({ pr: pr.number, revert: revert?.kind }, `posted the rollback plan on #${pr.number}`);
}

async function revertHotfix(
  target: Target,
  pr: CommitPull,
  failure: FailedCanary,
  config: Config,
): Promise<RevertOutcome> {
  if (!pr.mergedAt || !pr.mergeCommitSha)
    return {
      kind: "skipped",
      reason: `#${pr.number} is not merged, so there is nothing to revert on ${pr.baseRef}; close it or push a fix.`,
    };
  const repository = `${target.repo.owner}/${target.repo.repo}`;
  const found = findChangeTickets(
    { title: pr.title, headBranch: pr.headRef, body: pr.body, repository },
    config.ticket.patterns,
  );
  const ticket = distinctTickets([...found.title, ...found.branch, ...found.body])[0]?.label;
  const text = renderRevertPull(pr, pr.mergeCommitSha, ticket, failure);
  try {
    return await openRevertPull(target.octokit, target.repo, {
      number: pr.number,
      baseRef: pr.baseRef,
      mergeCommitSha: pr.mergeCommitSha,
      branch: revertBranchName(pr.headRef),
      ...text,
    });
  } catch (error) {
    target.log.error({ err: error, pr: pr.number }, "could not open the revert pull request");
    return { kind: "failed", reason: describeFailure(error).reason };
  }
}
