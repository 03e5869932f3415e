import type { Probot } from "probot";
import { getInstallationClient } from "./get-installation-client.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * An installation client for a repository, for requests that arrive without a webhook (the gate
 * endpoint): authenticate as the App, find the repository's installation, authenticate as it.
 * A repository the App is not installed on is a 404 from GitHub.
 */
export async function getRepoClient(app: Probot, repo: RepoRef): Promise<GitHubClient> {
  const appClient = await app.auth();
  const { data } = await appClient.rest.apps.getRepoInstallation({ ...repo });
  return getInstallationClient(app, data.id);
}
