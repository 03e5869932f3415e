/** The 7-character form people read and paste (`git log --oneline`). */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A code span for a SHA (hex: no backtick can be in it). */
export function shaSpan(sha: string): string {
  return `\`${shortSha(sha)}\``;
}
