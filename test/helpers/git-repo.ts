import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";

/** A real git repository in a temporary folder, for the local-git adapter and the CLI. */
export interface TempRepo {
  dir: string;
  git: SimpleGit;
  /** Writes files (path → content) relative to the repository root; `null` deletes the file. */
  write(files: Record<string, string | null>): Promise<void>;
  /** Stages everything and commits with this exact message; returns the new SHA. */
  commit(message: string): Promise<string>;
  /** Writes, then commits. */
  commitFiles(message: string, files: Record<string, string | null>): Promise<string>;
  branch(name: string): Promise<void>;
  remove(): Promise<void>;
}

/** Fixed identity and no signing, whatever the machine's git config says. */
const GIT_CONFIG = ["user.name=Test", "user.email=test@example.com", "commit.gpgsign=false", "core.autocrlf=false"];

export async function createGitRepo(files: Record<string, string> = {}, message = "Initial commit"): Promise<TempRepo> {
  const dir = await mkdtemp(join(tmpdir(), "spo-repo-"));
  const git = simpleGit({ baseDir: dir, config: GIT_CONFIG });
  await git.raw(["init", "-q", "-b", "main"]);
  const repo: TempRepo = {
    dir,
    git,
    async write(changes) {
      for (const [path, content] of Object.entries(changes)) {
        const target = join(dir, path);
        if (content === null) await rm(target, { force: true });
        else {
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content);
        }
      }
    },
    async commit(text) {
      await git.raw(["add", "-A"]);
      await git.raw(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", text]);
      return (await git.raw(["rev-parse", "HEAD"])).trim();
    },
    async commitFiles(text, changes) {
      await repo.write(changes);
      return repo.commit(text);
    },
    async branch(name) {
      await git.raw(["checkout", "-q", "-b", name]);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  if (Object.keys(files).length) await repo.commitFiles(message, files);
  return repo;
}
