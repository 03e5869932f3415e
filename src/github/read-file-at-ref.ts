import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * A file's text at a ref, or null when the ref has no such file: one `GET /repos/{o}/{r}/contents/{path}`
 * with the raw media type, which returns files up to 100 MB (the JSON form stops at 1 MB; GitHub
 * changelog 2022-05-03, "Increased file size limit when retrieving file contents via REST API").
 * A path that is a folder or a submodule answers JSON, not text: it counts as no file.
 */
export async function readFileAtRef(
  octokit: GitHubClient,
  repo: RepoRef,
  ref: string,
  path: string,
): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: "raw" } });
    return typeof data === "string" ? data : null;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw toSourceError(error, `reading ${path} at ${ref.slice(0, 12)}`);
  }
}
