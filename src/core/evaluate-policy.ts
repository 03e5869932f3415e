import type { Config } from "../config/schema.js";
import type { Rule, RuleInput } from "./rule.js";
import { readBodySections } from "./readers/body-sections.js";
import type { Change } from "./change.js";
import { isHotfix } from "./is-hotfix.js";
import { notHotfixReport, rollUp, type PolicyReport } from "./policy-report.js";
import type { RuleResult } from "./rule-result.js";

/**
 * Evaluates a change against a validated config with the rules of `registry` (src/rules/index.ts
 * in every front end; the engine does not know the rules). Pure: no I/O, no clock. Never throws
 * for a failing rule; a rule that throws is reported as a failure of that rule (a bug must not
 * become a pass).
 */
export function evaluatePolicy(change: Change, config: Config, registry: readonly Rule[]): PolicyReport {
  const hotfix = isHotfix(change, config);
  if (!hotfix.hotfix) return notHotfixReport(hotfix);

  const input: RuleInput = { change, config, sections: readBodySections(change.body) };
  const results = registry.map((rule) => applyLevel(runRule(rule, input), config));
  const facts: Record<string, string> = {};
  for (const result of results) for (const [label, value] of Object.entries(result.facts ?? {})) facts[label] ??= value;
  return { hotfix, results, verdict: rollUp(results), facts };
}

function runRule(rule: Rule, input: RuleInput): RuleResult {
  try {
    return { ruleId: rule.id, ...rule.evaluate(input) };
  } catch (error) {
    return {
      ruleId: rule.id,
      verdict: "fail",
      message: `The rule could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      fix: "This is a bug in Single Patch Order; report it with this message. Re-run the check after it is fixed.",
    };
  }
}

/** `rules.<id>: warn` turns a failure into a warning; `off` skips the rule. */
function applyLevel(result: RuleResult, config: Config): RuleResult {
  const level = config.rules[result.ruleId as keyof Config["rules"]] ?? "error";
  if (level === "off") return { ruleId: result.ruleId, verdict: "skip", message: "Turned off in the config." };
  if (level === "warn" && result.verdict === "fail") return { ...result, verdict: "warn" };
  return result;
}
