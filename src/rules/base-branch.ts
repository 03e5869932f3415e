import { matchesAny } from "../core/readers/classify-file.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

export const baseBranch: Rule = {
  id: "base-branch",
  description: "The hotfix targets an allowed base branch.",
  evaluate({ change, config }) {
    const allowed = config.base.branches.map((b) => `${codeSpan(b)}`).join(", ");
    const facts = { "Base branch": `${codeSpan(change.baseBranch)}` };
    if (matchesAny(change.baseBranch, config.base.branches)) {
      return {
        verdict: "pass",
        message: `The base branch ${codeSpan(change.baseBranch)} is an allowed hotfix base.`,
        facts,
      };
    }
    return {
      verdict: "fail",
      message: `The base branch ${codeSpan(change.baseBranch)} is not an allowed hotfix base (${allowed}).`,
      fix: `Retarget this PR to one of the allowed bases: ${allowed}.`,
      facts,
    };
  },
};
