import type { Config } from "../../config/schema.js";
import type { Change } from "../change.js";
import { isHotfix } from "../is-hotfix.js";
import { matchesAny } from "../readers/classify-file.js";

/**
 * Whether an adapter must gather the forward-port facts (`Change.forwardPort`) for a change: a
 * hotfix into a `forwardPort.from` branch under `upstream-first`, the only case the `forward-port`
 * rule judges. Every other case costs no call.
 */
export function needsTwinFacts(
  change: Pick<Change, "headBranch" | "labels" | "baseBranch">,
  config: Pick<Config, "forwardPort" | "hotfix">,
): boolean {
  return (
    config.forwardPort.mode === "upstream-first" &&
    matchesAny(change.baseBranch, config.forwardPort.from) &&
    isHotfix(change, config).hotfix
  );
}

/** The branch forward ports go to: `forwardPort.target`, else the repository's default branch. */
export function findForwardPortTarget(config: Pick<Config, "forwardPort">, defaultBranch: string): string {
  return config.forwardPort.target ?? defaultBranch;
}
