import { codeSpan, cleanText } from "../safe-text.js";

/**
 * A user value (a branch, a PR title, a ticket) as a Markdown code span it cannot leave, through the
 * one safe renderer (core/safe-text.ts: no HTML comment or @-mention comes out of it), cut at 120
 * characters.
 */
export function quote(value: string): string {
  const flat = cleanText(value).trim();
  return codeSpan(flat.length > 120 ? `${Array.from(flat).slice(0, 119).join("")}…` : flat);
}
