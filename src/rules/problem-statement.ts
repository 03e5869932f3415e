import { findBodySection } from "../core/readers/body-sections.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import { joinAnd } from "./phrases.js";
import type { Rule } from "../core/rule.js";

const PARTS = [
  { key: "problem", name: "Problem" },
  { key: "rootCause", name: "Root cause" },
  { key: "fix", name: "Fix" },
] as const;

export const problemStatement: Rule = {
  id: "problem-statement",
  description: "The description states the problem, the root cause and the fix.",
  evaluate({ config, sections }) {
    const missing: Array<{ name: string; heading: string }> = [];
    const empty: Array<{ name: string; heading: string }> = [];
    for (const { key, name } of PARTS) {
      const aliases = config.sections[key];
      const section = findBodySection(sections, aliases);
      if (!section) missing.push({ name, heading: aliases[0] ?? name });
      else if (isPlaceholder(section.text)) empty.push({ name, heading: section.heading });
    }
    if (!missing.length && !empty.length)
      return { verdict: "pass", message: "The description states the problem, the root cause and the fix." };

    const seen = [
      missing.length ? `Missing: ${missing.map((p) => p.name).join(", ")}` : "",
      empty.length
        ? `${missing.length ? "empty" : "Empty"} or a placeholder: ${empty.map((p) => p.name).join(", ")}`
        : "",
    ];
    const steps = [
      missing.length
        ? `Add ${missing.length > 1 ? "" : "a "}${joinAnd(missing.map(toHeading))} ${missing.length > 1 ? "sections" : "section"} to the PR description`
        : "",
      empty.length ? `${missing.length ? "fill in" : "Fill in"} ${joinAnd(empty.map(toHeading))}` : "",
    ];
    return {
      verdict: "fail",
      message: `${seen.filter(Boolean).join("; ")} (the description must state the problem, its root cause and the fix).`,
      fix: `${steps.filter(Boolean).join(" and ")}: say in a sentence or two what broke, why, and what this patch changes.`,
    };
  },
};

function toHeading(part: { heading: string }): string {
  return `\`## ${part.heading}\``;
}
