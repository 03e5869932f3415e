import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import { linkedTicket } from "../../src/rules/linked-ticket.js";
import { buildChange, GOOD_BODY } from "../../support/build-change.js";

const REPO = "octo/shop";
const VERIFY = parseConfig({ ticket: { verify: true } }, "test");

function judge(overrides: Partial<Change>, config: Config = DEFAULT_CONFIG) {
  const change = buildChange({ repository: REPO, ...overrides });
  return linkedTicket.evaluate({ change, config, sections: readBodySections(change.body) });
}

const ONE_TICKET_FIX =
  "Move the other tickets' changes to their own PRs, and name only this patch's ticket in the title, branch name and `Fixes` line.";

describe("linked-ticket", () => {
  it("passes the default change: `SHOP-42` in the title and the branch name", () => {
    expect(judge({})).toEqual({
      verdict: "pass",
      message: "One ticket, `SHOP-42`, named in the title and branch name.",
      facts: { Ticket: "`SHOP-42`" },
    });
  });

  it.each<[string, Partial<Change>, string]>([
    ["only the title", { headBranch: "hotfix/discount-total" }, "One ticket, `SHOP-42`, named in the title."],
    ["only the branch name", { title: "fix discount total" }, "One ticket, `SHOP-42`, named in the branch name."],
    [
      "the title, and the body closes the same ticket",
      { body: `${GOOD_BODY}\nFixes SHOP-42` },
      "One ticket, `SHOP-42`, named in the title and branch name.",
    ],
    ["a `hotfix-123` branch and the title", { headBranch: "hotfix-123" }, "One ticket, `SHOP-42`, named in the title."],
  ])("passes with %s", (_, overrides, message) => {
    expect(judge(overrides)).toMatchObject({ verdict: "pass", message });
  });

  it.each<[string, Partial<Change>, string]>([
    [
      "two keys in the title",
      { title: "SHOP-42, SHOP-43: fix totals" },
      "The title and branch name link 2 different tickets, `SHOP-42` (title and branch name) and `SHOP-43` (title): one patch, one ticket.",
    ],
    [
      "two keys in the branch name",
      { title: "fix totals", headBranch: "hotfix/SHOP-42-SHOP-43" },
      "The branch name links 2 different tickets, `SHOP-42` and `SHOP-43`: one patch, one ticket.",
    ],
    [
      "title and branch disagreeing",
      { title: "ABC-1: fix", headBranch: "hotfix/ABC-2-fix" },
      "The title and branch name link 2 different tickets, `ABC-1` (title) and `ABC-2` (branch name): one patch, one ticket.",
    ],
    [
      "a key and a GitHub issue",
      { title: "SHOP-42: fix #12", headBranch: "hotfix/discount" },
      "The title links 2 different tickets, `SHOP-42` and `#12`: one patch, one ticket.",
    ],
    [
      "the body closing another ticket",
      { body: `${GOOD_BODY}\nFixes SHOP-43` },
      "`SHOP-42` is named in the title and branch name, but the description closes `SHOP-43`: one patch, one ticket.",
    ],
    [
      "the title naming `#12` and the body closing `#13`",
      { title: "#12: fix", headBranch: "hotfix/discount", body: "Closes #13" },
      "`#12` is named in the title, but the description closes `#13`: one patch, one ticket.",
    ],
    [
      "the body closing two tickets",
      { title: "fix", headBranch: "hotfix/discount", body: "Fixes #12\nFixes ABC-9" },
      "The description closes 2 different tickets, `#12` and `ABC-9`: one patch, one ticket.",
    ],
  ])("fails for %s", (_, overrides, message) => {
    expect(judge(overrides)).toEqual({ verdict: "fail", message, fix: ONE_TICKET_FIX });
  });

  it("fails with no ticket anywhere, and says how to add one", () => {
    expect(
      judge({ title: "fix discount total", headBranch: "hotfix/discount", body: `${GOOD_BODY}\nSee #12 for context.` }),
    ).toEqual({
      verdict: "fail",
      message:
        "No ticket: neither the title nor the branch name has a ticket key, and the description closes none (`Fixes #12`).",
      fix: "Put the ticket key in the title, e.g. `SHOP-42: …`, or add `Fixes #12` to the description.",
    });
  });

  it("does not read the `hotfix-123` branch prefix as ticket `HOTFIX-123`", () => {
    expect(judge({ title: "fix discount total", headBranch: "hotfix-123", body: GOOD_BODY })).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(/^No ticket/),
    });
    expect(judge({ title: "fix discount total", headBranch: "HOTFIX-123", body: GOOD_BODY })).toMatchObject({
      verdict: "fail",
      message: expect.stringMatching(/^No ticket/),
    });
  });

  it("passes with the ticket only as `Fixes #12` in the body", () => {
    expect(
      judge({ title: "fix discount total", headBranch: "hotfix/discount", body: `${GOOD_BODY}\nFixes #12` }),
    ).toEqual({
      verdict: "pass",
      message: "One ticket, `#12`, closed by the description.",
      facts: { Ticket: "`#12`" },
    });
  });

  it("treats `#12` in the title and the issue URL of the same repository in the body as one ticket", () => {
    const outcome = judge({
      title: "Fix discount total (#12)",
      headBranch: "hotfix/discount",
      body: `${GOOD_BODY}\nFixes https://github.com/octo/shop/issues/12`,
    });
    expect(outcome).toEqual({
      verdict: "pass",
      message: "One ticket, `#12`, named in the title.",
      facts: { Ticket: "`#12`" },
    });
  });

  it("matches `#12` in the title and `Fixes #12` in the body when the repository is unknown", () => {
    const change = buildChange({ title: "#12: fix", headBranch: "hotfix/discount", body: `${GOOD_BODY}\nFixes #12` });
    expect(linkedTicket.evaluate({ change, config: DEFAULT_CONFIG, sections: readBodySections(change.body) })).toEqual({
      verdict: "pass",
      message: "One ticket, `#12`, named in the title.",
      facts: { Ticket: "`#12`" },
    });
  });

  it("treats `octo/shop#12` in the branch and `#12` in the title as one ticket", () => {
    expect(judge({ title: "#12: fix", headBranch: "hotfix/octo/shop#12" })).toMatchObject({
      verdict: "pass",
      message: "One ticket, `#12`, named in the title and branch name.",
    });
  });

  it("uses configured patterns instead of Jira keys", () => {
    const config = parseConfig({ ticket: { patterns: ["\\bINC[0-9]{7}\\b"] } }, "test");
    expect(judge({ title: "INC0012345: fix", headBranch: "hotfix/discount" }, config)).toMatchObject({
      verdict: "pass",
      facts: { Ticket: "`INC0012345`" },
    });
    expect(judge({}, config)).toMatchObject({ verdict: "fail", message: expect.stringMatching(/^No ticket/) });
  });

  it("ignores a ticket-looking standard name in the title (`UTF-8`)", () => {
    expect(judge({ title: "SHOP-42: fix UTF-8 names" })).toMatchObject({
      verdict: "pass",
      facts: { Ticket: "`SHOP-42`" },
    });
  });

  describe("with ticket.verify", () => {
    const github = { title: "#12: fix discount total", headBranch: "hotfix/discount" };

    it("passes an open GitHub issue", () => {
      expect(judge({ ...github, tickets: { "octo/shop#12": "open" } }, VERIFY)).toEqual({
        verdict: "pass",
        message: "One ticket, `#12`, named in the title.",
        facts: { Ticket: "`#12`", "Ticket state": "open" },
      });
    });

    it("accepts a state recorded under the reference as written", () => {
      expect(judge({ ...github, tickets: { "#12": "open" } }, VERIFY)).toMatchObject({ verdict: "pass" });
    });

    it.each<[string, Change["tickets"], string, string, string]>([
      [
        "closed",
        { "octo/shop#12": "closed" },
        "Ticket `#12` is closed: a hotfix must fix an open ticket.",
        "Reopen `#12` if the bug is back, or link the open ticket this patch fixes.",
        "closed",
      ],
      [
        "missing",
        { "octo/shop#12": "missing" },
        "Ticket `#12` does not exist in `octo/shop`.",
        "Check the number, and link an existing open issue in the title or with `Fixes #N` in the description.",
        "missing",
      ],
      [
        "unknown",
        { "octo/shop#12": "unknown" },
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop`.",
        "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.",
        "unknown",
      ],
      [
        "not looked up",
        undefined,
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop`.",
        "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.",
        "unknown",
      ],
      [
        "looked up for another ticket only",
        { "octo/shop#13": "open" },
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop`.",
        "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.",
        "unknown",
      ],
    ])("fails a ticket that is %s", (_, tickets, message, fix, state) => {
      expect(judge({ ...github, ...(tickets ? { tickets } : {}) }, VERIFY)).toEqual({
        verdict: "fail",
        message,
        fix,
        facts: { Ticket: "`#12`", "Ticket state": state },
      });
    });

    it("verifies a ticket closed by the body", () => {
      const body = `${GOOD_BODY}\nFixes other/lib#3`;
      expect(
        judge({ title: "fix", headBranch: "hotfix/x", body, tickets: { "other/lib#3": "closed" } }, VERIFY),
      ).toMatchObject({
        verdict: "fail",
        message: "Ticket `other/lib#3` is closed: a hotfix must fix an open ticket.",
      });
      expect(
        judge({ title: "fix", headBranch: "hotfix/x", body, tickets: { "other/lib#3": "open" } }, VERIFY),
      ).toMatchObject({ verdict: "pass" });
    });

    it("does not verify Jira-style keys, and says so in the facts", () => {
      expect(judge({}, VERIFY)).toEqual({
        verdict: "pass",
        message: "One ticket, `SHOP-42`, named in the title and branch name.",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "not verified: only GitHub issues are looked up" },
      });
    });
  });

  it("reads a 1 MB body full of `#` and `*` characters", () => {
    const body = `${"#*# ** #1* ##\n".repeat(80_000)}Fixes #12`;
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(judge({ title: "fix", headBranch: "hotfix/x", body })).toMatchObject({
      verdict: "pass",
      facts: { Ticket: "`#12`" },
    });
  });
});
