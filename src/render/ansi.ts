import { codeContent, splitCodeSpans } from "./safe-markdown.js";

/** ANSI styles for the terminal renderer; with `color: false` every style is the identity. */
export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const CODES: Record<keyof Paint, number> = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 };

export function createPaint(color: boolean): Paint {
  const style = (code: number) => (text: string) => (color && text ? `\u001b[${code}m${text}\u001b[0m` : text);
  return Object.fromEntries(Object.entries(CODES).map(([name, code]) => [name, style(code)])) as unknown as Paint;
}

/**
 * Report text comes from users (a PR title, a branch name): control characters are removed so
 * that it cannot move the cursor or recolour the terminal; newlines become spaces.
 */
export function stripControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what this function is for
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

/** Markdown code spans as plain text, highlighted when colour is on. */
export function renderInline(markdown: string, paint: Paint): string {
  return splitCodeSpans(stripControl(markdown))
    .map((s) => (s.code ? paint.cyan(codeContent(s.text)) : s.text))
    .join("");
}
