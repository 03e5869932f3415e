import { boundCheckOutput, type CheckRunOutput } from "./check-run-output.js";
import { table } from "./markdown.js";
import { escapeCell } from "./safe-markdown.js";

/** One open pull request whose head is the commit, with its own verdict. */
export interface HeadVerdict {
  number: number;
  title: string;
  hotfix: boolean;
  output: CheckRunOutput;
}

/**
 * The verdict a check on a shared commit carries: the first failing one (the judged PR's first,
 * then by number), else a passing hotfix's (its report says more than "Not a hotfix"), else the
 * judged PR's own. Pure.
 */
export function findStrictest(judged: HeadVerdict, others: readonly HeadVerdict[]): HeadVerdict {
  const all = [judged, ...others];
  return all.find((v) => v.output.conclusion !== "success") ?? all.find((v) => v.hotfix) ?? judged;
}

/**
 * The `single-patch-order` check of a commit that is the head of several open pull requests. A
 * check run belongs to the commit, a verdict to a pull request, and branch protection reads the
 * newest run on the commit; so the run carries the strictest verdict of them all and says so:
 * which PRs share the commit, each one's verdict, which one the check carries and why, then that
 * PR's own report (its summary, text and annotations).
 */
export function renderSharedHead(judged: HeadVerdict, others: readonly HeadVerdict[]): CheckRunOutput {
  const carried = findStrictest(judged, others);
  const all = [judged, ...others];
  const failing = carried.output.conclusion !== "success";
  const why = failing
    ? "because it fails: one pull request that fails keeps the commit from passing, whatever the others say."
    : carried.hotfix && carried !== judged
      ? `because every pull request on this commit passes and #${carried.number} is a hotfix, whose report says more.`
      : "because every pull request on this commit passes.";
  const rows = all.map((v) => [
    v === judged ? `#${v.number} (judged now)` : `#${v.number}`,
    escapeCell(v.title),
    v.hotfix ? "yes" : "no",
    `${v.output.conclusion === "success" ? "✅" : "❌"} ${escapeCell(v.output.title)}`,
  ]);
  const override =
    failing && carried !== judged
      ? `\n\nAn override holds only for its own pull request: #${judged.number} cannot clear #${carried.number}. Fix #${carried.number}, override it on #${carried.number} itself, or give #${judged.number} a commit of its own.`
      : "";
  const summary = [
    `**This commit is the head of ${all.length} open pull requests.** A check run belongs to the commit, not to one pull request, so this check carries the strictest of their verdicts: #${carried.number}'s, ${why}${override}`,
    table(["PR", "Title", "Hotfix", "Verdict"], rows),
    `### #${carried.number}: its own report`,
    carried.output.summary,
  ].join("\n\n");
  const title =
    carried === judged ? carried.output.title : `#${carried.number} on this commit: ${carried.output.title}`;
  return boundCheckOutput(
    carried.output.conclusion,
    { title, summary, ...(carried.output.text === undefined ? {} : { text: carried.output.text }) },
    carried.output.annotations,
  );
}
