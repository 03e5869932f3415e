import { ProbotOctokit } from "probot";
import type { GitHubClient } from "./github-client.js";

/** GitHub's REST API; GitHub Enterprise Server's is `https://<host>/api/v3` (Actions sets GITHUB_API_URL). */
export const DEFAULT_API_URL = "https://api.github.com";

/**
 * The GitHub client of the Action and `spo check --pr`: the App's Octokit (same plugins: retries
 * on 5xx, throttling, pagination, config) authenticated with a token instead of an installation.
 */
export function createTokenClient(
  token: string,
  apiUrl = DEFAULT_API_URL,
  Octokit: typeof ProbotOctokit = ProbotOctokit,
): GitHubClient {
  return new Octokit({ auth: { token }, baseUrl: apiUrl.replace(/\/+$/, "") });
}
