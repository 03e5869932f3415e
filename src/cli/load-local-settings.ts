import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError } from "../config/config-error.js";
import { evaluateProposedConfig } from "../config/evaluate-proposed-config.js";
import { describeFloorViolation, FLOOR_KEY } from "../config/org-floor.js";
import { DEFAULT_CONFIG, parseConfigText, parseYamlText } from "../config/parse-config.js";
import { isRecord } from "../config/setting-paths.js";
import { CONFIG_PATH } from "../config/config-path.js";
import type { RepoSettings } from "../github/load-repo-config.js";
import type { BaseRef, LocalRepo } from "../sources/local-git-source.js";
import { readFileAtRef } from "../sources/local-git-source.js";
import { UsageError } from "./usage-error.js";

export interface LocalSettings extends RepoSettings {
  /** Things the user should know about how the config was read. */
  notes: string[];
}

/**
 * The config as the App would read it, from the base instead of the default
 * branch: `.github/single-patch-order.yml` committed at the base ref (never the working tree or
 * the branch, so a branch cannot relax its own rules), or `configFile` when given.
 */
export async function loadLocalSettings(
  repo: LocalRepo,
  base: BaseRef,
  options: { cwd: string; configFile?: string },
): Promise<LocalSettings> {
  const committed = options.configFile === undefined ? await readFileAtRef(repo, base.sha, CONFIG_PATH) : undefined;
  const [text, configSource] =
    options.configFile === undefined
      ? [committed, `${CONFIG_PATH}@${base.ref}`]
      : [await readConfigFile(options.cwd, options.configFile), options.configFile];
  if (text === undefined) return { config: DEFAULT_CONFIG, configSource: "(defaults)", notes: [] };
  const config = parseLocalConfig(text, configSource);
  const notes: string[] = [];
  if (/^_extends\s*:/m.test(text))
    notes.push(
      `${configSource} uses _extends, which only the App resolves (on GitHub); judging with this file's own keys and the defaults.`,
    );
  if (config.ticket.verify)
    notes.push(
      `ticket.verify looks the ticket up on GitHub${config.ticket.tracker === "github" ? "" : ` or in ${config.ticket.tracker === "jira" ? "Jira" : "Linear"}`}, which an offline check cannot do: linked-ticket fails closed. Use spo check --pr to verify it (with the App's JIRA_*/LINEAR_* variables for a Jira or Linear key).`,
    );
  if (config.tests.requiredChecks.length)
    notes.push(
      "tests.requiredChecks are checks on GitHub, which an offline check cannot read: test-evidence fails closed. Use spo check --pr once the checks have run.",
    );
  return { config, configSource, notes };
}

async function readConfigFile(cwd: string, path: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read --config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      "check",
    );
  }
}

/**
 * The file's config. A file with `floor:` is an org `.github` repository's file: it is held to its
 * own floor, as the App holds it (the floor of another repository's owner is not known offline).
 */
function parseLocalConfig(text: string, source: string) {
  const raw = parseYamlText(text, source);
  if (!isRecord(raw) || !Object.hasOwn(raw, FLOOR_KEY)) return parseConfigText(text, source);
  const proposed = evaluateProposedConfig(text, { owner: "(local)", isOrgFile: true, source, chain: [] });
  const floorSource = proposed.floor?.source ?? source;
  if (proposed.violations.length)
    throw new ConfigError(
      source,
      proposed.violations.map((v) => describeFloorViolation(v, floorSource)),
    );
  return proposed.config;
}
