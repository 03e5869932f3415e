/**
 * Reads the sections of a PR body by heading. A heading is a Markdown ATX heading (`## Fix`, any
 * level), a setext heading, or a line that is only bold text (`**Rollback plan:**`), because PR
 * templates use all three. HTML comments (template hints) and fenced code are not headings, and
 * comments are not content.
 */

export interface BodySection {
  /** The heading text, trimmed, without `#`, `*`, or a trailing colon. */
  heading: string;
  /** Everything under the heading up to the next heading, comments removed, trimmed. */
  text: string;
}

const ATX = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/;
const BOLD_LINE = /^ {0,3}(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*:?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

export function readBodySections(body: string): BodySection[] {
  const lines = stripComments(body).split(/\r?\n/);
  const sections: BodySection[] = [];
  let current: { heading: string; lines: string[] } | undefined;
  let inFence = false;
  const close = () => {
    if (current) sections.push({ heading: current.heading, text: current.lines.join("\n").trim() });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (FENCE.test(line)) inFence = !inFence;
    const next = lines[i + 1] ?? "";
    const heading = inFence ? undefined : matchHeading(line, next);
    if (heading !== undefined) {
      close();
      current = { heading: normalizeHeading(heading), lines: [] };
      if (!ATX.test(line) && !BOLD_LINE.test(line)) i++; // setext: skip the underline
      continue;
    }
    current?.lines.push(line);
  }
  close();
  return sections;
}

/** The first section whose heading equals one of `aliases`, compared case- and space-insensitively. */
export function findBodySection(sections: BodySection[], aliases: readonly string[]): BodySection | undefined {
  const wanted = new Set(aliases.map(normalizeHeading).map((a) => a.toLowerCase()));
  return sections.find((s) => wanted.has(s.heading.toLowerCase()));
}

function matchHeading(line: string, next: string): string | undefined {
  const atx = ATX.exec(line);
  if (atx?.[1]) return atx[1];
  const bold = BOLD_LINE.exec(line);
  if (bold?.[1]) return bold[1];
  if (line.trim() && SETEXT_UNDERLINE.test(next) && !/^\s*[-*+>|]/.test(line)) return line;
  return undefined;
}

function normalizeHeading(text: string): string {
  return text
    .replace(/[*_`]/g, "")
    .replace(/:\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function stripComments(body: string): string {
  return body.replace(/<!--[\s\S]*?(-->|$)/g, "");
}
