import type { Probot } from "probot";
import type { GitHubClient } from "./github-client.js";

/**
 * A client authenticated as the App itself (its JWT), for the `/app/…` endpoints such as the
 * webhook deliveries. Probot's, with the server's retries, throttling and metrics.
 */
export async function getAppClient(app: Pick<Probot, "auth">): Promise<GitHubClient> {
  return app.auth();
}
