/** Words that fill a required section without saying anything. Compared after trimming punctuation. */
const PLACEHOLDERS = new Set(["n/a", "na", "n.a", "tbd", "tba", "todo", "none", "nothing", "-", "--", "...", "…", "no", "nope", "skip", "wip", "later", "same", "see above", "see ticket", "tbc"]);

/**
 * True when a section's text is empty or only a placeholder (`N/A`, `TBD`, `none`, `-`, `todo`),
 * also when it is a checklist or bullet holding only a placeholder.
 */
export function isPlaceholder(text: string): boolean {
  const bare = text
    .replace(/^\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\])?\s*/gm, "")
    .replace(/[*_`>]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "");
  return bare === "" || PLACEHOLDERS.has(bare);
}
