import { failedResults } from "../core/policy-report.js";
import type { ActionJudgement } from "./judge-event.js";
import { appendOutputs, appendSummary, formatAnnotation } from "./workflow-commands.js";

/**
 * Publishes a judgement to the workflow: the Markdown report in the job summary, the outputs
 * `conclusion` and `failed-rules`, and one annotation per file finding. Outside a runner (no
 * GITHUB_STEP_SUMMARY / GITHUB_OUTPUT) those files are skipped. Write errors are thrown.
 */
export async function publishResults(
  env: Readonly<Record<string, string | undefined>>,
  judgement: ActionJudgement,
  write: (text: string) => void,
): Promise<void> {
  const { output, report } = judgement;
  const icon = output.conclusion === "success" ? "✅" : "❌";
  const summary = [`## ${icon} single-patch-order: ${output.title}`, output.summary, output.text]
    .filter(Boolean)
    .join("\n\n");
  if (env.GITHUB_STEP_SUMMARY) await appendSummary(env.GITHUB_STEP_SUMMARY, summary);
  const failedRules = report ? failedResults(report).map((r) => r.ruleId) : [];
  if (env.GITHUB_OUTPUT)
    await appendOutputs(env.GITHUB_OUTPUT, { conclusion: output.conclusion, "failed-rules": failedRules.join(",") });
  for (const annotation of output.annotations) write(formatAnnotation(annotation));
}
