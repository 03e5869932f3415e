/**
 * Reads the sections of a PR body by heading. A heading is a Markdown ATX heading (`## Fix`, any
 * level), a setext heading, or a line that is only bold text (`**Rollback plan:**`), because PR
 * templates use all three. HTML comments (template hints) and fenced code are not headings, and
 * comments are not content. A section holds its sub-headings: `## Rollback plan` followed by
 * `### Steps` keeps the steps. Runs in linear time: a body may be 1 MB of anything.
 */

export interface BodySection {
  /** The heading text, trimmed, without `#`, `*`, or a trailing colon. */
  heading: string;
  /** Everything under the heading up to the next heading of the same or a higher level, comments removed, trimmed. */
  text: string;
}

/** A bold line is the lowest heading: any Markdown heading ends its section. */
const BOLD_LEVEL = 7;

const ATX_OPEN = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const BOLD_LINE = /^ {0,3}(?:\*\*([^*]+)\*\*|__([^_]+)__)[ \t]*:?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_OR_QUOTE = /^\s*(?:[-*+>|]|\d+[.)])/;

interface Heading {
  text: string;
  level: number;
  /** Lines the heading takes: 2 for a setext heading and its underline. */
  lines: number;
}

interface OpenSection {
  heading: string;
  level: number;
  lines: string[];
}

export function readBodySections(body: string): BodySection[] {
  const lines = stripComments(body).split(/\r\n|\r|\n/);
  const sections: OpenSection[] = [];
  let open: OpenSection[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined || marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && isClosingFence(line))
        fence = undefined;
      for (const section of open) section.lines.push(line);
      continue;
    }
    const heading = matchHeading(line, lines[i + 1] ?? "");
    if (!heading) {
      for (const section of open) section.lines.push(line);
      continue;
    }
    open = open.filter((section) => section.level < heading.level);
    for (const section of open) section.lines.push(...lines.slice(i, i + heading.lines));
    const section = { heading: normalizeHeading(heading.text), level: heading.level, lines: [] };
    sections.push(section);
    open.push(section);
    i += heading.lines - 1;
  }
  return sections.map((section) => ({ heading: section.heading, text: section.lines.join("\n").trim() }));
}

/**
 * The first section whose heading equals one of `aliases`, compared without case, punctuation,
 * emoji or numbering: `## 2. Root-cause:` is the `Root cause` section.
 */
export function findBodySection(sections: readonly BodySection[], aliases: readonly string[]): BodySection | undefined {
  const wanted = new Set(aliases.map(toHeadingKey));
  return sections.find((s) => wanted.has(toHeadingKey(s.heading)));
}

function matchHeading(line: string, next: string): Heading | undefined {
  const atx = ATX_OPEN.exec(line);
  if (atx?.[1]) return { text: stripClosingHashes(line.slice(atx[0].length)), level: atx[1].length, lines: 1 };
  const bold = BOLD_LINE.exec(line);
  const boldText = bold?.[1] ?? bold?.[2];
  if (boldText?.trim()) return { text: boldText, level: BOLD_LEVEL, lines: 1 };
  const underline = SETEXT_UNDERLINE.exec(next)?.[1];
  if (underline && line.trim() && !LIST_OR_QUOTE.test(line) && !/^ {4}/.test(line)) {
    return { text: line, level: underline.startsWith("=") ? 1 : 2, lines: 2 };
  }
  return undefined;
}

/** `## Fix ##` → `Fix`, but `## C#` stays `C#`: a closing sequence must follow a space. */
function stripClosingHashes(rest: string): string {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end === 0) return "";
  return end < text.length && (text[end - 1] === " " || text[end - 1] === "\t") ? text.slice(0, end).trimEnd() : text;
}

/** A closing fence has nothing after its marker but spaces. */
function isClosingFence(line: string): boolean {
  return /^ {0,3}(?:`+|~+)[ \t]*$/.test(line);
}

function normalizeHeading(text: string): string {
  return text.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim().replace(/:$/, "").trimEnd();
}

function toHeadingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^\d+ /, "");
}

function stripComments(body: string): string {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
}
