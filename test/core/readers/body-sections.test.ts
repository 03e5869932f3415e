import { describe, expect, it } from "vitest";
import { findBodySection, readBodySections } from "../../../src/core/readers/body-sections.js";
import { GOOD_BODY } from "../../../support/build-change.js";

const headings = (body: string) => readBodySections(body).map((s) => s.heading);
const textOf = (body: string, aliases: string[]) => findBodySection(readBodySections(body), aliases)?.text;

describe("readBodySections", () => {
  it("reads every section of the good body", () => {
    expect(headings(GOOD_BODY)).toEqual(["Problem", "Root cause", "Fix", "Test evidence", "Rollback plan"]);
    expect(textOf(GOOD_BODY, ["Fix"])).toBe("Set the currency before computing the discount total.");
  });

  it.each([
    ["# Fix", "Fix"],
    ["## Fix", "Fix"],
    ["###### Fix", "Fix"],
    ["   ### Fix", "Fix"],
    ["## Fix ##", "Fix"],
    ["##\tFix:", "Fix"],
    ["## `Root cause`", "Root cause"],
    ["## **Rollback   plan**", "Rollback plan"],
    ["## C#", "C#"],
    ["**Rollback plan:**", "Rollback plan"],
    ["**Rollback plan**:", "Rollback plan"],
    ["__Rollback plan__", "Rollback plan"],
  ])("reads %j as heading %j", (line, heading) => {
    expect(readBodySections(`${line}\nbody text`)).toEqual([{ heading, text: "body text" }]);
  });

  it.each([
    ["####### seven hashes", "seven hashes are not a heading"],
    ["#hashtag", "no space after the hashes"],
    ["    ## indented code", "four spaces of indent"],
    ["**bold** then text", "bold text followed by more text"],
    ["- **Fix**", "a bullet"],
  ])("does not read %j as a heading (%s)", (line) => {
    expect(readBodySections(`## Notes\n${line}`)).toEqual([{ heading: "Notes", text: line.trim() }]);
  });

  it("reads setext headings and skips their underline", () => {
    expect(readBodySections("Problem\n=======\nIt breaks.\n\nFix\n===\nThis.")).toEqual([
      { heading: "Problem", text: "It breaks." },
      { heading: "Fix", text: "This." },
    ]);
  });

  it("reads a `---` setext heading as level 2, inside a `===` one", () => {
    expect(readBodySections("Hotfix\n===\nSummary.\nFix\n---\nThis.\n# Next")).toEqual([
      { heading: "Hotfix", text: "Summary.\nFix\n---\nThis." },
      { heading: "Fix", text: "This." },
      { heading: "Next", text: "" },
    ]);
  });

  it("does not read a bullet or a quote above `---` as a setext heading", () => {
    expect(headings("## Notes\n- item\n---\n> quote\n---")).toEqual(["Notes"]);
  });

  it("ignores HTML comments, also as content and when unclosed", () => {
    const body =
      "## Fix\n<!-- describe the fix -->\nSet the currency.\n<!--\n## Rollback plan\n-->\n## Tests\n<!-- unclosed";
    expect(readBodySections(body)).toEqual([
      { heading: "Fix", text: "Set the currency." },
      { heading: "Tests", text: "" },
    ]);
  });

  it("reads a template left with only its hints as empty sections", () => {
    expect(readBodySections("## Rollback plan\n<!-- How do we undo this? -->\n")).toEqual([
      { heading: "Rollback plan", text: "" },
    ]);
  });

  it("does not treat `#` lines in fenced code as headings, and keeps them as content", () => {
    const body =
      "## Test evidence\n```sh\n# run the suite\nnpm test\n```\n~~~\n## not a heading\n```\n# still code\n~~~\n## Rollback plan\nRevert.";
    expect(readBodySections(body)).toEqual([
      {
        heading: "Test evidence",
        text: "```sh\n# run the suite\nnpm test\n```\n~~~\n## not a heading\n```\n# still code\n~~~",
      },
      { heading: "Rollback plan", text: "Revert." },
    ]);
  });

  it("needs a closing fence at least as long as the opening one", () => {
    expect(headings("````\n```\n# code\n````\n# After")).toEqual(["After"]);
  });

  it("treats the rest of the body as code after an unclosed fence", () => {
    expect(headings("## Fix\n```\n## Rollback plan\nRevert.")).toEqual(["Fix"]);
  });

  it("reads CRLF and CR line endings", () => {
    expect(readBodySections("## Problem\r\nIt breaks.\r\n\r\n## Fix\r\nThis.\r\n")).toEqual([
      { heading: "Problem", text: "It breaks." },
      { heading: "Fix", text: "This." },
    ]);
    expect(headings("Problem\r\n===\r\ntext\r## Fix\rThis.")).toEqual(["Problem", "Fix"]);
  });

  it("keeps sub-headings inside their section, and reads them as sections too", () => {
    const body = "## Rollback plan\n### Steps\n1. Revert the PR.\n**Owner**\nOn-call SRE.\n## Tests\nAdded one.";
    expect(readBodySections(body)).toEqual([
      { heading: "Rollback plan", text: "### Steps\n1. Revert the PR.\n**Owner**\nOn-call SRE." },
      { heading: "Steps", text: "1. Revert the PR.\n**Owner**\nOn-call SRE." },
      { heading: "Owner", text: "On-call SRE." },
      { heading: "Tests", text: "Added one." },
    ]);
  });

  it("ends a bold-line section at the next bold line", () => {
    expect(readBodySections("**Problem:**\nIt breaks.\n**Fix:**\nThis.")).toEqual([
      { heading: "Problem", text: "It breaks." },
      { heading: "Fix", text: "This." },
    ]);
  });

  it("returns nothing for a body without headings", () => {
    expect(readBodySections("Just a description.\nNo headings.")).toEqual([]);
    expect(readBodySections("")).toEqual([]);
  });

  it("reads a 1 MB body full of `#` and `*` characters", () => {
    const lines = [
      "# # # # ########",
      "**********",
      "** # ** # **",
      "#".repeat(5000),
      `# ${"#".repeat(5000)}x`,
      `**${" ".repeat(5000)}x`,
      "*".repeat(5000),
    ];
    const body = `${lines.join("\n")}\n`.repeat(50);
    expect(body.length).toBeGreaterThan(1_000_000);
    const sections = readBodySections(body);
    expect(sections).toHaveLength(100);
    expect(sections.slice(0, 2).map((s) => s.heading)).toEqual(["# # #", `${"#".repeat(5000)}x`]);
  });

  it("reads a 1 MB single-line body of `#` and spaces", () => {
    const body = `## ${"# ".repeat(500_000)}x`;
    expect(readBodySections(body)).toHaveLength(1);
    expect(readBodySections(`## ${" ".repeat(1_000_000)}#`)).toEqual([{ heading: "", text: "" }]);
    expect(readBodySections(`**${"*".repeat(1_000_000)}`)).toEqual([]);
  });
});

describe("findBodySection", () => {
  const sections = readBodySections(
    "## ROOT CAUSE\nA.\n### 2. Root-cause analysis:\nB.\n## 🔙 Rollback plan\nC.\n## Fix\nD.\n## Fix\nE.",
  );

  it.each([
    [["Root cause"], "A.\n### 2. Root-cause analysis:\nB."],
    [["root cause analysis"], "B."],
    [["Rollback plan"], "C."],
    [["Cause", "Fix"], "D."],
    [["Problem"], undefined],
  ])("finds %j case- and punctuation-insensitively", (aliases, text) => {
    expect(findBodySection(sections, aliases)?.text).toBe(text);
  });
});
