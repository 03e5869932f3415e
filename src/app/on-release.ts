import type { Context } from "probot";
import { getRelease } from "../github/get-release.js";
import { RELEASE_CHECK_NAME } from "../github/check-runs.js";
import type { AppDeps } from "./app-deps.js";
import { checkRelease, RELEASE_EXTERNAL_ID } from "./check-release.js";
import { toJudgeTarget } from "./judge-pull-request.js";
import { isOurs } from "./on-check-rerun.js";

/** The release actions that publish a release or pre-release. Drafts are never judged. */
export const RELEASE_TRIGGERS = ["release.published", "release.prereleased"] as const;

export async function onRelease(context: Context<"release.published" | "release.prereleased">, deps: AppDeps): Promise<void> {
  const { release } = context.payload;
  if (release.draft) return;
  await checkRelease(
    toJudgeTarget(context),
    { id: release.id, tag: release.tag_name, target: release.target_commitish },
    deps,
  );
}

/** "Re-run" on our release check: judge that release again (its id is the check's external id). */
export async function onReleaseCheckRerequested(context: Context<"check_run.rerequested">, deps: AppDeps): Promise<void> {
  const run = context.payload.check_run;
  if (run.name !== RELEASE_CHECK_NAME || !isOurs(run.app?.id, deps)) return;
  const id = RELEASE_EXTERNAL_ID.exec(run.external_id ?? "")?.[1];
  if (!id) return;
  const repo = context.repo();
  const release = await getRelease(context.octokit, repo, Number(id));
  await checkRelease({ ...toJudgeTarget(context), repo }, release, deps);
}
