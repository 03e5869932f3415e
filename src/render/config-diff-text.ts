import type { SettingComparison } from "../config/compare-strictness.js";
import type { FloorChange } from "../config/compare-floors.js";
import { formatSetting } from "../config/format-setting.js";
import type { Floor, FloorViolation } from "../config/org-floor.js";
import type { Config } from "../config/schema.js";
import { readSetting } from "../config/setting-paths.js";
import { createPaint, stripControl } from "./ansi.js";

/** What `spo validate` found about one file, for the terminal. */
export interface ValidateResult {
  path: string;
  /** The effective config of the file (its own settings over the defaults, the floor under them). */
  config: Config;
  /** `--against <ref>`: every setting that changes against the file at that ref. */
  against?: { source: string; settings: SettingComparison[]; floorChanges: FloorChange[] };
  /** The floor that binds the file, with the settings below it. */
  floor?: { floor: Floor; violations: FloorViolation[] };
  notes: string[];
}

/**
 * `spo validate` output: "valid", the settings that get looser or tighter against a ref (the same
 * table as the config check), and each floor setting with the file's value. Plain text.
 */
export function renderValidateResult(result: ValidateResult, options: { color: boolean }): string {
  const paint = createPaint(options.color);
  const tag = { looser: paint.yellow("looser "), tighter: paint.green("tighter"), changed: paint.cyan("changed") };
  const lines = [`${paint.green("valid")}: ${stripControl(result.path)}`];
  if (result.against) {
    const { settings, floorChanges, source } = result.against;
    lines.push(`compared with ${stripControl(source)}:`);
    if (!settings.length) lines.push("  no setting changes");
    for (const s of settings)
      lines.push(
        `  ${tag[s.verdict as keyof typeof tag]}  ${s.path}: ${show(s.path, s.before)} → ${show(s.path, s.after)}`,
      );
    if (floorChanges.length) lines.push("floor changes:");
    for (const c of floorChanges)
      lines.push(`  ${tag[c.verdict]}  floor.${c.path}: ${floorValue(c, "before")} → ${floorValue(c, "after")}`);
  }
  if (result.floor) {
    const { floor, violations } = result.floor;
    const below = new Set(violations.map((v) => v.path));
    lines.push(`floor (${stripControl(floor.source)}):`);
    if (!floor.paths.length) lines.push("  sets nothing");
    for (const path of floor.paths) {
      const mark = below.has(path) ? paint.red("below") : paint.green("ok   ");
      lines.push(
        `  ${mark}  ${path}: ${show(path, readSetting(result.config, path))} (floor ${show(path, readSetting(floor.config, path))})`,
      );
    }
  }
  const violations = result.floor?.violations.length ?? 0;
  if (violations)
    lines.push(
      `${paint.red("below the floor")}: ${violations} ${violations === 1 ? "setting" : "settings"} (a repository may be stricter than the floor, never looser)`,
    );
  for (const note of result.notes) lines.push(`note: ${stripControl(note)}`);
  return `${lines.join("\n")}\n`;
}

function show(path: SettingComparison["path"], value: unknown): string {
  return stripControl(formatSetting(path, value));
}

function floorValue(change: FloorChange, side: "before" | "after"): string {
  const set = change[side];
  return set ? show(change.path, set.value) : "(no floor)";
}
