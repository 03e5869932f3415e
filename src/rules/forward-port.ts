import { findTwin } from "../core/forward-port/find-twin.js";
import { quote } from "../core/forward-port/quote.js";
import type { TwinFacts, TwinVerdict } from "../core/forward-port/twin-facts.js";
import { matchesAny } from "../core/readers/classify-file.js";
import type { Rule, RuleOutcome } from "../core/rule.js";

/**
 * SPEC §13, `upstream-first`: a hotfix into a `forwardPort.from` branch fails until its twin (the
 * same fix: a cherry-pick trailer, the same ticket or the same patch id) is merged into the target.
 * Under `after` the merged hotfix is followed up by the `single-patch-order/forward-port` check
 * instead, and under `off` nothing is asked: both skip.
 */
export const forwardPort: Rule = {
  id: "forward-port",
  description:
    "With `forwardPort.mode: upstream-first`, a hotfix into a release branch waits for its twin on the main line.",
  evaluate({ change, config }) {
    const settings = config.forwardPort;
    if (settings.mode === "off") return skip("Forward ports are not asked for (`forwardPort.mode: off`).");
    if (!matchesAny(change.baseBranch, settings.from))
      return skip(
        `The base ${quote(change.baseBranch)} is not a forward-port branch (${settings.from.map(quote).join(", ")}).`,
      );
    if (settings.mode === "after")
      return skip(
        "`forwardPort.mode: after`: once this merges, the `single-patch-order/forward-port` check asks for its twin on the target.",
      );
    const facts = change.forwardPort;
    if (!facts)
      return {
        verdict: "fail",
        message: "The forward-port facts of this hotfix were not gathered, so its twin cannot be looked for.",
        fix: "This is a bug in Single Patch Order; report it with this message. Re-run the check after it is fixed.",
      };
    if (facts.target === change.baseBranch)
      return skip(`The hotfix targets ${quote(facts.target)}, the forward-port target itself.`);
    return judgeTwin(facts, findTwin(facts, config.ticket.patterns));
  },
};

function judgeTwin(facts: TwinFacts, verdict: TwinVerdict): RuleOutcome {
  const target = quote(facts.target);
  if (verdict.match) {
    const { twin, method } = verdict.match;
    return {
      verdict: "pass",
      message: `Its twin is merged into ${target} (found by ${method}): ${verdict.match.evidence}`,
      facts: {
        "Forward-port target": target,
        Twin: `${twin.number === undefined ? `\`${twin.sha.slice(0, 7)}\`` : `#${twin.number}`} (${method})`,
      },
    };
  }
  const shas = facts.hotfix.commits.map((c) => c.sha.slice(0, 12));
  const pick = shas.length ? `\`git cherry-pick -x ${shas.join(" ")}\`` : "`git cherry-pick -x` its commits";
  const limits = facts.limits.length ? ` (${facts.limits.join("; ")})` : "";
  return {
    verdict: "fail",
    message: `No twin of this hotfix is merged into ${target} yet: upstream first${limits}.`,
    fix: `Merge the fix into ${target} first: on a branch from ${quote(`origin/${facts.target}`)}, ${pick}, open a pull request into ${target} that names the same ticket, merge it, then re-run this check.`,
    facts: {
      "Forward-port target": target,
      Twin: "none merged yet",
      "Twin search": verdict.searched.map((s) => `${s.method}: ${s.looked}`).join(" "),
    },
  };
}

function skip(message: string): RuleOutcome {
  return { verdict: "skip", message };
}
