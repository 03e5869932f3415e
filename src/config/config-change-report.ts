import type { SettingComparison } from "./compare-strictness.js";
import type { FloorChange } from "./compare-floors.js";
import type { ConfigError } from "./config-error.js";
import type { ProposedConfig } from "./evaluate-proposed-config.js";
import type { Floor } from "./org-floor.js";
import type { Config } from "./schema.js";

/** How a pull request touches the config file. A rename away from the path is a removal. */
export type ConfigFileStatus = "added" | "modified" | "removed";

/** How many repositories of the installation inherit the org file (org file only). */
export interface InheritingCount {
  /** Repositories without a file of their own (Probot's org fallback). */
  withoutFile: number;
  /** Repositories whose `_extends` reaches the org file. */
  viaExtends: number;
  /**
   * Repositories looked at: the installation's, up to `bound`, with the org `.github` repository
   * and archived ones left out.
   */
  scanned: number;
  /** Repositories of the installation, as GitHub counts them. */
  total: number;
  bound: number;
  /** Repositories whose file is not YAML, or that GitHub did not answer for: not counted either way. */
  unreadable: number;
}

/** The config check's judgement of a pull request that changes the config file (SPEC §12). */
export interface ConfigChangeReport {
  /** `owner/repo` */
  repository: string;
  status: ConfigFileStatus;
  headSha: string;
  /** The file is the owner's shared one (in the `.github` repository). */
  isOrgFile: boolean;
  baseBranch: string;
  defaultBranch: string;
  /** What applies today, read from the default branch; an error when that config is invalid. */
  before: { source: string; config: Config; floor?: Floor } | { source: string; error: ConfigError };
  /** What would apply after merge: the PR's file judged from its text, or what applies without a file. */
  after: { source: string; proposed: ProposedConfig } | { source: string; error: ConfigError };
  /** Every setting that changes, compared with `before` (the defaults when `before` is invalid). */
  settings: SettingComparison[];
  /** How the floor changes (org file only). */
  floorChanges: FloorChange[];
  /** Org file only; `error` when they could not be counted. */
  inheriting?: InheritingCount | { error: string };
}

/** The check fails when the new config is invalid or goes below the floor; it passes otherwise. */
export function decideConfigChange(report: Pick<ConfigChangeReport, "after">): "success" | "failure" {
  if ("error" in report.after) return "failure";
  return report.after.proposed.violations.length ? "failure" : "success";
}
