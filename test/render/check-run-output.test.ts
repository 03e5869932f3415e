import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/config-error.js";
import { SourceError } from "../../src/core/errors.js";
import type { RuleResult } from "../../src/core/rule-result.js";
import {
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_OUTPUT_BYTES,
  MAX_TITLE,
  renderConfigError,
  renderEvaluationError,
  renderNotHotfix,
  renderReport,
  boundCheckOutput,
} from "../../src/render/check-run-output.js";
import type { Annotation } from "../../src/render/build-annotations.js";
import { verdictIcon } from "../../src/render/markdown.js";
import {
  buildReport,
  hugeReport,
  notHotfix,
  oneFail,
  reports,
  severalFailWithFindings,
  tooLarge,
  warnOnly,
  withOverride,
  allPass,
} from "../fixtures/reports.js";
import { formatOutput, tableShapes } from "../helpers/format-output.js";

const TRUNCATION_NOTE =
  /\n\n\*\*… truncated: [\d,]+ more bytes\*\*; GitHub shows at most 65,535 bytes here\. See the annotations, or run `spo` on the branch for the full report\.$/;

describe("renderReport snapshots", () => {
  const hotfixes = { allPass, oneFail, severalFailWithFindings, warnOnly, tooLarge };
  it.each(Object.entries(hotfixes))("%s", async (name, report) => {
    await expect(formatOutput(renderReport(report))).toMatchFileSnapshot(`./__snapshots__/check-run/${name}.md`);
  });

  it("notHotfix", async () => {
    await expect(formatOutput(renderNotHotfix(notHotfix))).toMatchFileSnapshot(
      "./__snapshots__/check-run/notHotfix.md",
    );
  });

  it("withOverride", async () => {
    const output = renderReport(withOverride.report, { override: withOverride.override });
    await expect(formatOutput(output)).toMatchFileSnapshot("./__snapshots__/check-run/withOverride.md");
  });

  it("hugeReport (its shape; the full output is 130 KB)", async () => {
    const output = renderReport(hugeReport);
    const shape = [
      `title (${[...output.title].length} chars): ${output.title}`,
      `summary: ${Buffer.byteLength(output.summary)} bytes; text: ${Buffer.byteLength(output.text ?? "")} bytes; annotations: ${output.annotations.length}`,
      "--- summary, first 12 lines ---",
      ...output.summary
        .split("\n")
        .slice(0, 12)
        .map((line) => line.slice(0, 200)),
      "--- summary, last 300 characters ---",
      output.summary.slice(-300),
    ].join("\n");
    await expect(`${shape}\n`).toMatchFileSnapshot("./__snapshots__/check-run/hugeReport.txt");
  });
});

describe("renderReport", () => {
  it("titles the report by its failures, warnings or override", () => {
    expect(renderReport(allPass).title).toBe("All rules pass");
    expect(renderReport(oneFail).title).toBe(
      "1 rule fails: Production files span 2 scopes: src/checkout and src/billing.",
    );
    expect(renderReport(severalFailWithFindings).title).toBe(
      "3 rules fail: Production files span 3 scopes: src/checkout, src/billing and db.",
    );
    expect(renderReport(warnOnly).title).toBe("All rules pass, 1 warning");
    expect(
      renderReport(buildReport(warnOnly.hotfix, [...warnOnly.results, { ruleId: "x", verdict: "warn", message: "m" }]))
        .title,
    ).toBe("All rules pass, 2 warnings");
    expect(renderReport(tooLarge).title).toBe(
      "1 rule fails: 3,000 files changed and only the first 300 could be listed: the pull request is too large to judge.",
    );
    expect(renderReport(withOverride.report, { override: withOverride.override }).title).toBe(
      "Overridden by @\u200Brelease-manager: Checkout is down for every EU customer; billing follow-up in SHOP-44",
    );
  });

  it("takes the conclusion from the verdict, and an override passes", () => {
    expect(renderReport(allPass).conclusion).toBe("success");
    expect(renderReport(warnOnly).conclusion).toBe("success");
    expect(renderReport(oneFail).conclusion).toBe("failure");
    expect(renderReport(withOverride.report, { override: withOverride.override }).conclusion).toBe("success");
  });

  it("bounds a long title to MAX_TITLE characters", () => {
    const { title } = renderReport(hugeReport);
    expect([...title].length).toBe(MAX_TITLE);
    expect(title.startsWith("10 rules fail: Ünïcödé 🚀 failure 0: ")).toBe(true);
    expect(title.endsWith("…")).toBe(true);
  });

  it("has one table row per rule, with its icon, id, verdict and message", () => {
    const { summary } = renderReport(severalFailWithFindings);
    const rows = summary.split("\n").filter((line) => /^\| \S+ \| `[a-z-]+` \| (pass|fail|warn|skip) \|/.test(line));
    expect(rows).toHaveLength(severalFailWithFindings.results.length);
    for (const result of severalFailWithFindings.results) {
      expect(summary).toContain(`| ${verdictIcon(result.verdict)} | \`${result.ruleId}\` | ${result.verdict} |`);
    }
  });

  it("says why the PR is a hotfix", () => {
    expect(renderReport(oneFail).summary).toContain(
      "Judged as a hotfix because its branch `hotfix/SHOP-42-discount-total` matches `hotfix/**` or `hotfix-*`.",
    );
  });

  it("lists the fix of every failing and warning rule under How to fix, and no passing rule", () => {
    const { summary } = renderReport(severalFailWithFindings);
    const howToFix = summary.slice(summary.indexOf("### How to fix"), summary.indexOf("### Facts"));
    for (const result of severalFailWithFindings.results.filter((r) => r.verdict === "fail")) {
      expect(howToFix).toContain(`- ❌ \`${result.ruleId}\`: ${result.fix}`);
    }
    expect(howToFix).toContain("- ⚠️ `dependency-change` (warning): Add a `## Dependencies` section");
    expect(howToFix).not.toContain("`base-branch`");
    expect(renderReport(allPass).summary).not.toContain("### How to fix");
  });

  it("shows the facts as a two-column table and names the config file and /spo recheck", () => {
    const { summary } = renderReport(oneFail);
    expect(summary).toContain("### Facts\n\n| Fact | Value |\n| --- | --- |\n| Base | `main` |");
    expect(summary).toContain("`.github/single-patch-order.yml`");
    expect(summary).toContain("`/spo recheck`");
  });

  it("keeps a PR title with pipes and HTML inside its table cell", () => {
    const { summary } = renderReport(severalFailWithFindings);
    expect(summary).toContain("| Title | SHOP-42 \\| SHOP-43: fix &lt;script&gt;alert(1)&lt;/script&gt; totals |");
    expect(summary).not.toContain("<script>");
    for (const rows of tableShapes(summary)) expect(new Set(rows).size).toBe(1);
  });

  it("annotates every finding of a failing or warning rule on its file", () => {
    const { annotations } = renderReport(severalFailWithFindings);
    expect(annotations).toHaveLength(4);
    expect(annotations.filter((a) => a.annotation_level === "failure")).toHaveLength(3);
    expect(annotations).toContainEqual<Annotation>({
      path: "db/migrations/0042_discount.sql",
      start_line: 3,
      end_line: 9,
      annotation_level: "failure",
      title: "reversible-migration",
      message: "ALTER TABLE with no down/rollback counterpart.",
    });
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: "package.json",
        start_line: 12,
        end_line: 12,
        annotation_level: "warning",
        title: "dependency-change",
      }),
    );
    expect(annotations[0]).toMatchObject({ path: "src/billing/invoice.ts", start_line: 1, end_line: 1 });
    expect(renderReport(allPass).annotations).toEqual([]);
  });

  it("lists every finding in the text, and sends no text without findings", () => {
    expect(renderReport(severalFailWithFindings).text).toContain(
      "- `db/migrations/0042_discount.sql` lines 3–9: `ALTER TABLE` with no down/rollback counterpart.",
    );
    expect(renderReport(allPass).text).toBeUndefined();
  });

  it("caps annotations at 50, failures first, and says how many were left out", () => {
    const huge = renderReport(hugeReport);
    expect(huge.annotations).toHaveLength(MAX_ANNOTATIONS_PER_REQUEST);
    expect(huge.summary).toContain(
      "> ⚠️ 2,950 of 3,000 findings are not annotated on the files: GitHub takes 50 annotations per request",
    );

    const finding = (i: number) => ({ path: `src/a${i}.ts`, message: "m" });
    const withFindings = (n: number, verdict: "fail" | "warn"): RuleResult => ({
      ruleId: `r-${verdict}`,
      verdict,
      message: "m",
      findings: Array.from({ length: n }, (_, i) => finding(i)),
    });
    const exactly50 = renderReport(buildReport(allPass.hotfix, [withFindings(50, "fail")]));
    expect(exactly50.annotations).toHaveLength(50);
    expect(exactly50.summary).not.toContain("not annotated");
    const mixed = renderReport(buildReport(allPass.hotfix, [withFindings(30, "warn"), withFindings(30, "fail")]));
    expect(mixed.annotations.filter((a) => a.annotation_level === "failure")).toHaveLength(30);
    expect(mixed.summary).toContain("> ⚠️ 10 of 60 findings are not annotated");
  });

  it("keeps summary and text within 65,535 UTF-8 bytes, cut on a character boundary, with a note", () => {
    const { summary, text } = renderReport(hugeReport);
    for (const field of [summary, text ?? ""]) {
      expect(Buffer.byteLength(field)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
      expect(Buffer.byteLength(field)).toBeGreaterThan(MAX_OUTPUT_BYTES - 8);
      expect(field).toMatch(TRUNCATION_NOTE);
      expect(Buffer.from(field, "utf8").toString("utf8")).not.toContain("\uFFFD");
    }
    expect(renderReport(oneFail).summary).not.toContain("truncated");
  });

  it("puts the override first and keeps every real verdict", () => {
    const { summary, annotations } = renderReport(withOverride.report, {
      override: { ...withOverride.override, by: "@release-manager" },
    });
    expect(summary.split("\n")[0]).toBe(
      "**Overridden by @\u200Brelease-manager**: Checkout is down for every EU customer; billing follow-up in SHOP-44 (at 2026-11-21T12:00:00.000Z); every rule's real verdict is kept below.",
    );
    expect(summary).toContain("| ❌ | `single-scope` | fail |");
    expect(annotations[0]?.annotation_level).toBe("failure");
  });
});

describe("renderNotHotfix", () => {
  it("passes with the fixed title, why, and how to make it a hotfix", () => {
    const output = renderNotHotfix(notHotfix);
    expect(output).toMatchObject({
      conclusion: "success",
      title: "Not a hotfix: no single-patch rules apply",
      annotations: [],
    });
    expect(output.summary).toContain("because its branch `feature/faster-search` matches none of");
    expect(output.summary).toContain("`hotfix.branches`");
    expect(output.summary).toContain("`hotfix.labels`");
  });
});

describe("renderConfigError", () => {
  const error = new ConfigError("octo/shop/.github/single-patch-order.yml@main", [
    "scope.maxFiles: Invalid input: expected number, received string",
    'rules: unknown key "single-scop"; rule ids are base-branch, single-scope',
    "ticket.patterns.0: unsafe pattern `(a)\\1`: backreferences are not supported",
  ]);

  it("fails with the first problem in the title and every problem in the summary", async () => {
    const output = renderConfigError(error);
    expect(output.conclusion).toBe("failure");
    expect(output.title).toBe("Invalid config: scope.maxFiles: Invalid input: expected number, received string");
    expect(output.summary).toContain("`octo/shop/.github/single-patch-order.yml@main`");
    expect(output.summary).toContain('- `rules: unknown key "single-scop"; rule ids are base-branch, single-scope`');
    expect(output.summary).toContain(
      "- ``ticket.patterns.0: unsafe pattern `(a)\\1`: backreferences are not supported``",
    );
    expect(output.summary).toMatch(/`\/spo recheck`.*\*\*Re-run\*\*/);
    await expect(formatOutput(output)).toMatchFileSnapshot("./__snapshots__/check-run/configError.md");
  });

  it("bounds a long problem in the title", () => {
    const output = renderConfigError(new ConfigError("x.yml", [`hotfix.branches.0: ${"y".repeat(1000)}`]));
    expect([...output.title].length).toBe(MAX_TITLE);
  });

  it("is what renderEvaluationError shows for a config error", () => {
    expect(renderEvaluationError(error)).toEqual(renderConfigError(error));
  });
});

describe("renderEvaluationError", () => {
  it("fails with the reason, GitHub's request id, that it is temporary, and how to retry", async () => {
    const error = new SourceError("GitHub answered 503 while listing the files: unavailable", true, "ABCD:1234");
    const output = renderEvaluationError(error);
    expect(output.conclusion).toBe("failure");
    expect(output.title).toBe("Could not evaluate: GitHub answered 503 while listing the files: unavailable");
    expect(output.summary).toContain("**GitHub request id:** `ABCD:1234`");
    expect(output.summary).toContain("This looks temporary");
    expect(output.summary).toContain("**Re-run**");
    expect(output.summary).toContain("`/spo recheck`");
    await expect(formatOutput(output)).toMatchFileSnapshot("./__snapshots__/check-run/evaluationError.md");
  });

  it("takes the request id from the caller when the error has none", () => {
    expect(renderEvaluationError(new Error("boom"), "EFGH:5678").summary).toContain("`EFGH:5678`");
    expect(renderEvaluationError(new Error("boom")).summary).not.toContain("request id");
  });

  it("shows no stack trace and no token", () => {
    const error = new TypeError(
      "Cannot read properties of undefined (reading 'sha') with token ghs_abcdefghijklmnopqrstuvwxyz0123\n    at readSha (/app/dist/x.js:1:2)",
    );
    const output = renderEvaluationError(error);
    expect(error.stack).toContain("    at ");
    expect(output.summary).not.toMatch(/\bat \S+ \(|dist\/x\.js/);
    expect(output.summary).not.toContain("ghs_abcdefghijklmnopqrstuvwxyz0123");
    expect(output.summary).toContain("[redacted token]");
    expect(output.summary).toContain("It is not known whether this is temporary");
    expect(output.title).toBe(
      "Could not evaluate: Cannot read properties of undefined (reading 'sha') with token [redacted token]",
    );
  });

  it("says so when a source error is not temporary, and survives a non-Error", () => {
    expect(
      renderEvaluationError(new SourceError("GitHub answered 404 while reading the PR: Not Found", false)).summary,
    ).toContain("This does not look temporary");
    expect(renderEvaluationError({ weird: true }).title).toBe("Could not evaluate: an unexpected error");
  });
});

describe("boundCheckOutput", () => {
  const annotation = (i: number): Annotation => ({
    path: `f${i}`,
    start_line: 1,
    end_line: 1,
    annotation_level: "failure",
    title: "t",
    message: "m",
  });

  it("keeps the first 50 annotations, so that one request carries them all", () => {
    const output = boundCheckOutput(
      "failure",
      { title: "t", summary: "s" },
      Array.from({ length: 120 }, (_, i) => annotation(i)),
    );
    expect(output.annotations).toHaveLength(MAX_ANNOTATIONS_PER_REQUEST);
    expect(output.annotations.at(-1)?.path).toBe("f49");
  });
});

describe("fixtures", () => {
  it("cover every named report", () => {
    expect(Object.keys(reports)).toEqual([
      "allPass",
      "oneFail",
      "severalFailWithFindings",
      "warnOnly",
      "notHotfix",
      "tooLarge",
      "hugeReport",
    ]);
  });
});
