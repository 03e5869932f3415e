import type { Context } from "probot";
import { GATE_CHECK_NAME } from "../github/check-runs.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { judgePullRequests } from "./flows/judge-pull-requests.js";

/** The states of a commit status that has finished; `pending` is still running. */
const FINISHED = new Set(["success", "failure", "error"]);

/**
 * A commit status changed (CI systems that report statuses rather than check runs). When it has
 * finished and its context is listed in `tests.requiredChecks`, the open PRs whose head is that
 * commit are judged again, as for a required check run: the gate turns green without a push. A
 * status event carries no PR list, so the PRs are found by head SHA. Pending statuses and the
 * App's own `single-patch-order/…` statuses cost no call.
 */
export async function onStatus(context: Context<"status">, deps: AppDeps): Promise<void> {
  const { state, context: name, sha } = context.payload;
  if (!FINISHED.has(state) || name.startsWith(GATE_CHECK_NAME)) return;
  const settings = await loadRepoSettings(
    context.octokit,
    context.repo(),
    context.payload.repository.default_branch,
  ).catch(() => undefined);
  // An unreadable config is reported by the PR's own judgement; here it only means "maybe".
  if (settings && !settings.config.tests.requiredChecks.includes(name)) return;
  await judgePullRequests(context, deps, [], sha, settings);
}
