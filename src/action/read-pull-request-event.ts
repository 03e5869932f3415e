import { readFile } from "node:fs/promises";
import type { RepoRef } from "../github/github-client.js";
import type { PullRequestData } from "../github/pull-request-data.js";

const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];

export interface PullRequestEvent {
  repo: RepoRef;
  defaultBranch: string;
  pr: PullRequestData;
}

interface Payload {
  pull_request?: PullRequestData;
  repository?: { name: string; owner: { login: string }; default_branch: string };
}

/** The pull request of the workflow's event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH). Throws for any other event. */
export async function readPullRequestEvent(
  env: Readonly<Record<string, string | undefined>>,
): Promise<PullRequestEvent> {
  const name = env.GITHUB_EVENT_NAME ?? "";
  if (!PULL_REQUEST_EVENTS.includes(name)) {
    throw new Error(
      `single-patch-order judges pull requests: run it on the pull_request or pull_request_target event (this run is for "${name || "an unknown event"}").`,
    );
  }
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new Error("GITHUB_EVENT_PATH is not set: this step must run inside a GitHub Actions job.");
  let payload: Payload;
  try {
    payload = JSON.parse(await readFile(path, "utf8")) as Payload;
  } catch (error) {
    throw new Error(
      `cannot read the event payload at ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { pull_request: pr, repository } = payload;
  if (!pr || !repository) throw new Error(`the ${name} event payload at ${path} has no pull_request or repository.`);
  return {
    repo: { owner: repository.owner.login, repo: repository.name },
    defaultBranch: repository.default_branch,
    pr,
  };
}
