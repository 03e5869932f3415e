import type { CheckRunOutput } from "../../src/render/check-run-output.js";

/**
 * A check-run output as one Markdown file, laid out the way GitHub shows it: title, summary,
 * then the text and the annotations. Snapshots in this shape are reviewed as the user sees them.
 */
export function formatOutput(output: CheckRunOutput): string {
  const annotations = output.annotations.map(
    (a) => `- ${a.annotation_level} \`${a.path}\` ${a.start_line}–${a.end_line} [${a.title}]: ${a.message}`,
  );
  return `${[
    `<!-- conclusion: ${output.conclusion} -->`,
    `# ${output.title}`,
    output.summary,
    ...(output.text ? ["<!-- text -->", output.text] : []),
    ...(annotations.length ? ["<!-- annotations -->", annotations.join("\n")] : []),
  ].join("\n\n")}\n`;
}

/** For each table in the Markdown, the number of unescaped pipes on each of its rows. */
export function tableShapes(markdown: string): number[][] {
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.split("\n").filter((line) => line.startsWith("|")))
    .filter((rows) => rows.length)
    .map((rows) => rows.map((row) => row.match(/(?<!\\)\|/g)?.length ?? 0));
}
