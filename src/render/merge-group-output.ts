import { toCheckConclusion } from "../core/to-conclusion.js";
import { boundCheckOutput, type CheckRunOutput } from "./check-run-output.js";
import { table } from "./markdown.js";
import { escapeCell } from "./safe-markdown.js";

export interface JudgedPullRequest {
  number: number;
  title: string;
  output: CheckRunOutput;
}

/** One check for a merge group: it passes only when every PR in the group passes the gate. */
export function renderMergeGroup(prs: JudgedPullRequest[]): CheckRunOutput {
  if (!prs.length) {
    return boundCheckOutput("failure", {
      title: "Could not find the pull requests in this merge group",
      summary:
        "No pull request could be matched to the merge group's commits, so the gate cannot vouch for it. Remove the group from the queue and add the PR again.",
    });
  }
  const failing = prs.filter((pr) => pr.output.conclusion !== "success");
  const rows = prs.map((pr) => [
    `#${pr.number}`,
    escapeCell(pr.title),
    pr.output.conclusion,
    escapeCell(pr.output.title),
  ]);
  const title = failing.length
    ? `${failing.length} of ${prs.length} pull requests in the group fail the gate`
    : `All ${prs.length} pull request${prs.length === 1 ? "" : "s"} in the group pass the gate`;
  const summary = [
    `Judged every pull request in this merge group with the config on the default branch.`,
    "",
    table(["PR", "Title", "Conclusion", "Gate"], rows),
  ].join("\n");
  return boundCheckOutput(toCheckConclusion({ verdict: failing.length ? "fail" : "pass" }), { title, summary });
}
