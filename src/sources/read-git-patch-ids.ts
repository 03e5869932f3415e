import { spawn } from "node:child_process";
import { SourceError } from "../core/errors.js";

/** Settings that would change what git prints, pinned to git's defaults (as read-git-diff.ts does). */
const NEUTRAL_CONFIG = ["-c", "core.quotePath=true", "-c", "diff.orderFile=/dev/null"];

/**
 * `git <args> | git patch-id --stable`, streamed from one process into the other so that no diff
 * is held in memory: one `<patch id> <commit>` line per commit (all zeros for a `git diff`).
 */
export function readPatchIds(root: string, args: string[]): Promise<Array<{ sha: string; patchId: string }>> {
  return new Promise((resolve, reject) => {
    const fail = (message: string, cause?: unknown) =>
      reject(new SourceError(`git error: computing patch ids: ${message}`, false, undefined, { cause }));
    const producer = spawn("git", [...NEUTRAL_CONFIG, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const hasher = spawn("git", ["patch-id", "--stable"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    producer.stdout.pipe(hasher.stdin);
    // A hasher that dies early closes its stdin: its exit code reports that, not an EPIPE here.
    hasher.stdin.on("error", () => undefined);
    let output = "";
    let stderr = "";
    hasher.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    for (const child of [producer, hasher])
      child.stderr.on("data", (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString("utf8");
      });
    producer.on("error", (error) => fail(error.message, error));
    hasher.on("error", (error) => fail(error.message, error));
    const codes: Array<number | null> = [];
    const settle = (code: number | null) => {
      codes.push(code);
      if (codes.length < 2) return;
      if (codes.some((c) => c !== 0)) return fail(stderr.trim().split("\n")[0] || "git exited with an error");
      resolve(
        output
          .split("\n")
          .filter(Boolean)
          .map((line) => {
            const [patchId = "", sha = ""] = line.split(" ");
            return { sha, patchId };
          }),
      );
    };
    producer.on("close", settle);
    hasher.on("close", settle);
  });
}
