import { randomUUID } from "node:crypto";
import { appendFile } from "node:fs/promises";
import type { Annotation } from "../render/build-annotations.js";

/**
 * The runner's documented protocols, without @actions/core: workflow commands on stdout
 * (`::error file=…::message`), and the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */

type Level = "error" | "warning" | "notice";

const LEVELS: Record<Annotation["annotation_level"], Level> = {
  failure: "error",
  warning: "warning",
  notice: "notice",
};

/** A message cannot end the command line: `%`, CR and LF are escaped as the runner expects. */
export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** A property value additionally cannot end the property (`,`) or the property list (`:`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

export function formatCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}\n`;
}

export function formatAnnotation(annotation: Annotation): string {
  const { path, start_line, end_line, title, message } = annotation;
  return formatCommand(
    LEVELS[annotation.annotation_level],
    { file: path, line: start_line, endLine: end_line, title },
    message,
  );
}

/** Appends `name=value` pairs to GITHUB_OUTPUT with the heredoc form, which any value survives. */
export async function appendOutputs(file: string, outputs: Record<string, string>): Promise<void> {
  const lines = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  await appendFile(file, lines.join(""), "utf8");
}

export async function appendSummary(file: string, markdown: string): Promise<void> {
  await appendFile(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
}
