import { findBodySection } from "../core/readers/body-sections.js";
import { findDependencyChanges } from "../core/readers/find-dependency-changes.js";
import { isPlaceholder } from "../core/readers/placeholder.js";
import type { Rule } from "../core/rule.js";
import { codeSpan } from "../core/safe-text.js";

export const dependencyChange: Rule = {
  id: "dependency-change",
  description: "A dependency manifest or lockfile change is justified in the PR body.",
  evaluate({ change, config, sections }) {
    const changes = findDependencyChanges(change);
    if (changes.length === 0) return { verdict: "pass", message: "No dependency manifest or lockfile changed." };

    const paths = changes.slice(0, 5).map((c) => `${codeSpan(c.path)}`);
    const listed = changes.length > 5 ? `${paths.join(", ")} and ${changes.length - 5} more` : paths.join(", ");
    const facts = { "Dependency files": changes.map((c) => `${codeSpan(c.path)}`).join(", ") };
    const findings = changes.map((c) => ({
      path: c.path,
      ...(c.line === undefined ? {} : { line: c.line }),
      message: `${codeSpan(c.path)} ${c.reason}.`,
    }));
    const changesVerb = changes.length === 1 ? "changes" : "change";
    const heading = config.sections.dependencies[0] ?? "Dependencies";

    switch (config.dependencies) {
      case "allow":
        return { verdict: "pass", message: `Dependency changes are allowed by the config: ${listed}.`, facts };
      case "forbid":
        return {
          verdict: "fail",
          message: `${listed} ${changesVerb} dependencies, and the config forbids dependency changes in a hotfix.`,
          fix: "Revert the dependency changes and ship them in a regular release.",
          facts,
          findings,
        };
      case "justify": {
        const section = findBodySection(sections, config.sections.dependencies);
        if (section && !isPlaceholder(section.text)) {
          return {
            verdict: "pass",
            message: `The dependency change in ${listed} is justified under "${section.heading}".`,
            facts,
          };
        }
        return {
          verdict: "fail",
          message: section
            ? `${listed} ${changesVerb} dependencies, but the "${section.heading}" section is empty or a placeholder.`
            : `${listed} ${changesVerb} dependencies without a "${heading}" section to justify it.`,
          fix: `Add a \`## ${heading}\` section that says which dependency changed and why this hotfix needs it.`,
          facts,
          findings,
        };
      }
    }
  },
};
