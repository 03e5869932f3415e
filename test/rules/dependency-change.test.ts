import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { dependencyChange } from "../../src/rules/dependency-change.js";
import { buildChange, file, GOOD_BODY, textFile } from "../../support/build-change.js";

const evaluate = (change: Change, config: Config = DEFAULT_CONFIG) =>
  dependencyChange.evaluate({ change, config, sections: readBodySections(change.body) });

const lock = (version: string) =>
  `${JSON.stringify({ lockfileVersion: 3, packages: { "": { name: "shop" }, "node_modules/decimal.js": { version } } }, null, 2)}\n`;
const lockfileChange = (body = GOOD_BODY) =>
  buildChange({
    body,
    files: [file("src/checkout/discount.ts"), textFile("package-lock.json", lock("10.4.2"), lock("10.4.3"))],
  });
const JUSTIFIED = `${GOOD_BODY}\n## Dependencies\nBumps \`decimal.js\` to 10.4.3, which fixes the rounding bug this hotfix is about.\n`;
const LOCKFILE_FINDING = {
  path: "package-lock.json",
  line: 8,
  message: "`package-lock.json` changes `packages` › `decimal.js` 10.4.2 → 10.4.3.",
};
const FACTS = { "Dependency files": "`package-lock.json`" };

describe("dependency-change: no dependency files", () => {
  it("passes the default change", () => {
    expect(evaluate(buildChange())).toEqual({
      verdict: "pass",
      message: "No dependency manifest or lockfile changed.",
    });
  });

  it("passes a package.json whose only edit is the version", () => {
    const pkg = (version: string) =>
      `{\n  "name": "shop",\n  "version": "${version}",\n  "dependencies": { "left-pad": "1.3.0" }\n}\n`;
    expect(
      evaluate(
        buildChange({
          files: [file("src/checkout/discount.ts"), textFile("package.json", pkg("1.4.2"), pkg("1.4.3"))],
        }),
      ),
    ).toEqual({
      verdict: "pass",
      message: "No dependency manifest or lockfile changed.",
    });
  });
});

describe("dependency-change: justify (default)", () => {
  it("fails a lockfile change without a Dependencies section", () => {
    expect(evaluate(lockfileChange())).toEqual({
      verdict: "fail",
      message: '`package-lock.json` changes dependencies without a "Dependencies" section to justify it.',
      fix: "Add a `## Dependencies` section that says which dependency changed and why this hotfix needs it.",
      facts: FACTS,
      findings: [LOCKFILE_FINDING],
    });
  });

  it("passes a lockfile change with a Dependencies section", () => {
    expect(evaluate(lockfileChange(JUSTIFIED))).toEqual({
      verdict: "pass",
      message: 'The dependency change in `package-lock.json` is justified under "Dependencies".',
      facts: FACTS,
    });
  });

  it("accepts a heading alias", () => {
    expect(
      evaluate(lockfileChange(`${GOOD_BODY}\n### Dependency changes\nPins lodash to 4.17.21 for CVE-2021-23337.\n`))
        .verdict,
    ).toBe("pass");
  });

  it.each(["N/A", "TBD", "- none", ""])("fails a Dependencies section that only says %j", (text) => {
    const result = evaluate(lockfileChange(`${GOOD_BODY}\n## Dependencies\n${text}\n`));
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe(
      '`package-lock.json` changes dependencies, but the "Dependencies" section is empty or a placeholder.',
    );
    expect(result.fix).toBe(
      "Add a `## Dependencies` section that says which dependency changed and why this hotfix needs it.",
    );
  });

  it("uses the configured heading in the message and the fix", () => {
    const config = parseConfig({ sections: { dependencies: ["Third-party changes"] } }, "test");
    const result = evaluate(lockfileChange(JUSTIFIED), config);
    expect(result.message).toBe(
      '`package-lock.json` changes dependencies without a "Third-party changes" section to justify it.',
    );
    expect(result.fix).toBe(
      "Add a `## Third-party changes` section that says which dependency changed and why this hotfix needs it.",
    );
    expect(
      evaluate(
        lockfileChange(`${GOOD_BODY}\n## Third-party changes\nBumps decimal.js to 10.4.3 for the rounding fix.\n`),
        config,
      ).verdict,
    ).toBe("pass");
  });

  it("finds the edited dependency in a package.json whatever the hunk shows, with a finding on its line", () => {
    const pkg = (lodash: string) =>
      `{\n  "name": "shop",\n  "dependencies": {\n    "express": "^4.18.0",\n    "lodash": "${lodash}",\n    "zod": "^4.0.0"\n  }\n}\n`;
    const result = evaluate(
      buildChange({
        files: [file("src/checkout/discount.ts"), textFile("package.json", pkg("^4.17.20"), pkg("^4.17.21"))],
      }),
    );
    expect(result.verdict).toBe("fail");
    expect(result.message).toBe('`package.json` changes dependencies without a "Dependencies" section to justify it.');
    expect(result.findings).toEqual([
      {
        path: "package.json",
        line: 5,
        message: "`package.json` changes `dependencies` › `lodash` ^4.17.20 → ^4.17.21.",
      },
    ]);
  });

  it("counts a manifest whose texts could not be read, and says why", () => {
    const result = evaluate(buildChange({ files: [file("go.mod")] }));
    expect(result.findings).toEqual([
      {
        path: "go.mod",
        message: "`go.mod` is a go.mod file whose base text could not be read, so it counts as a dependency change.",
      },
    ]);
  });

  it("counts a manifest that does not parse, and says why", () => {
    const result = evaluate(buildChange({ files: [textFile("package.json", "{}\n", "{ not json\n")] }));
    expect(result.findings?.[0]?.message).toMatch(
      /^`package\.json` does not parse as package\.json at the head \(.+\), so it counts as a dependency change\.$/,
    );
  });

  it("shows a manifest's names and values so that they cannot leave their code span, ping or open a comment", () => {
    const pkg = (deps: Record<string, string>) => `${JSON.stringify({ name: "shop", dependencies: deps }, null, 2)}\n`;
    const change = buildChange({
      files: [
        file("src/checkout/discount.ts"),
        textFile(
          "package.json",
          pkg({ "left-pad": "1.3.0" }),
          pkg({ "left-pad": "1.3.0", "x`@acme/security`y": "npm:@acme/ops", z: "<!--", w: "a`b" }),
        ),
      ],
    });
    expect(evaluate(change).findings?.[0]?.message).toBe(
      "`package.json` changes `dependencies` › ``x`@\u200Bacme/security`y`` (added npm:@\u200Bacme/ops), `dependencies` › `z` (added <\u200B!--), `dependencies` › `w` (added ``a`b``).",
    );
  });

  it("lists several files, at most five in the message and all in the facts", () => {
    const paths = [
      "a/yarn.lock",
      "b/yarn.lock",
      "c/yarn.lock",
      "d/yarn.lock",
      "e/yarn.lock",
      "f/yarn.lock",
      "g/yarn.lock",
    ];
    const result = evaluate(buildChange({ files: paths.map((p) => file(p)) }));
    expect(result.message).toBe(
      '`a/yarn.lock`, `b/yarn.lock`, `c/yarn.lock`, `d/yarn.lock`, `e/yarn.lock` and 2 more change dependencies without a "Dependencies" section to justify it.',
    );
    expect(result.facts?.["Dependency files"]).toBe(paths.map((p) => `\`${p}\``).join(", "));
    expect(result.findings).toHaveLength(7);
  });
});

describe("dependency-change: allow and forbid", () => {
  it("passes with allow, without a section, listing the files", () => {
    const config = parseConfig({ dependencies: "allow" }, "test");
    expect(evaluate(lockfileChange(), config)).toEqual({
      verdict: "pass",
      message: "Dependency changes are allowed by the config: `package-lock.json`.",
      facts: FACTS,
    });
  });

  it("fails with forbid, even with a Dependencies section", () => {
    const config = parseConfig({ dependencies: "forbid" }, "test");
    expect(evaluate(lockfileChange(JUSTIFIED), config)).toEqual({
      verdict: "fail",
      message: "`package-lock.json` changes dependencies, and the config forbids dependency changes in a hotfix.",
      fix: "Revert the dependency changes and ship them in a regular release.",
      facts: FACTS,
      findings: [LOCKFILE_FINDING],
    });
  });

  it("passes a change without dependency files under forbid", () => {
    expect(evaluate(buildChange(), parseConfig({ dependencies: "forbid" }, "test")).verdict).toBe("pass");
  });
});
