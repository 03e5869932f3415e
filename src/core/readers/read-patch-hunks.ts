/**
 * Reads the hunks of a unified diff as hosts give it (GitHub's `patch` has no file headers; a
 * local `git diff` may). Lines outside a hunk's counted range are ignored, so headers and
 * `\ No newline at end of file` markers never become content.
 */

export interface PatchLine {
  kind: "context" | "added" | "removed";
  /** The line without its one-character diff prefix. */
  text: string;
  /** 1-based line in the base file; absent for added lines. */
  baseLine?: number;
  /** 1-based line in the head file; for a removed line, the head line the removal sits before. */
  headLine: number;
}

export interface PatchHunk {
  baseStart: number;
  headStart: number;
  /** The text after the closing `@@` (git's function context), trimmed; often empty. */
  section: string;
  lines: PatchLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

export function readPatchHunks(patch: string): PatchHunk[] {
  const hunks: PatchHunk[] = [];
  let hunk: PatchHunk | undefined;
  let baseLeft = 0;
  let headLeft = 0;
  let baseLine = 0;
  let headLine = 0;
  for (const raw of patch.split(/\r?\n/)) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      baseLine = Number(header[1]);
      headLine = Number(header[3]);
      baseLeft = header[2] === undefined ? 1 : Number(header[2]);
      headLeft = header[4] === undefined ? 1 : Number(header[4]);
      hunk = { baseStart: baseLine, headStart: headLine, section: (header[5] ?? "").trim(), lines: [] };
      hunks.push(hunk);
      continue;
    }
    if (!hunk || (baseLeft <= 0 && headLeft <= 0)) continue;
    const prefix = raw[0];
    const text = raw.slice(1);
    if (prefix === "+" && headLeft > 0) {
      hunk.lines.push({ kind: "added", text, headLine });
      headLine++;
      headLeft--;
    } else if (prefix === "-" && baseLeft > 0) {
      hunk.lines.push({ kind: "removed", text, baseLine, headLine });
      baseLine++;
      baseLeft--;
    } else if (prefix === " " || raw === "") {
      // Some tools strip the space of an empty context line.
      hunk.lines.push({ kind: "context", text, baseLine, headLine });
      baseLine++;
      headLine++;
      baseLeft--;
      headLeft--;
    }
  }
  return hunks;
}
