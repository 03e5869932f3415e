import { addReleaseCheck } from "../../core/forward-port/add-release-check.js";
import { evaluateRelease } from "../../core/release/evaluate-release.js";
import { RELEASE_CHECK_NAME, publishCompletedCheck } from "../../github/check-runs.js";
import type { ReleaseRef } from "../../github/get-release.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { loadRepoSettings } from "../../github/load-repo-config.js";
import { readReleaseFacts } from "../../github/read-release-facts.js";
import { resolveCommitSha } from "../../github/resolve-commit-sha.js";
import type { CheckRunOutput } from "../../render/check-run-output.js";
import { renderRelease, renderReleaseError } from "../../render/release-output.js";
import type { AppDeps } from "../app-deps.js";
import { assessReleaseForwardPorts } from "./assess-release-forward-ports.js";
import type { JudgeTarget } from "./judge-target.js";

/** `external_id` of a release check, so that a re-run knows which release to judge again. */
export const RELEASE_EXTERNAL_ID = /^release:(\d+)$/;

/**
 * Judges a release: assesses it and publishes the `single-patch-order/release` check on its commit (the tag's
 * commit, else the target's). Owns failure: anything after the commit is known completes the
 * check as `failure`; only when no commit can be found (nowhere to put a check) does this throw.
 */
export async function judgeRelease(target: JudgeTarget, release: ReleaseRef, deps: AppDeps): Promise<CheckRunOutput> {
  const sha = await resolveCommitSha(target.octokit, target.repo, release.tag).catch(() =>
    resolveCommitSha(target.octokit, target.repo, release.target),
  );
  const output = await assessRelease(target, release, sha, deps.now());
  target.log.info(
    { release: release.tag, sha, conclusion: output.conclusion },
    `judged release ${release.tag}: ${output.title}`,
  );
  await publishCompletedCheck(target.octokit, target.repo, {
    name: RELEASE_CHECK_NAME,
    headSha: sha,
    output,
    completedAt: deps.now(),
    externalId: `release:${release.id}`,
  });
  return output;
}

async function assessRelease(
  target: JudgeTarget,
  release: ReleaseRef,
  sha: string,
  now: Date,
): Promise<CheckRunOutput> {
  try {
    const { config } = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch);
    const facts = await readReleaseFacts(target.octokit, target.repo, {
      tag: release.tag,
      target: release.target,
      sha,
    });
    const forwardPorts = await assessReleaseForwardPorts(target, release.target, config, {
      sha,
      ...(facts.previous ? { previousSha: facts.previous.sha } : {}),
      now,
    });
    if (!forwardPorts) return renderRelease(evaluateRelease(facts, config));
    const report = evaluateRelease(facts, config, new Set(forwardPorts.twinPulls));
    return renderRelease(addReleaseCheck(report, forwardPorts.result));
  } catch (error) {
    target.log.error({ err: error, release: release.tag }, "could not evaluate the release");
    return renderReleaseError(error, findRequestId(error));
  }
}
