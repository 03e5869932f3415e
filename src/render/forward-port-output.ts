import type { ForwardPortDecision } from "../core/forward-port/decide-forward-port.js";
import { describeCandidate } from "../core/forward-port/find-twin-by-ticket.js";
import { formatMoment } from "../core/forward-port/format-deadline.js";
import { toForwardPortConclusion } from "../core/to-conclusion.js";
import { boundCheckOutput, type CheckRunOutput } from "./check-run-output.js";
import { describeFailure } from "./describe-failure.js";
import { table, truncateChars } from "./markdown.js";
import { codeSpan, escapeCell } from "./safe-markdown.js";

const FOOTER =
  "`forwardPort` comes from `.github/single-patch-order.yml` on the default branch. This check is judged again when a pull request merges into the target; choose **Re-run** to judge it now.";

/**
 * The `single-patch-order/forward-port` check on a merged hotfix's merge commit (SPEC §13):
 * `success` naming the twin, or `action_required` with the target, what is missing, the deadline
 * and the commands that forward-port it.
 */
export function renderForwardPort(decision: ForwardPortDecision): CheckRunOutput {
  const { hotfix, target } = decision;
  const merged = `#${hotfix.number} ${codeSpan(hotfix.title)} was merged into ${codeSpan(hotfix.baseBranch)} on ${formatMoment(new Date(hotfix.mergedAt))}`;
  const limits = decision.limits.length ? `**Not covered by the search:** ${decision.limits.join("; ")}.` : "";
  if (decision.status === "ported") {
    const { twin, method, evidence } = decision.match;
    const name = twin.number === undefined ? `commit ${codeSpan(twin.sha.slice(0, 7))}` : `#${twin.number}`;
    const summary = [
      `${merged}, and its twin is in ${codeSpan(target)}: ${describeCandidate({ kind: twin.kind, sha: twin.sha, title: twin.title ?? "", ...(twin.number === undefined ? {} : { number: twin.number }) })}.`,
      `**Found by:** ${method}. ${evidence}`,
      limits,
      FOOTER,
    ];
    return boundCheckOutput(toForwardPortConclusion(decision), {
      title: `Forward-ported to ${codeSpan(target)}: ${name}`,
      summary: summary.filter(Boolean).join("\n\n"),
    });
  }
  const deadline = formatMoment(decision.deadline);
  const facts = table(
    ["Fact", "Value"],
    [
      ["Target", codeSpan(target)],
      ["Deadline", `**${deadline}** (\`forwardPort.within\`: ${codeSpan(decision.within)} after the merge)`],
      ...(hotfix.ticket ? [["Ticket", codeSpan(hotfix.ticket)]] : []),
    ].map(([k = "", v = ""]) => [k, escapeCell(v)]),
  );
  const summary = [
    `${merged}, but no twin of it is merged into ${codeSpan(target)} yet: the next release from ${codeSpan(target)} would ship without this fix.`,
    facts,
    decision.overdue
      ? `**The deadline has passed:** the \`single-patch-order/release\` check now fails every release from ${codeSpan(target)} that does not contain a twin of this hotfix.`
      : `Past the deadline, the \`single-patch-order/release\` check fails every release from ${codeSpan(target)} that does not contain a twin of this hotfix.`,
    [
      "### What is missing",
      "",
      `A pull request merged into ${codeSpan(target)} with the same fix, recognised by any of:`,
      "",
      table(
        ["Method", "What was looked at"],
        decision.searched.map((s) => [s.method, escapeCell(s.looked)]),
      ),
    ].join("\n"),
    limits,
    [
      "### How to forward-port",
      "",
      fence(decision.commands.join("\n"), "sh"),
      "",
      `Then open a pull request into ${codeSpan(target)}${hotfix.ticket ? ` that names ${codeSpan(hotfix.ticket)}` : ""} and merge it: this check turns green when it merges. \`-x\` records \`(cherry picked from commit …)\` in the new commit, which is how the twin is found; if the pick conflicts, resolve it and \`git cherry-pick --continue\`.`,
    ].join("\n"),
    FOOTER,
  ];
  const title = decision.overdue
    ? `Overdue: no forward port to ${codeSpan(target)} since ${deadline}`
    : `Forward-port to ${codeSpan(target)} needed by ${deadline}`;
  return boundCheckOutput(toForwardPortConclusion(decision), { title, summary: summary.filter(Boolean).join("\n\n") });
}

/** The forward port could not be judged: `failure` (never a pass, never left in progress) with the reason and how to retry. */
export function renderForwardPortError(error: unknown, requestId?: string): CheckRunOutput {
  const failure = describeFailure(error, requestId);
  const summary = [
    "Single Patch Order could not look for this hotfix's twin, so the check fails rather than say nothing.",
    `**What went wrong:** ${codeSpan(failure.reason)}`,
    failure.requestId ? `**GitHub request id:** ${codeSpan(failure.requestId)}` : "",
    "### How to retry\n\nChoose **Re-run** on this check. If the config is invalid, fix it on the default branch first.",
  ];
  return boundCheckOutput("failure", {
    title: `Could not check the forward port: ${truncateChars(failure.reason, 120)}`,
    summary: summary.filter(Boolean).join("\n\n"),
  });
}

/** A fenced block that its content cannot close: the fence is longer than any backtick run inside. */
function fence(text: string, info: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${info}\n${text}\n${marks}`;
}
