import { spawn } from "node:child_process";
import { SourceError } from "../core/errors.js";
import { type LocalRepo, runGit } from "./local-git-source.js";

/**
 * File texts at a commit of a local repository, for the engine's planner: which paths are files
 * there (`git ls-tree -z <ref> -- <paths>`, blobs only: no folder, no submodule), then their
 * texts in one `git cat-file --batch`, so a hundred files cost two git processes.
 */
export async function readLocalContents(
  repo: LocalRepo,
  ref: string,
  paths: readonly string[],
): Promise<Record<string, string | null>> {
  const texts: Record<string, string | null> = Object.fromEntries(paths.map((path) => [path, null]));
  if (paths.length === 0) return texts;
  const listed = await runGit(repo.git, ["ls-tree", "-z", ref, "--", ...paths], `listing files at ${ref}`);
  const blobs = listed
    .split("\0")
    .map((entry) => /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ object: m[1] ?? "", path: m[2] ?? "" }))
    // A folder among the paths makes git list what is in it: keep the files asked for.
    .filter((blob) => blob.path in texts);
  const contents = await catFiles(
    repo.root,
    blobs.map((b) => b.object),
  );
  blobs.forEach((blob, i) => {
    texts[blob.path] = contents[i] ?? null;
  });
  return texts;
}

/** The contents of blobs by id, in order, with `git cat-file --batch`. */
function catFiles(cwd: string, objects: readonly string[]): Promise<string[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error) => reject(new SourceError(`git error: reading files: ${error.message}`, false)));
    child.on("close", (code) => {
      if (code !== 0)
        return reject(new SourceError(`git error: reading files: ${stderr.trim() || `exit ${code}`}`, false));
      resolve(splitBatch(Buffer.concat(chunks)));
    });
    child.stdin.end(`${objects.join("\n")}\n`);
  });
}

/** `<id> blob <size>\n<bytes>\n` records, as UTF-8 texts. */
function splitBatch(output: Buffer): string[] {
  const texts: string[] = [];
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const header = output.subarray(at, newline).toString();
    const size = Number(/ blob (\d+)$/.exec(header)?.[1] ?? Number.NaN);
    if (Number.isNaN(size)) break;
    texts.push(output.subarray(newline + 1, newline + 1 + size).toString("utf8"));
    at = newline + 1 + size + 1;
  }
  return texts;
}
