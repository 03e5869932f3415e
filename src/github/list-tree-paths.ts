import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * Every file path of a commit's tree, in one `GET /repos/{o}/{r}/git/trees/{sha}?recursive=1`.
 * GitHub stops a recursive listing at 100,000 entries or 7 MB and says so with `truncated`
 * (REST "Get a tree"): the listing is then marked incomplete, so no one reads a missing path as absent.
 */
export async function listTreePaths(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<{ paths: string[]; complete: boolean }> {
  try {
    const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: sha, recursive: "1" });
    const paths = data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => entry.path as string);
    return { paths, complete: !data.truncated };
  } catch (error) {
    throw toSourceError(error, `listing the tree of ${sha.slice(0, 12)}`);
  }
}
