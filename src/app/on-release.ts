import type { Context } from "probot";
import type { AppDeps } from "./app-deps.js";
import { judgeRelease } from "./flows/judge-release.js";
import { toJudgeTarget } from "./flows/judge-target.js";

/** The release actions that publish a release or pre-release. Drafts are never judged. */
export const RELEASE_TRIGGERS = ["release.published", "release.prereleased"] as const;

export async function onRelease(
  context: Context<"release.published" | "release.prereleased">,
  deps: AppDeps,
): Promise<void> {
  const { release } = context.payload;
  if (release.draft) return;
  await judgeRelease(
    toJudgeTarget(context),
    { id: release.id, tag: release.tag_name, target: release.target_commitish },
    deps,
  );
}
