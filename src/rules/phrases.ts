/** Small sentence helpers shared by the rules' messages. */

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The word alone, pluralised for `count`: `file` / `files`. */
export function pluralWord(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
