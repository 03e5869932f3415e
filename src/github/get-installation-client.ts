import type { Probot } from "probot";
import type { GitHubClient } from "./github-client.js";

/** A client authenticated as one installation of the App (Probot fetches and caches its token). */
export async function getInstallationClient(app: Probot, installationId: number): Promise<GitHubClient> {
  return app.auth(installationId);
}
