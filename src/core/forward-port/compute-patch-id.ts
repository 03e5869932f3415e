import { Sha1 } from "./sha1.js";

/**
 * The patch id of a diff: git's *stable* patch id (`git patch-id --stable`) of the same diff
 * without its context lines, i.e. of `git diff -U0`. Two diffs have the same id when they add and
 * remove the same lines in the same files, whatever the line numbers and whatever surrounds them
 * (SPEC §13): a fix forward-ported onto a main line whose neighbouring lines moved on keeps its id.
 *
 * This mirrors `get_one_patchid()` of git's builtin/patch-id.c (stable mode, not verbatim), with
 * one change: a hunk's context lines (` ` lines) are counted but not hashed. So:
 * - lines before the first `diff ` line (a commit message) are ignored;
 * - `index` lines and hunk headers (`@@ -a,b +c,d @@`) are not hashed; every other line of a file's
 *   diff is, with its spaces, tabs, CRs and LFs removed (git's `remove_space`);
 * - each file is hashed on its own and the SHA-1 digests are summed byte by byte with carry
 *   (`flush_one_hunk`), so the order of the files does not matter;
 * - a binary file hashes its header and its two blob ids from the `index` line.
 *
 * test/sources/patch-id.test.ts checks this against real `git patch-id --stable` on `-U0`
 * diffs of real repositories. Undefined when the text holds no diff at all (git prints nothing).
 */
export function computePatchId(diff: string): string | undefined {
  const hasher = new PatchIdHasher();
  let start = 0;
  while (start < diff.length) {
    const newline = diff.indexOf("\n", start);
    const end = newline === -1 ? diff.length : newline + 1;
    if (!hasher.push(diff.slice(start, end))) break;
    start = end;
  }
  return hasher.finish();
}

const encoder = new TextEncoder();
const SPACE = /[ \t\n\r]/g;

/** git's state machine over one patch, fed a line at a time (each line with its `\n`). */
class PatchIdHasher {
  private readonly result = new Uint8Array(20);
  private ctx = new Sha1();
  private patchLength = 0;
  private before = -1;
  private after = -1;
  private binary = false;
  private preOid = "";
  private postOid = "";

  /** False once the patch has ended (git stops reading it there). */
  push(line: string): boolean {
    if (line.startsWith("\\ ") && line.length > 12) return true;
    if (!this.patchLength && !line.startsWith("diff ")) return true;
    if (this.before === -1) {
      if (line.startsWith("GIT binary patch") || line.startsWith("Binary files")) {
        this.binary = true;
        this.before = 0;
        this.ctx.update(encoder.encode(this.preOid + this.postOid));
        this.flush();
        return true;
      }
      if (line.startsWith("index ")) {
        this.readOids(line);
        return true;
      }
      if (line.startsWith("--- ")) {
        this.before = 1;
        this.after = 1;
      } else if (!/^[A-Za-z]/.test(line)) return false;
    }
    if (this.binary) {
      if (line.startsWith("diff ")) {
        this.binary = false;
        this.before = -1;
      }
      return true;
    }
    if (this.before === 0 && this.after === 0) {
      if (line.startsWith("@@ -")) {
        this.readHunkHeader(line);
        return true;
      }
      if (!line.startsWith("diff ")) return false;
      this.flush();
      this.before = -1;
      this.after = -1;
    }
    const kind = line[0];
    if (kind === "-" || kind === " ") this.before--;
    if (kind === "+" || kind === " ") this.after--;
    // The one departure from git: context lines are not part of the id (as with `git diff -U0`).
    if (kind === " ") return true;
    const kept = line.replace(SPACE, "");
    const bytes = encoder.encode(kept);
    this.patchLength += bytes.length;
    this.ctx.update(bytes);
    return true;
  }

  finish(): string | undefined {
    this.flush();
    if (!this.patchLength) return undefined;
    return Array.from(this.result, (byte) => byte.toString(16).padStart(2, "0")).join("");
  }

  /** Adds the current file's digest to the sum, with carry from the first byte up (git's flush_one_hunk). */
  private flush(): void {
    const digest = this.ctx.digest();
    this.ctx = new Sha1();
    let carry = 0;
    for (let i = 0; i < 20; i++) {
      carry += (this.result[i] ?? 0) + (digest[i] ?? 0);
      this.result[i] = carry & 0xff;
      carry >>= 8;
    }
  }

  /** `index 1a2b3c..4d5e6f 100644`: the blob ids a binary file is known by. */
  private readOids(line: string): void {
    const body = line.slice("index ".length);
    const dots = body.indexOf("..");
    if (dots === -1) return;
    const rest = body.slice(dots + 2);
    const space = rest.indexOf(" ");
    this.preOid = body.slice(0, dots);
    this.postOid = space === -1 ? rest.slice(0, -1) : rest.slice(0, space);
  }

  /** `@@ -a,b +c,d @@`: how many old and new lines the hunk has (1 when a count is left out). */
  private readHunkHeader(line: string): void {
    const match = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))?/.exec(line);
    if (!match) return;
    this.before = match[1] === undefined ? 1 : Number(match[1]);
    this.after = match[2] === undefined ? 1 : Number(match[2]);
  }
}
