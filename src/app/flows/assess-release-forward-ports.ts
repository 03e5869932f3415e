import type { Config } from "../../config/schema.js";
import { parseDuration } from "../../config/parse-duration.js";
import { decideReleaseForwardPorts } from "../../core/forward-port/decide-release-forward-ports.js";
import { findForwardPortTarget } from "../../core/forward-port/needs-twin-facts.js";
import type { ReleaseCheckResult } from "../../core/release/release-facts.js";
import { readReleaseForwardPorts } from "../../sources/read-release-forward-ports.js";
import type { JudgeTarget } from "./judge-target.js";

/**
 * The release gate's forward-port stage (SPEC §13), beside the release's own checks: for a release
 * cut from the forward-port target with `forwardPort` on, reads the hotfixes merged into `from`
 * branches since the previous release and their twins in this release
 * (sources/read-release-forward-ports.ts), then decides (core/forward-port). Undefined when the
 * stage does not apply (forward ports off, or a release from another branch): no call is made.
 * Throws what it cannot read; the release judgement owns failure.
 */
export async function assessReleaseForwardPorts(
  target: JudgeTarget,
  releaseTarget: string,
  config: Config,
  release: { sha: string; previousSha?: string; now: Date },
): Promise<{ result: ReleaseCheckResult; twinPulls: number[] } | undefined> {
  const branch = findForwardPortTarget(config, target.defaultBranch);
  if (config.forwardPort.mode === "off" || releaseTarget !== branch) return undefined;
  const facts = await readReleaseForwardPorts(target.octokit, target.repo, config, { ...release, target: branch });
  return decideReleaseForwardPorts(facts, branch, {
    withinMs: parseDuration(config.forwardPort.within) ?? 0,
    now: release.now,
  });
}
