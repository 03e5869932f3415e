import { ProbotOctokit } from "probot";
import { DEFAULT_API_URL } from "./create-token-client.js";
import type { GitHubClient } from "./github-client.js";

export interface AppCredentials {
  appId: number;
  /** The App's private key, PEM. */
  privateKey: string;
  /** GitHub's REST API; GitHub Enterprise Server's is `https://<host>/api/v3`. */
  apiUrl?: string;
}

/**
 * A client authenticated as the App itself, for `spo catchup`: Probot's Octokit (retries,
 * throttling, pagination) signing a JWT with the App's key for the `/app/…` endpoints, as the
 * server's `app.auth()` does.
 */
export function createAppClient(
  credentials: AppCredentials,
  Octokit: typeof ProbotOctokit = ProbotOctokit,
): GitHubClient {
  return new Octokit({
    auth: { appId: credentials.appId, privateKey: credentials.privateKey },
    baseUrl: (credentials.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
  });
}
