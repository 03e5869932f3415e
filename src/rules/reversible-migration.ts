import type { Config } from "../config/schema.js";
import { findBodySection } from "../core/readers/body-sections.js";
import { classifyFile, matchesAny } from "../core/readers/classify-file.js";
import { baseName, describeMigration, suggestDownStep } from "../core/readers/find-down-step.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import { capitalize, joinAnd } from "./phrases.js";
import type { FileFinding } from "../core/rule-result.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

const SPEAKS_OF_DATA =
  /\b(?:data\w*|migrat\w*|schemas?|tables?|columns?|rows?|backfill\w*|restor\w*|backups?|snapshots?|down(?:grade)?)\b/i;

export const reversibleMigration: Rule = {
  id: "reversible-migration",
  description: "A changed migration carries a down step, and the rollback plan says what happens to the data.",
  evaluate({ change, config, sections }) {
    const files = change.files.filter((f) => f.status !== "removed" && isMigration(f.path, config));
    if (!files.length) return { verdict: "skip", message: "No migration changed." };

    const migrations = files.map((file) => describeMigration(file, files));
    const facts = { Migrations: migrations.map((m) => `${codeSpan(m.file.path)}`).join(", ") };
    const irreversible = migrations.filter((m) => m.downStep === undefined);
    const findings: FileFinding[] = irreversible.map((m) => ({
      path: m.file.path,
      line: 1,
      message:
        m.file.patch === undefined
          ? `No down step found: this migration's diff is not available and no down counterpart changed; ${suggestDownStep(m.file.path)}.`
          : `This migration has no down step: ${suggestDownStep(m.file.path)}.`,
    }));

    const heading = config.sections.rollback[0] ?? "Rollback plan";
    const plan = findBodySection(sections, config.sections.rollback);
    const speaksOfData = plan !== undefined && !isPlaceholder(plan.text) && SPEAKS_OF_DATA.test(plan.text);

    const problems: string[] = [];
    const fixes: string[] = [];
    const [first] = irreversible;
    if (first) {
      problems.push(
        irreversible.length === 1
          ? `${codeSpan(first.file.path)} has no down step`
          : `${irreversible.length} migrations have no down step: ${joinAnd(irreversible.map((m) => `${codeSpan(m.file.path)}`))}`,
      );
      fixes.push(
        irreversible.length === 1
          ? suggestDownStep(first.file.path)
          : "add a down step to each migration named in the annotations",
      );
    }
    if (!speaksOfData) {
      problems.push(
        plan
          ? "the rollback plan does not say what happens to the data"
          : `there is no ${codeSpan(heading)} section to say what happens to the data`,
      );
      fixes.push(
        `say under \`## ${heading}\` what happens to the data on rollback: whether the down migration runs, and how rows written meanwhile are kept or restored (backup, snapshot)`,
      );
    }
    if (problems.length) {
      return {
        verdict: "fail",
        message: `${capitalize(problems.join("; "))}.`,
        fix: `${capitalize(fixes.join("; "))}.`,
        facts,
        ...(findings.length ? { findings } : {}),
      };
    }

    const counterparts = new Set(migrations.map((m) => m.counterpart));
    const listed = migrations
      .filter((m) => !counterparts.has(m.file.path))
      .map((m) => `${codeSpan(m.file.path)} (${m.downStep})`);
    return {
      verdict: "pass",
      message: `Every migration has a down step, ${joinAnd(listed)}, and the rollback plan covers the data.`,
      facts,
    };
  },
};

/** A production file under the migration paths: a README, a test or a Python package marker there is no migration. */
function isMigration(path: string, config: Config): boolean {
  return (
    matchesAny(path, config.migrations.paths) &&
    classifyFile(path, config) === "production" &&
    baseName(path) !== "__init__.py"
  );
}
