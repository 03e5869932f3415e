import type { Config } from "../config/schema.js";
import type { Change } from "./change.js";
import { matchesAny } from "./readers/classify-file.js";
import { codeSpan } from "./safe-text.js";

export interface HotfixMatch {
  hotfix: boolean;
  /** Why it is (or is not) a hotfix, for the report. */
  reason: string;
}

/** A PR is a hotfix when its head branch matches `hotfix.branches` or it has a `hotfix.labels` label. */
export function isHotfix(change: Pick<Change, "headBranch" | "labels">, config: Pick<Config, "hotfix">): HotfixMatch {
  const label = change.labels.find((l) => config.hotfix.labels.some((h) => h.toLowerCase() === l.toLowerCase()));
  if (label) return { hotfix: true, reason: `it carries the label ${codeSpan(label)}` };
  if (matchesAny(change.headBranch, config.hotfix.branches)) {
    return {
      hotfix: true,
      reason: `its branch ${codeSpan(change.headBranch)} matches ${config.hotfix.branches.map((b) => `${codeSpan(b)}`).join(" or ")}`,
    };
  }
  return {
    hotfix: false,
    reason: `its branch ${codeSpan(change.headBranch)} matches none of ${config.hotfix.branches.map((b) => `${codeSpan(b)}`).join(", ")} and it has no ${config.hotfix.labels.map((l) => `${codeSpan(l)}`).join(" or ")} label`,
  };
}
