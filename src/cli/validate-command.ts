import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { compareFloors } from "../config/compare-floors.js";
import { compareStrictness } from "../config/compare-strictness.js";
import { ConfigError } from "../config/config-error.js";
import { CONFIG_PATH } from "../config/config-path.js";
import { evaluateProposedConfig, type ProposedConfig } from "../config/evaluate-proposed-config.js";
import { FLOOR_KEY, type Floor, parseFloor } from "../config/org-floor.js";
import { DEFAULT_CONFIG, parseYamlText } from "../config/parse-config.js";
import { isRecord } from "../config/setting-paths.js";
import { EXIT } from "../core/to-conclusion.js";
import { renderValidateResult, type ValidateResult } from "../render/config-diff-text.js";
import { renderTerminalError } from "../render/terminal.js";
import { openLocalRepo, readFileAtRef } from "../sources/local-git-source.js";
import { type CliIo, useColor } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { UsageError } from "./usage-error.js";

/**
 * `spo validate [file] [--against <ref>] [--floor <file>]`: parses a config file like the App does
 * and, with `--against`, lists every setting that gets looser or tighter than in the file at a git
 * ref (the table of the `single-patch-order/config` check); with `--floor`, holds it to the
 * `floor:` of an org file. Exit 0 valid and not below the floor, 1 invalid or below it, 2 usage or
 * git errors (thrown to run()).
 */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "validate",
    args,
    { help: { type: "boolean", short: "h" }, against: { type: "string" }, floor: { type: "string" } },
    true,
  );
  if (values.help) {
    io.stdout(HELP.validate);
    return EXIT.pass;
  }
  if (positionals.length > 1) throw new UsageError(`validate takes one file, got ${positionals.length}`, "validate");
  const path = positionals[0] ?? CONFIG_PATH;
  const text = await readText(io.cwd, path, path);
  try {
    const floor = values.floor === undefined ? undefined : await readFloor(io.cwd, values.floor);
    const hasOwnFloor = hasFloorKey(text);
    const proposed = evaluate(text, path, hasOwnFloor, floor);
    const notes = describeNotes(hasOwnFloor, proposed);
    const result: ValidateResult = {
      path,
      config: proposed.config,
      notes,
      ...(proposed.floor ? { floor: { floor: proposed.floor, violations: proposed.violations } } : {}),
      ...(values.against === undefined
        ? {}
        : { against: await compareAgainst(io.cwd, path, values.against, proposed, hasOwnFloor, floor, notes) }),
    };
    io.stdout(renderValidateResult(result, { color: useColor(io, io.stdoutIsTTY) }));
    return proposed.violations.length ? EXIT.fail : EXIT.pass;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(renderTerminalError(error, { color: useColor(io, io.stderrIsTTY) }));
    return EXIT.fail;
  }
}

/** The file judged as the App judges a pull request's file: its own `floor:` binds it, else `--floor`'s. */
function evaluate(text: string, source: string, hasOwnFloor: boolean, floor: Floor | undefined): ProposedConfig {
  return evaluateProposedConfig(text, {
    owner: "(local)",
    isOrgFile: hasOwnFloor,
    source,
    chain: [],
    ...(floor ? { floor } : {}),
  });
}

/** `--against <ref>`: the same file at that ref, in the git repository around the working folder. */
async function compareAgainst(
  cwd: string,
  path: string,
  ref: string,
  proposed: ProposedConfig,
  hasOwnFloor: boolean,
  floor: Floor | undefined,
  notes: string[],
): Promise<NonNullable<ValidateResult["against"]>> {
  const repo = await openLocalRepo(cwd);
  const inRepo = relative(repo.root, resolve(cwd, path)).split("\\").join("/");
  const source = `${inRepo}@${ref}`;
  const old = await readFileAtRef(repo, ref, inRepo);
  let before: ProposedConfig | undefined;
  if (old === undefined) notes.push(`${source} does not exist: compared with the defaults.`);
  else
    try {
      before = evaluate(old, source, hasFloorKey(old), floor);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      notes.push(`${source} is not valid (${error.problems[0] ?? "?"}): compared with the defaults.`);
    }
  return {
    source,
    settings: compareStrictness(proposed.config, before?.config ?? DEFAULT_CONFIG).filter((s) => s.verdict !== "same"),
    floorChanges:
      hasOwnFloor || (old !== undefined && hasFloorKey(old)) ? compareFloors(proposed.floor, before?.floor) : [],
  };
}

function describeNotes(hasOwnFloor: boolean, proposed: ProposedConfig): string[] {
  const notes: string[] = [];
  if (proposed.extends)
    notes.push(
      `_extends: ${proposed.extends.value} is resolved by the App on GitHub; only this file's own keys were checked.`,
    );
  if (hasOwnFloor)
    notes.push(
      `${FLOOR_KEY}: is allowed only in the org's .github repository's ${CONFIG_PATH}, where it binds every repository of the owner.`,
    );
  return notes;
}

/** The `floor:` of an org file; a file without one is a usage error (exit 2). */
async function readFloor(cwd: string, path: string): Promise<Floor> {
  const raw = parseYamlText(await readText(cwd, path, `--floor ${path}`), path);
  if (!isRecord(raw) || !Object.hasOwn(raw, FLOOR_KEY))
    throw new UsageError(
      `--floor ${path} has no ${FLOOR_KEY}: key (give the org .github repository's config file)`,
      "validate",
    );
  const floor = parseFloor(raw[FLOOR_KEY], path);
  if (!floor) throw new UsageError(`--floor ${path}: its ${FLOOR_KEY}: is empty`, "validate");
  return floor;
}

function hasFloorKey(text: string): boolean {
  try {
    const raw = parseYamlText(text, "(file)");
    return isRecord(raw) && Object.hasOwn(raw, FLOOR_KEY);
  } catch {
    return false;
  }
}

async function readText(cwd: string, path: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, "validate");
  }
}
