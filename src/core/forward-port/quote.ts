/**
 * A user value (a branch, a PR title, a ticket) as a Markdown code span that it cannot leave: the
 * fence is one backtick longer than the longest run in the value, control characters are dropped,
 * the value is kept on one line and cut at 120 characters. A code span renders no HTML, comment or
 * @-mention. (A local helper until the shared safe renderer of src/render covers core messages.)
 */
export function quote(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  const cut = flat.length > 120 ? `${Array.from(flat).slice(0, 119).join("")}…` : flat;
  const longestRun = Math.max(0, ...(cut.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = cut.startsWith("`") || cut.endsWith("`") ? " " : "";
  return `${fence}${pad}${cut}${pad}${fence}`;
}
