import { findBodySection } from "../core/readers/body-sections.js";
import type { HeadCheck } from "../core/change.js";
import { findTestFiles } from "../core/readers/tests/find-test-changes.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import { capitalize, joinAnd, pluralWord } from "./phrases.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

type CheckState = { name: string; state: "success" | "pending" | "missing" | "failed"; conclusion?: string };

export const testEvidence: Rule = {
  id: "test-evidence",
  description: "A test file changed or the description shows test evidence, and every required check succeeded.",
  evaluate({ change, config, sections }) {
    const testFiles = findTestFiles(change, config);
    const heading = config.sections.testEvidence[0] ?? "Test evidence";
    const section = findBodySection(sections, config.sections.testEvidence);
    const described = section !== undefined && !isPlaceholder(section.text);
    const facts: Record<string, string> = { "Test files": String(testFiles.length) };
    const problems: string[] = [];
    const fixes: string[] = [];

    if (!testFiles.length && !described) {
      problems.push(
        `no test file changed and the description has ${section ? `only a placeholder under ${codeSpan(section.heading)}` : `no ${codeSpan(heading)} section`}`,
      );
      fixes.push(`add or update a test for the bug, or describe under \`## ${heading}\` how you verified the fix`);
    }

    const required = config.tests.requiredChecks;
    if (required.length && !change.checks) {
      problems.push("the checks on the head commit could not be read");
      fixes.push("re-run this check with `/spo recheck`");
    } else if (required.length) {
      const states = required.map((name) => readCheck(name, change.checks ?? []));
      facts["Required checks"] = states.map((s) => `${codeSpan(s.name)}: ${s.conclusion ?? s.state}`).join(", ");
      const failed = states.filter((s) => s.state === "failed");
      const waiting = states.filter((s) => s.state === "pending" || s.state === "missing");
      if (failed.length) {
        problems.push(
          `required ${pluralWord(failed.length, "check")} ${joinAnd(failed.map((s) => `${codeSpan(s.name)} concluded ${codeSpan(s.conclusion ?? "")}`))}`,
        );
        fixes.push(`make ${joinAnd(failed.map((s) => `${codeSpan(s.name)}`))} pass on the head commit`);
      }
      if (waiting.length) {
        problems.push(
          `waiting for ${joinAnd(waiting.map((s) => `${codeSpan(s.name)}${s.state === "missing" ? " (not started yet)" : ""}`))}`,
        );
        fixes.push(
          `wait for ${joinAnd(waiting.map((s) => `${codeSpan(s.name)}`))} to finish: this check is judged again when ${waiting.length > 1 ? "they complete" : "it completes"}`,
        );
      }
    }

    if (problems.length)
      return {
        verdict: "fail",
        message: `${capitalize(problems.join("; "))}.`,
        fix: `${capitalize(fixes.join("; "))}.`,
        facts,
      };
    const evidence = testFiles.length
      ? `${testFiles.length} test ${pluralWord(testFiles.length, "file")} changed`
      : `The ${codeSpan(section?.heading ?? heading)} section describes how the fix was tested`;
    const checks = required.length ? ` and ${joinAnd(required.map((name) => `${codeSpan(name)}`))} succeeded` : "";
    return { verdict: "pass", message: `${evidence}${checks}.`, facts };
  },
};

/** Several checks may share a name (a check run and a commit status): all of them must succeed. */
function readCheck(name: string, checks: readonly HeadCheck[]): CheckState {
  const named = checks.filter((check) => check.name === name);
  const failed = named.find((check) => check.status === "completed" && check.conclusion !== "success");
  if (failed) return { name, state: "failed", conclusion: failed.conclusion ?? "unknown" };
  if (!named.length) return { name, state: "missing", conclusion: "not started" };
  const running = named.find((check) => check.status !== "completed");
  if (running) return { name, state: "pending", conclusion: running.status.replace("_", " ") };
  return { name, state: "success", conclusion: "success" };
}
