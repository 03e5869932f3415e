import { parse as parseYaml } from "yaml";

/**
 * Workspace package globs declared by package.json `workspaces` (a list or `{ packages }`) and
 * pnpm-workspace.yaml `packages`, from the files' text, without negations or `./`. Pure: both
 * sources (GitHub and local git) read the two files and hand their text here.
 */
export function parseWorkspaces(packageJson: string | undefined, pnpmWorkspace: string | undefined): string[] {
  const globs: unknown[] = [];
  try {
    const ws = packageJson ? (JSON.parse(packageJson) as { workspaces?: unknown }).workspaces : undefined;
    if (Array.isArray(ws)) globs.push(...ws);
    else if (ws && typeof ws === "object" && Array.isArray((ws as { packages?: unknown }).packages))
      globs.push(...(ws as { packages: unknown[] }).packages);
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
