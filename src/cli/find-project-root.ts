import { simpleGit } from "simple-git";

/** The top of the git repository around `cwd`, or `cwd` itself outside a repository. */
export async function findProjectRoot(cwd: string): Promise<string> {
  const root = await simpleGit({ baseDir: cwd })
    .raw(["rev-parse", "--show-toplevel"])
    .catch(() => "");
  return root.trim() || cwd;
}
