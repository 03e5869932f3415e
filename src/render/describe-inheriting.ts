import type { InheritingCount } from "../config/config-change-report.js";
import { formatCount, plural } from "./markdown.js";
import { safeCode } from "./safe-markdown.js";

/** How many repositories get the org file's settings: the reach of a change to it. */
export function describeInheriting(count: InheritingCount | { error: string }, repository: string): string {
  const title = "### Repositories that inherit this file";
  if ("error" in count)
    return `${title}\n\nThey could not be counted (${safeCode(count.error)}); the check does not depend on it. **Re-run** this check to count again.`;
  const inheriting = count.withoutFile + count.viaExtends;
  const lines = [
    `**${formatCount(inheriting)}** of the ${plural(count.scanned, "repository", "repositories")} the App is installed on inherit ${safeCode(`${repository}/.github/single-patch-order.yml`)}: ${formatCount(count.withoutFile)} without a file of their own, ${formatCount(count.viaExtends)} through \`_extends\`. Each gets these settings when this pull request merges; the floor binds all of them.`,
  ];
  if (count.total > count.bound)
    lines.push(
      `Only the first ${formatCount(count.bound)} of the installation's ${formatCount(count.total)} repositories were looked at.`,
    );
  if (count.unreadable)
    lines.push(
      `${plural(count.unreadable, "repository has", "repositories have")} a config that is not valid YAML: not counted.`,
    );
  lines.push("Archived repositories and the `.github` repository itself are not counted.");
  return [title, "", lines.join(" ")].join("\n");
}
