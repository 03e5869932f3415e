import { buildForwardPortCommands, type MergeShape } from "./build-forward-port-commands.js";
import { findDeadline } from "./format-deadline.js";
import type { TwinMatch, TwinSearch, TwinVerdict } from "./twin-facts.js";

/** A hotfix pull request merged into a `from` branch. */
export interface MergedHotfix {
  number: number;
  title: string;
  baseBranch: string;
  /** ISO time of the merge. */
  mergedAt: string;
  merge: MergeShape;
  /** The hotfix's one ticket label (`SHOP-42`, `#12`), when it names one: the twin should name it too. */
  ticket?: string;
}

/** The `single-patch-order/forward-port` check's decision for one merged hotfix. */
export type ForwardPortDecision =
  | { status: "ported"; hotfix: MergedHotfix; target: string; match: TwinMatch; limits: string[] }
  | {
      status: "missing";
      hotfix: MergedHotfix;
      target: string;
      deadline: Date;
      /** `forwardPort.within` as configured (`72h`). */
      within: string;
      /** The deadline has passed: a release from the target without the twin now fails. */
      overdue: boolean;
      commands: string[];
      searched: TwinSearch[];
      limits: string[];
    };

/**
 * Decides the forward-port check of a merged hotfix (SPEC §13, `after`): ported once a twin is
 * merged into the target; otherwise missing, with the deadline (`merged at + within`), whether it
 * has passed, and the commands that forward-port it. Pure: `now` is given.
 */
export function decideForwardPort(
  hotfix: MergedHotfix,
  target: string,
  verdict: TwinVerdict,
  limits: string[],
  options: { within: string; withinMs: number; now: Date },
): ForwardPortDecision {
  if (verdict.match) return { status: "ported", hotfix, target, match: verdict.match, limits };
  const deadline = findDeadline(hotfix.mergedAt, options.withinMs);
  return {
    status: "missing",
    hotfix,
    target,
    deadline,
    within: options.within,
    overdue: options.now.getTime() >= deadline.getTime(),
    commands: buildForwardPortCommands(hotfix.number, target, hotfix.merge),
    searched: verdict.searched,
    limits,
  };
}
