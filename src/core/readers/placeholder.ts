/** Words that fill a required section without saying anything. Compared after trimming markup and punctuation. */
const PLACEHOLDERS = new Set([
  "n/a",
  "n / a",
  "na",
  "n.a",
  "not applicable",
  "tbd",
  "tba",
  "tbc",
  "to be done",
  "to be determined",
  "todo",
  "to do",
  "fixme",
  "xxx",
  "none",
  "nothing",
  "nil",
  "null",
  "-",
  "--",
  "...",
  "…",
  "?",
  "??",
  "no",
  "nope",
  "skip",
  "skipped",
  "wip",
  "later",
  "same",
  "same as above",
  "see above",
  "see below",
  "see ticket",
  "see jira",
  "see issue",
  "see description",
  "see title",
  "see pr",
  "see commit",
  "unknown",
]);

/** More letters and digits than the longest placeholder has: real content, no need to look further. */
const MAX_PLACEHOLDER_WORD_CHARACTERS = 30;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * True when a section's text is empty or only a placeholder (`N/A`, `TBD`, `none`, `-`, `todo`),
 * also when it is a checklist or bullet holding only a placeholder, or emphasised (`_N/A_`, `(none)`).
 */
export function isPlaceholder(text: string): boolean {
  if (hasMoreWordCharacters(text, MAX_PLACEHOLDER_WORD_CHARACTERS)) return false;
  const bare = trimTrailingPunctuation(
    text
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*(?:\[[ xX]\])?[ \t]*/gm, "")
      .replace(/[*_`>()[\]"'~]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase(),
  );
  return bare === "" || PLACEHOLDERS.has(bare);
}

/** A loop, not `/[.!]+$/`: that regex is quadratic on a long run of dots that does not end the text. */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ".!:;,".includes(text[end - 1] ?? "")) end--;
  return text.slice(0, end).trimEnd();
}

function hasMoreWordCharacters(text: string, limit: number): boolean {
  let count = 0;
  for (const character of text) if (WORD_CHARACTER.test(character) && ++count > limit) return true;
  return false;
}
