import type { SettingComparison, Strictness } from "../config/compare-strictness.js";
import type { FloorChange } from "../config/compare-floors.js";
import { type ConfigChangeReport, decideConfigChange } from "../config/config-change-report.js";
import { CONFIG_PATH } from "../config/config-path.js";
import { formatSetting } from "../config/format-setting.js";
import { describeFloorViolation } from "../config/org-floor.js";
import { boundCheckOutput, type CheckRunOutput } from "./check-run-output.js";
import { describeFailure } from "./describe-failure.js";
import { describeInheriting } from "./describe-inheriting.js";
import { formatCount, plural, table } from "./markdown.js";
import { codeCell, safeCode } from "./safe-markdown.js";

const ICONS: Record<Exclude<Strictness, "same">, string> = { looser: "🔓", tighter: "🔒", changed: "✏️" };

/**
 * The `single-patch-order/config` check (SPEC §12): `failure` when the proposed config is invalid
 * (every key path) or below the org floor (key, value, floor); `success` with every setting that
 * gets looser, tighter or changes. Every value from the file is shown in a code span.
 */
export function renderConfigCheck(report: ConfigChangeReport): CheckRunOutput {
  const conclusion = decideConfigChange(report);
  const summary = [
    describeVerdict(report),
    describeProblems(report),
    describeSettings(report),
    describeFloor(report),
    report.inheriting ? describeInheriting(report.inheriting, report.repository) : "",
    describeNotes(report),
    describeHowItWorks(report),
  ];
  return boundCheckOutput(conclusion, { title: describeTitle(report), summary: summary.filter(Boolean).join("\n\n") });
}

/** The config check could not be made (GitHub failed, a bug): `failure`, never a pass, with how to retry. */
export function renderConfigCheckError(error: unknown, requestId?: string): CheckRunOutput {
  const failure = describeFailure(error, requestId);
  const summary = [
    `Single Patch Order could not check the change to ${safeCode(CONFIG_PATH)} in this pull request, so this check fails rather than pass a policy change nobody checked.`,
    `**What went wrong:** ${safeCode(failure.reason)}`,
    failure.requestId ? `**GitHub request id:** ${safeCode(failure.requestId)}` : "",
    [
      "### How to retry",
      "",
      "- choose **Re-run** on this check, or",
      "- push a new commit: every push checks the file again.",
    ].join("\n"),
  ];
  return boundCheckOutput("failure", {
    title: `Could not check the config change: ${failure.reason}`,
    summary: summary.filter(Boolean).join("\n\n"),
  });
}

function describeTitle(report: ConfigChangeReport): string {
  const { after } = report;
  if ("error" in after) return `Invalid config: ${after.error.problems[0] ?? "the file could not be read"}`;
  const [below] = after.proposed.violations;
  if (below) {
    const more =
      after.proposed.violations.length > 1 ? ` (and ${formatCount(after.proposed.violations.length - 1)} more)` : "";
    return `Below the org floor: ${below.path} ${formatSetting(below.path, below.value)}, floor ${formatSetting(below.path, below.floor)}${more}`;
  }
  const counts = (["looser", "tighter", "changed"] as const)
    .map((verdict) => [verdict, report.settings.filter((s) => s.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => `${plural(n, "setting")} ${verdict}`);
  return `Config valid: ${counts.length ? counts.join(", ") : "no setting changes"}`;
}

function describeVerdict(report: ConfigChangeReport): string {
  const { after, status } = report;
  const file = safeCode(CONFIG_PATH);
  const at = safeCode(report.headSha.slice(0, 7));
  const scope = report.isOrgFile
    ? "every repository that inherits it (see below)"
    : `every pull request of ${safeCode(report.repository)}`;
  if ("error" in after)
    return status === "removed"
      ? `This pull request removes ${file}. The config that would then apply, ${safeCode(after.source)}, is not valid: merging would fail the \`single-patch-order\` check of ${scope}.`
      : `${file} at ${at} is not valid: merging this pull request would fail the \`single-patch-order\` check of ${scope}.`;
  if (after.proposed.violations.length)
    return `${file} at ${at} is valid, but it goes below the org floor set in ${safeCode(after.proposed.floor?.source ?? "")}: a repository may be stricter than the floor, never looser. Merged, it would fail the \`single-patch-order\` check of ${scope}.`;
  if (status === "removed")
    return `This pull request removes ${file}. The config that would then apply is ${safeCode(after.source)}; compared with what applies now:`;
  return `${file} at ${at} is valid. Compared with the config that applies now (${safeCode(report.before.source)}):`;
}

function describeProblems(report: ConfigChangeReport): string {
  const { after } = report;
  if ("error" in after) {
    const lines = after.error.problems.map((p) => `- ${safeCode(p)}`);
    return [
      "### Problems",
      "",
      ...lines,
      "",
      "Fix them in this pull request; the check runs again on the next push.",
    ].join("\n");
  }
  const { violations, floor } = after.proposed;
  if (!violations.length || !floor) return "";
  return [
    "### Below the floor",
    "",
    table(
      ["Setting", "This file", "Floor"],
      violations.map((v) => [
        codeCell(v.path),
        codeCell(formatSetting(v.path, v.value)),
        codeCell(formatSetting(v.path, v.floor)),
      ]),
    ),
    "",
    ...violations.map((v) => `- ${safeCode(describeFloorViolation(v, floor.source))}`),
    "",
    "Raise each setting to the floor or beyond (or leave it out: the floor's value then applies), or ask whoever owns the floor to lower it.",
  ].join("\n");
}

function describeSettings(report: ConfigChangeReport): string {
  if ("error" in report.after) return "";
  const title = "### Settings that change";
  if (!report.settings.length) return `${title}\n\nNo setting changes: the config that applies stays the same.`;
  const before = "config" in report.before ? "Now" : "Now (defaults: today's config is invalid)";
  const rows = report.settings.map((s) => toRow(s));
  const looser = report.settings.filter((s) => s.verdict === "looser").length;
  const note = looser
    ? `${plural(looser, "setting")} ${looser === 1 ? "gets" : "get"} looser: hotfixes that fail today would pass. Each needs a reviewer who agrees.`
    : "";
  return [title, table(["", "Setting", before, "After merge"], rows), note].filter(Boolean).join("\n\n");
}

function toRow(setting: SettingComparison): string[] {
  const verdict = setting.verdict as Exclude<Strictness, "same">;
  return [
    `${ICONS[verdict]} ${verdict}`,
    codeCell(setting.path),
    codeCell(formatSetting(setting.path, setting.before)),
    codeCell(formatSetting(setting.path, setting.after)),
  ];
}

function describeFloor(report: ConfigChangeReport): string {
  if (report.isOrgFile) return describeFloorChanges(report.floorChanges);
  const floor = "proposed" in report.after ? report.after.proposed.floor : undefined;
  if (!floor || ("proposed" in report.after && report.after.proposed.violations.length)) return "";
  return `### Org floor\n\nThe floor set in ${safeCode(floor.source)} has ${plural(floor.paths.length, "setting")}; this config keeps every one.`;
}

function describeFloorChanges(changes: readonly FloorChange[]): string {
  const title = "### Floor changes";
  if (!changes.length) return `${title}\n\nThe floor (\`floor:\`) stays the same.`;
  const value = (change: FloorChange, side: "before" | "after") => {
    const set = change[side];
    return set ? codeCell(formatSetting(change.path, set.value)) : "(no floor)";
  };
  const rows = changes.map((c) => [
    `${ICONS[c.verdict]} ${c.verdict}`,
    codeCell(c.path),
    value(c, "before"),
    value(c, "after"),
  ]);
  return [
    title,
    "",
    "The floor is the minimum every repository of the owner keeps, whatever its `_extends`.",
    "",
    table(["", "Setting", "Floor now", "After merge"], rows),
  ].join("\n");
}

function describeNotes(report: ConfigChangeReport): string {
  const notes: string[] = [];
  const extended = "proposed" in report.after ? report.after.proposed.extends : undefined;
  if (extended && !extended.followed)
    notes.push(
      `${safeCode(`_extends: ${extended.value}`)} was not followed: this pull request names it, and nothing a pull request names is read. The table compares this file's own settings over the defaults; once merged, the App reads what it inherits from that file's default branch, and the floor still applies.`,
    );
  if (extended?.followed)
    notes.push(
      `${safeCode(`_extends: ${extended.value}`)} names a file the config already reads today; its settings are taken from that read, not from this pull request.`,
    );
  if ("error" in report.before)
    notes.push(
      `The config that applies today is invalid (${safeCode(report.before.error.problems[0] ?? report.before.source)}), so the table compares with the defaults.`,
    );
  if (report.baseBranch !== report.defaultBranch && report.defaultBranch)
    notes.push(
      `This pull request targets ${safeCode(report.baseBranch)}, but the App reads the config from ${safeCode(report.defaultBranch)} only: merging it changes no policy until the file reaches ${safeCode(report.defaultBranch)}.`,
    );
  return notes.length ? ["### Notes", "", ...notes.map((n) => `- ${n}`)].join("\n") : "";
}

function describeHowItWorks(report: ConfigChangeReport): string {
  const from = report.status === "removed" ? "" : ` from its text at ${safeCode(report.headSha.slice(0, 7))}`;
  return `This check judges ${safeCode(CONFIG_PATH)}${from}: the \`single-patch-order\` gate keeps using the config on the default branch until this pull request merges, so a pull request never relaxes its own rules. Looser and tighter follow the orderings in the README ("Configuration").`;
}
