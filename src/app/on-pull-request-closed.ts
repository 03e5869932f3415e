import type { Context } from "probot";
import { ConfigError } from "../config/config-error.js";
import { findForwardPortTarget } from "../core/forward-port/needs-twin-facts.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { judgeForwardPort, owesForwardPort, type MergedPullRequest } from "./flows/judge-forward-port.js";
import { noteOpenHead } from "./flows/note-open-head.js";
import { toJudgeTarget } from "./flows/judge-target.js";
import { rejudgeForwardPorts } from "./flows/rejudge-forward-ports.js";

/**
 * A pull request closed: the open-heads index is told first (flows/note-open-head.ts). Merged, with `forwardPort` on (SPEC §13): a hotfix merged into a `from`
 * branch gets its `single-patch-order/forward-port` check (`after`); a merge into the target is
 * the moment a twin may have arrived, so what it may satisfy is judged again. Closed without a
 * merge, nothing is owed and nothing is read. An invalid config is reported by every PR's gate;
 * here it means no forward-port judgement (logged).
 */
export async function onPullRequestClosed(context: Context<"pull_request.closed">, deps: AppDeps): Promise<void> {
  await noteOpenHead(context, deps);
  const { pull_request: pr } = context.payload;
  if (!pr.merged || !pr.merged_at || !pr.merge_commit_sha) return;
  const target = toJudgeTarget(context);
  const settings = await loadRepoSettings(target.octokit, target.repo, target.defaultBranch).catch((error) => {
    if (error instanceof ConfigError) {
      context.log.warn({ pr: pr.number, problems: error.problems }, "invalid config: no forward-port judgement");
      return undefined;
    }
    throw error;
  });
  if (!settings || settings.config.forwardPort.mode === "off") return;
  const merged: MergedPullRequest = {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    labels: pr.labels,
    head: { ref: pr.head.ref },
    base: { ref: pr.base.ref },
    merged_at: pr.merged_at,
    merge_commit_sha: pr.merge_commit_sha,
    html_url: pr.html_url,
  };
  if (owesForwardPort(merged, settings.config, target.defaultBranch))
    return void (await judgeForwardPort(target, merged, settings, deps));
  if (pr.base.ref === findForwardPortTarget(settings.config, target.defaultBranch))
    await rejudgeForwardPorts(context, target, { number: pr.number }, settings, deps);
}
