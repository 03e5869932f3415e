import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** Labels as webhook payloads and `pulls.get` carry them: objects with a name, or plain names. */
export type LabelList = ReadonlyArray<{ name?: string } | string>;

/** The names of a PR's labels. */
export function labelNames(labels: LabelList): string[] {
  return labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter(Boolean);
}

/** Whether a PR's labels include `name`; GitHub compares label names ignoring case. */
export function hasLabel(labels: LabelList, name: string): boolean {
  const wanted = name.toLowerCase();
  return labelNames(labels).some((label) => label.toLowerCase() === wanted);
}

/** Adds one label to a pull request; adding a label it already has changes nothing. */
export async function addLabel(octokit: GitHubClient, repo: RepoRef, number: number, name: string): Promise<void> {
  try {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: [name] });
  } catch (error) {
    throw toSourceError(error, `adding the label "${name}" to #${number}`);
  }
}

/** Removes one label from a pull request; a label that is already gone is not an error. */
export async function removeLabel(octokit: GitHubClient, repo: RepoRef, number: number, name: string): Promise<void> {
  try {
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: number, name });
  } catch (error) {
    if ((error as { status?: number }).status === 404) return;
    throw toSourceError(error, `removing the label "${name}" from #${number}`);
  }
}
