import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** A release as a payload (or `GET /releases/{id}`) names it. */
export interface ReleaseRef {
  id: number;
  tag: string;
  /** `target_commitish`: the branch or commit the release was cut from. */
  target: string;
}

/** A release by id, as the release gate needs it. */
export async function getRelease(octokit: GitHubClient, repo: RepoRef, id: number): Promise<ReleaseRef> {
  try {
    const { data } = await octokit.rest.repos.getRelease({ ...repo, release_id: id });
    return { id: data.id, tag: data.tag_name, target: data.target_commitish };
  } catch (error) {
    throw toSourceError(error, `reading release ${id}`);
  }
}
