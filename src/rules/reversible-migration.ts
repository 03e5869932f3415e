import { findBodySection } from "../core/readers/body-sections.js";
import { judgeMigrations } from "../core/readers/judge-migrations.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import { capitalize, joinAnd } from "./phrases.js";
import type { FileFinding } from "../core/rule-result.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

const SPEAKS_OF_DATA =
  /\b(?:data\w*|migrat\w*|schemas?|tables?|columns?|rows?|backfill\w*|restor\w*|backups?|snapshots?|down(?:grade)?)\b/i;

export const reversibleMigration: Rule = {
  id: "reversible-migration",
  description: "A changed migration has a way back, and the rollback plan says what happens to the data.",
  evaluate({ change, config, sections }) {
    const migrations = judgeMigrations(change, config);
    if (!migrations.length) return { verdict: "skip", message: "No migration changed." };

    const facts = { Migrations: migrations.map((m) => `${codeSpan(m.file.path)}`).join(", ") };
    const irreversible = migrations.filter((m) => !m.reversible);
    const findings: FileFinding[] = irreversible.map((m) => ({
      path: m.file.path,
      line: 1,
      message: `No way back: ${m.reason}; ${m.fix ?? "add a down step"}.`,
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
          ? `${codeSpan(first.file.path)} has no way back: ${first.reason}`
          : `${irreversible.length} migrations have no way back: ${joinAnd(irreversible.map((m) => `${codeSpan(m.file.path)}`))}`,
      );
      fixes.push(
        irreversible.length === 1
          ? (first.fix ?? "add a down step")
          : "give each migration named in the annotations a way back",
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
    const listed = migrations.map((m) => `${codeSpan(m.file.path)} (${m.reason})`);
    return {
      verdict: "pass",
      message: `Every migration has a way back, ${joinAnd(listed)}, and the rollback plan covers the data.`,
      facts,
    };
  },
};
