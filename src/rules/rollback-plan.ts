import { findBodySection } from "../core/readers/body-sections.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

/** Longest placeholder quoted back in a message. */
const QUOTE_LIMIT = 40;

export const rollbackPlan: Rule = {
  id: "rollback-plan",
  description: "The description has a rollback plan with real steps.",
  evaluate({ config, sections }) {
    const heading = config.sections.rollback[0] ?? "Rollback plan";
    const fix = `Under \`## ${heading}\`, write how to undo this patch (e.g. revert the PR and redeploy the previous version), what to watch to decide (errors, metrics), and who makes the call.`;
    const section = findBodySection(sections, config.sections.rollback);
    if (!section) return { verdict: "fail", message: `The description has no ${codeSpan(heading)} section.`, fix };
    if (!section.text) return { verdict: "fail", message: `The ${codeSpan(section.heading)} section is empty.`, fix };
    const plan = section.text.replace(/\s+/g, " ").trim();
    if (isPlaceholder(section.text))
      return { verdict: "fail", message: `The rollback plan says only ${codeSpan(quote(plan))}.`, fix };
    const length = Array.from(plan).length;
    const minimum = config.rollback.minLength;
    if (length < minimum) {
      return {
        verdict: "fail",
        message: `The rollback plan is too short: ${length} characters; at least ${minimum} are needed to say how to undo this patch.`,
        fix,
      };
    }
    return {
      verdict: "pass",
      message: `The ${codeSpan(section.heading)} section has a rollback plan (${length} characters).`,
    };
  },
};

function quote(text: string): string {
  const clipped = Array.from(text);
  return (clipped.length > QUOTE_LIMIT ? `${clipped.slice(0, QUOTE_LIMIT).join("")}…` : text).replaceAll("`", "'");
}
