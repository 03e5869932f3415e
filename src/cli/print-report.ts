import type { PolicyReport } from "../core/policy-report.js";
import type { CheckRunOutput } from "../render/check-run-output.js";
import { renderJson } from "../render/render-json.js";
import { renderTerminal } from "../render/terminal.js";
import { renderGateOutput } from "../render/check-run-output.js";

export const REPORT_FORMATS = ["text", "json", "markdown"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report as the CLI prints it. `markdown` is exactly the check run the App would publish. */
export function formatReport(report: PolicyReport, format: ReportFormat, color: boolean): string {
  switch (format) {
    case "json":
      return renderJson(report);
    case "markdown":
      return formatCheckRunMarkdown(renderGateOutput(report));
    case "text":
      return renderTerminal(report, { color });
  }
}

/** A check-run output as one Markdown document: title, summary, then the findings text. */
export function formatCheckRunMarkdown(output: CheckRunOutput): string {
  return `${[`## ${output.title}`, output.summary, output.text].filter(Boolean).join("\n\n")}\n`;
}
