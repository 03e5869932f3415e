import { parse as parseYaml } from "yaml";
import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/**
 * Workspace package globs declared at `ref`: package.json `workspaces` (a list or `{ packages }`)
 * and pnpm-workspace.yaml `packages`. Two GETs; a missing file declares nothing.
 */
export async function readWorkspaces(octokit: GitHubClient, repo: RepoRef, ref: string): Promise<string[]> {
  const [packageJson, pnpmWorkspace] = await Promise.all([readFile(octokit, repo, "package.json", ref), readFile(octokit, repo, "pnpm-workspace.yaml", ref)]);
  return parseWorkspaces(packageJson, pnpmWorkspace);
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

/** Pure: workspace globs from the two manifests' text, without negations or `./`. */
export function parseWorkspaces(packageJson: string | undefined, pnpmWorkspace: string | undefined): string[] {
  const globs: unknown[] = [];
  try {
    const ws = packageJson ? (JSON.parse(packageJson) as { workspaces?: unknown }).workspaces : undefined;
    if (Array.isArray(ws)) globs.push(...ws);
    else if (ws && typeof ws === "object" && Array.isArray((ws as { packages?: unknown }).packages)) globs.push(...(ws as { packages: unknown[] }).packages);
  } catch {
    // An unparsable package.json declares no workspaces; scopes fall back to folders.
  }
  try {
    const pnpm = pnpmWorkspace ? (parseYaml(pnpmWorkspace) as { packages?: unknown } | null) : undefined;
    if (Array.isArray(pnpm?.packages)) globs.push(...pnpm.packages);
  } catch {
    // Same as above.
  }
  const clean = globs.filter((g): g is string => typeof g === "string" && g.length > 0 && !g.startsWith("!"));
  return [...new Set(clean.map((g) => g.replace(/^\.\//, "").replace(/\/$/, "")))];
}
