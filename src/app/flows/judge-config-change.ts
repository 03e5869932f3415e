import type { ChangedFile } from "../../core/change.js";
import { CONFIG_CHECK_NAME, publishCompletedCheck } from "../../github/check-runs.js";
import { findRequestId } from "../../github/describe-github-error.js";
import { listPullFiles, MAX_FILES_GITHUB_LISTS, MAX_LISTED_FILES } from "../../github/list-pull-files.js";
import type { RepoSettings } from "../../github/load-repo-config.js";
import type { PullRequestData } from "../../github/pull-request-data.js";
import type { CheckRunOutput } from "../../render/check-run-output.js";
import { renderConfigCheck, renderConfigCheckError } from "../../render/config-check-output.js";
import type { AppDeps } from "../app-deps.js";
import { assessConfigChange } from "./assess-config-change.js";
import { findConfigFileChange } from "./find-config-file-change.js";
import type { JudgeTarget } from "./judge-target.js";

/** What the gate's judgement of the same event already read, so that nothing is read twice. */
export interface ConfigCheckInputs {
  /** The PR's files, when the gate listed them (a hotfix). */
  files?: readonly ChangedFile[];
  /** The default branch's settings, when the gate read them without error. */
  settings?: RepoSettings;
}

/**
 * The `single-patch-order/config` check (SPEC §12), for a pull request whose files add, change,
 * rename or delete `.github/single-patch-order.yml`. A PR that does not touch it gets no check and
 * costs no call beyond its file list: reused from the gate for a hotfix, listed here otherwise (one
 * call per 100 files, up to GitHub's 3,000).
 *
 * Once the file is known to change, the check is always published, once, already completed: an
 * error completes it as `failure` with how to retry. Throws only when the file list or the check
 * itself cannot be had from GitHub (the delivery then fails and is redelivered).
 */
export async function judgeConfigChange(
  target: JudgeTarget,
  pr: PullRequestData,
  deps: AppDeps,
  inputs: ConfigCheckInputs = {},
): Promise<CheckRunOutput | undefined> {
  const files = isComplete(inputs.files, pr)
    ? inputs.files
    : await listPullFiles(target.octokit, target.repo, pr, MAX_FILES_GITHUB_LISTS);
  const status = findConfigFileChange(files);
  if (!status) return undefined;
  let output: CheckRunOutput;
  try {
    output = renderConfigCheck(await assessConfigChange(target, pr, status, inputs.settings));
  } catch (error) {
    target.log.error({ err: error, pr: pr.number }, "could not check the config change");
    output = renderConfigCheckError(error, findRequestId(error));
  }
  target.log.info(
    { pr: pr.number, sha: pr.head.sha, conclusion: output.conclusion },
    `config check #${pr.number}: ${output.title}`,
  );
  await publishCompletedCheck(target.octokit, target.repo, {
    name: CONFIG_CHECK_NAME,
    headSha: pr.head.sha,
    output,
    completedAt: deps.now(),
    externalId: String(pr.number),
  });
  return output;
}

/** Whether the gate's list holds every file of the PR (it stops at MAX_LISTED_FILES). */
function isComplete(files: readonly ChangedFile[] | undefined, pr: PullRequestData): files is readonly ChangedFile[] {
  if (!files) return false;
  return files.length < MAX_LISTED_FILES || files.length >= (pr.changed_files ?? Number.POSITIVE_INFINITY);
}
