import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface LargeDiffRepo {
  dir: string;
  files: number;
  addedLines: number;
  /** Bytes of `git diff -p` from `main` to the branch: the patch the CLI reads. */
  patchBytes: number;
}

export interface LargeDiffOptions {
  files?: number;
  /** Lines each file gains on the branch. */
  linesPerFile?: number;
}

const GIT = ["-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false"];

/**
 * A repository whose branch `hotfix/BENCH-1-large` adds `linesPerFile` lines to each of `files`
 * files on `main` (3,000 × 200 = 600,000 added lines by default): the size of the diff that took
 * `spo check` 449 MB in issue 11. Lines are about 80 characters, like real code.
 */
export async function generateLargeDiff(options: LargeDiffOptions = {}): Promise<LargeDiffRepo> {
  const files = options.files ?? 3_000;
  const linesPerFile = options.linesPerFile ?? 200;
  const dir = await mkdtemp(join(tmpdir(), "spo-bench-diff-"));
  const git = (...args: string[]) => run("git", [...GIT, ...args], { cwd: dir, maxBuffer: 1 << 20 });
  const path = (i: number) => `src/module-${i % 30}/generated/file-${i}.ts`;
  const line = (i: number, j: number) =>
    `export const value_${i}_${j} = computeSomething(${i}, ${j}, "a string that pads the line"); // ${j}`;
  const write = async (content: (i: number) => string) => {
    for (let start = 0; start < files; start += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, files - start) }, async (_, k) => {
          const target = join(dir, path(start + k));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, content(start + k));
        }),
      );
    }
  };
  const baseLines = (i: number) => Array.from({ length: 20 }, (_, j) => line(i, j));
  await git("init", "-q", "-b", "main");
  await write((i) => `${baseLines(i).join("\n")}\n`);
  await git("add", "-A");
  await git("commit", "-q", "-m", "Base");
  await git("checkout", "-q", "-b", "hotfix/BENCH-1-large");
  await write((i) => {
    const added = Array.from({ length: linesPerFile }, (_, j) => line(i, 1_000 + j));
    const base = baseLines(i);
    return `${[...base.slice(0, 10), ...added, ...base.slice(10)].join("\n")}\n`;
  });
  await git("add", "-A");
  await git("commit", "-q", "-m", "BENCH-1: a very large change\n\n## Problem\nToo much.");
  return { dir, files, addedLines: files * linesPerFile, patchBytes: await countPatchBytes(dir) };
}

/** Counts the bytes of the branch's patch as they stream by, without keeping them. */
async function countPatchBytes(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["diff", "-p", "--no-color", "main...HEAD"], { cwd: dir });
    let bytes = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(bytes) : reject(new Error(`git diff exited with ${code}`))));
  });
}
