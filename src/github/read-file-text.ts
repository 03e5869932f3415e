import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * A file's text at `ref` (the default branch when absent): one GET of the contents API with the
 * raw media type. Undefined when there is no such file (404), or when the path is a directory
 * (GitHub answers JSON then, not text). Other errors are SourceErrors.
 */
export async function readFileText(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({
      ...repo,
      path,
      ...(ref ? { ref } : {}),
      mediaType: { format: "raw" },
    });
    return typeof data === "string" ? data : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toSourceError(error, `reading ${repo.owner}/${repo.repo}/${path}${ref ? `@${ref}` : ""}`);
  }
}
