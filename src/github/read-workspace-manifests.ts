import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The text of the two files that declare workspaces; undefined for a file the ref does not have. */
export interface WorkspaceManifests {
  packageJson: string | undefined;
  pnpmWorkspace: string | undefined;
}

/** package.json and pnpm-workspace.yaml at `ref`: two GETs; a missing file is undefined. */
export async function readWorkspaceManifests(
  octokit: GitHubClient,
  repo: RepoRef,
  ref: string,
): Promise<WorkspaceManifests> {
  const [packageJson, pnpmWorkspace] = await Promise.all([
    readFile(octokit, repo, "package.json", ref),
    readFile(octokit, repo, "pnpm-workspace.yaml", ref),
  ]);
  return { packageJson, pnpmWorkspace };
}

async function readFile(octokit: GitHubClient, repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: "raw" } });
    return typeof data === "string" ? data : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toSourceError(error, `reading ${path}`);
  }
}
