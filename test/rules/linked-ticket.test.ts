import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, parseConfig } from "../../src/config/parse-config.js";
import type { Config } from "../../src/config/schema.js";
import { readBodySections } from "../../src/core/readers/body-sections.js";
import type { Change } from "../../src/core/change.js";
import type { FoundTicket, TicketFacts, TicketLookupError } from "../../src/core/ticket-facts.js";
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

  describe("with ticket.verify and GitHub issues", () => {
    const github = { title: "#12: fix discount total", headBranch: "hotfix/discount" };
    const issue = (state: "open" | "closed", types: string[] = []): FoundTicket => ({
      tracker: "github",
      found: true,
      key: "octo/shop#12",
      status: state,
      category: state,
      types,
    });
    const RETRY =
      "Re-run the check with `/spo recheck`; if it fails again, make sure the App can read issues in this repository.";

    it("passes an open GitHub issue", () => {
      expect(judge({ ...github, tickets: { "octo/shop#12": issue("open") } }, VERIFY)).toEqual({
        verdict: "pass",
        message: "One ticket, `#12`, named in the title.",
        facts: { Ticket: "`#12`", "Ticket state": "open" },
      });
    });

    it("accepts facts recorded under the reference as written", () => {
      expect(judge({ ...github, tickets: { "#12": issue("open") } }, VERIFY)).toMatchObject({ verdict: "pass" });
    });

    it.each<[string, Change["tickets"], string, string, string]>([
      [
        "closed",
        { "octo/shop#12": issue("closed") },
        "Ticket `#12` is closed: a hotfix must fix an open ticket.",
        "Reopen `#12` if the bug is back, or link the open ticket this patch fixes.",
        "closed",
      ],
      [
        "missing",
        { "octo/shop#12": { tracker: "github", found: false, error: "not-found" } },
        "Ticket `#12` does not exist in `octo/shop`.",
        "Check the number, and link an existing open issue in the title or with `Fixes #N` in the description.",
        "missing",
      ],
      [
        "unreadable",
        { "octo/shop#12": { tracker: "github", found: false, error: "unreachable", detail: "HTTP 502" } },
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop` (HTTP 502).",
        RETRY,
        "unknown",
      ],
      [
        "not looked up",
        undefined,
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop`.",
        RETRY,
        "unknown",
      ],
      [
        "looked up for another ticket only",
        { "octo/shop#13": issue("open") },
        "Ticket `#12` could not be verified: its state could not be read in `octo/shop`.",
        RETRY,
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
      const closed: TicketFacts = { ...issue("closed"), key: "other/lib#3" };
      expect(
        judge({ title: "fix", headBranch: "hotfix/x", body, tickets: { "other/lib#3": closed } }, VERIFY),
      ).toMatchObject({
        verdict: "fail",
        message: "Ticket `other/lib#3` is closed: a hotfix must fix an open ticket.",
      });
      expect(
        judge({ title: "fix", headBranch: "hotfix/x", body, tickets: { "other/lib#3": issue("open") } }, VERIFY),
      ).toMatchObject({ verdict: "pass" });
    });

    it("matches ticket.types against a GitHub issue's labels", () => {
      const config = parseConfig({ ticket: { verify: true, types: ["bug"] } }, "test");
      expect(judge({ ...github, tickets: { "octo/shop#12": issue("open", ["Bug"]) } }, config)).toMatchObject({
        verdict: "pass",
        facts: { "Ticket labels": "`Bug`" },
      });
      expect(judge({ ...github, tickets: { "octo/shop#12": issue("open", ["enhancement"]) } }, config)).toEqual({
        verdict: "fail",
        message: "Ticket `#12` has none of the labels `bug` (`ticket.types`).",
        fix: "Link the ticket this patch fixes, or label `#12` `bug` in GitHub if it is one.",
        facts: { Ticket: "`#12`", "Ticket state": "open", "Ticket labels": "`enhancement`" },
      });
    });

    it("fails a Jira-style key when the tracker is GitHub: it cannot be verified there", () => {
      expect(judge({}, VERIFY)).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` could not be verified: it is not a GitHub issue, and `ticket.tracker` is `github`.",
        fix: "Set `ticket.tracker` to `jira` or `linear` so that keys are looked up there, or link the GitHub issue this patch fixes (`Fixes #12`).",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "not verified: not a GitHub issue" },
      });
    });
  });

  describe("with ticket.verify and Jira", () => {
    const JIRA = parseConfig({ ticket: { verify: true, tracker: "jira" } }, "test");
    const jira = (status: string, category: string, type = "Bug"): TicketFacts => ({
      tracker: "jira",
      found: true,
      key: "SHOP-42",
      status,
      category,
      types: [type],
    });
    const failed = (facts: Partial<TicketLookupError>): TicketFacts => ({
      tracker: "jira",
      found: false,
      error: "unreachable",
      ...facts,
    });
    const withFacts = (facts: TicketFacts | undefined, config: Config = JIRA) =>
      judge(facts ? { tickets: { "SHOP-42": facts } } : {}, config);
    const PASS = "One ticket, `SHOP-42`, named in the title and branch name.";

    it.each([
      ["To Do", "new"],
      ["In Progress", "indeterminate"],
      ["Waiting", "undefined"],
    ])("passes an issue in status %s (category %s): only the Done category closes it", (status, category) => {
      expect(withFacts(jira(status, category))).toEqual({
        verdict: "pass",
        message: PASS,
        facts: { Ticket: "`SHOP-42`", "Ticket state": `\`${status}\` in Jira (status category \`${category}\`)` },
      });
    });

    it("fails an issue whose status is in the Done category, whatever the status is called", () => {
      expect(withFacts(jira("Won't Fix", "done"))).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` is `Won't Fix` in Jira (status category `done`): a hotfix must fix an open ticket.",
        fix: "Reopen `SHOP-42` in Jira if the bug is back, or link the open ticket this patch fixes.",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "`Won't Fix` in Jira (status category `done`)" },
      });
    });

    it("compares status names instead when ticket.allowedStatuses is set (case-insensitive)", () => {
      const config = parseConfig(
        { ticket: { verify: true, tracker: "jira", allowedStatuses: ["In Progress", "Selected"] } },
        "test",
      );
      expect(withFacts(jira("in progress", "indeterminate"), config)).toMatchObject({ verdict: "pass" });
      expect(withFacts(jira("Done", "done"), config)).toMatchObject({ verdict: "fail" });
      expect(withFacts(jira("Code Review", "indeterminate"), config)).toEqual({
        verdict: "fail",
        message:
          "Ticket `SHOP-42` is in status `Code Review`, which is not one of `ticket.allowedStatuses` (`In Progress` and `Selected`).",
        fix: "Move `SHOP-42` to `In Progress` or `Selected` in Jira if this patch is for it, or link the ticket this patch fixes.",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "`Code Review` in Jira (status category `indeterminate`)" },
      });
    });

    it("fails an issue of another type than ticket.types", () => {
      const config = parseConfig({ ticket: { verify: true, tracker: "jira", types: ["Bug", "Incident"] } }, "test");
      expect(withFacts(jira("To Do", "new", "incident"), config)).toMatchObject({
        verdict: "pass",
        facts: { "Ticket type": "`incident`" },
      });
      expect(withFacts(jira("To Do", "new", "Story"), config)).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` is a `Story`; a hotfix must fix a `Bug` or `Incident` (`ticket.types`).",
        fix: "Link the `Bug` or `Incident` this patch fixes, or change the ticket's type in Jira if it is one.",
        facts: {
          Ticket: "`SHOP-42`",
          "Ticket state": "`To Do` in Jira (status category `new`)",
          "Ticket type": "`Story`",
        },
      });
    });

    it("says a missing issue does not exist in Jira, and what to check", () => {
      expect(withFacts(failed({ error: "not-found" }))).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` does not exist in Jira.",
        fix: "Check the key, and name an existing open Jira ticket in the title and branch name. If it does exist, the App's Jira user cannot see it: give it read access to the project.",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "missing in Jira" },
      });
    });

    it.each<[string, Partial<TicketLookupError>, string, string]>([
      [
        "unreachable",
        { error: "unreachable", detail: "HTTP 503" },
        "Ticket `SHOP-42` could not be verified: Jira could not be reached (HTTP 503).",
        "Re-run the check (`/spo recheck`, or Re-run in the Checks tab) in a minute; if it keeps failing, the App's operator checks that the App's server can reach Jira at the address it is configured with.",
      ],
      [
        "timed out",
        { error: "timeout", detail: "no answer within 10 s" },
        "Ticket `SHOP-42` could not be verified: Jira did not answer in time (no answer within 10 s).",
        "Re-run the check (`/spo recheck`, or Re-run in the Checks tab) in a minute; if it keeps failing, the App's operator checks that the App's server can reach Jira at the address it is configured with.",
      ],
      [
        "rate-limited",
        { error: "rate-limited", retryAfterSeconds: 30 },
        "Ticket `SHOP-42` could not be verified: Jira is rate-limiting the App (it asks to wait 30 s).",
        "Re-run the check (`/spo recheck`, or Re-run in the Checks tab) after 30 s.",
      ],
      [
        "answering strangely",
        { error: "unexpected-response", detail: "redirected (HTTP 302)" },
        "Ticket `SHOP-42` could not be verified: Jira answered in an unexpected way (redirected (HTTP 302)).",
        "Re-run the check (`/spo recheck`, or Re-run in the Checks tab) in a minute; if it keeps failing, the App's operator checks that the App's server can reach Jira at the address it is configured with.",
      ],
    ])("fails when Jira is %s, saying how to retry", (_name, facts, message, fix) => {
      expect(withFacts(failed(facts))).toMatchObject({ verdict: "fail", message, fix });
    });

    it("only warns when Jira cannot answer and ticket.onTrackerError is warn", () => {
      const config = parseConfig({ ticket: { verify: true, tracker: "jira", onTrackerError: "warn" } }, "test");
      expect(withFacts(failed({ error: "timeout", detail: "no answer within 10 s" }), config)).toMatchObject({
        verdict: "warn",
        message:
          "Ticket `SHOP-42` could not be verified: Jira did not answer in time (no answer within 10 s). Not blocking: `ticket.onTrackerError` is `warn`.",
      });
    });

    it.each<[string, Partial<TicketLookupError>, string]>([
      [
        "refused credentials",
        { error: "unauthorized", detail: "HTTP 401" },
        "Ticket `SHOP-42` could not be verified: Jira refused the App's credentials (HTTP 401).",
      ],
      [
        "a server without Jira settings",
        { error: "not-configured" },
        "Ticket `SHOP-42` could not be verified: this App is not configured for Jira (`ticket.tracker: jira`).",
      ],
      [
        "a reference that is no Jira key",
        { error: "invalid-key" },
        "`SHOP-42` is not a Jira key, so it was not looked up.",
      ],
      ["a missing issue", { error: "not-found" }, "Ticket `SHOP-42` does not exist in Jira."],
    ])("always fails for %s, even with onTrackerError: warn", (_name, facts, message) => {
      const config = parseConfig({ ticket: { verify: true, tracker: "jira", onTrackerError: "warn" } }, "test");
      expect(withFacts(failed(facts), config)).toMatchObject({ verdict: "fail", message });
    });

    it("tells the operator which variables configure Jira", () => {
      expect(withFacts(failed({ error: "not-configured" }))).toMatchObject({
        fix: "The App's operator sets JIRA_URL with JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud) in the App's environment (for the Action and `spo check --pr`: the same variables in the job's or shell's environment); or set `ticket.tracker` to where this repository's tickets live.",
        facts: { "Ticket state": "not verified: no Jira credentials" },
      });
    });

    it("fails closed when the ticket was not looked up (an offline check)", () => {
      expect(withFacts(undefined)).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` could not be verified: it was not looked up in Jira.",
        fix: "Judge it where Jira can be asked: the App, the Action or `spo check --pr` (an offline `spo check` cannot).",
        facts: { Ticket: "`SHOP-42`", "Ticket state": "not looked up" },
      });
    });

    it("keeps a status name from breaking out of its code span", () => {
      const outcome = withFacts(jira("Done`](https://evil.example)\n<!--", "done"));
      expect(outcome.message).toBe(
        "Ticket `SHOP-42` is `Done](https://evil.example)<!--` in Jira (status category `done`): a hotfix must fix an open ticket.",
      );
    });
  });

  describe("with ticket.verify and Linear", () => {
    const LINEAR = parseConfig({ ticket: { verify: true, tracker: "linear", types: ["Bug"] } }, "test");
    const linear = (state: string, type: string, labels: string[] = ["Bug"]): TicketFacts => ({
      tracker: "linear",
      found: true,
      key: "SHOP-42",
      status: state,
      category: type,
      types: labels,
    });
    const withFacts = (facts: TicketFacts) => judge({ tickets: { "SHOP-42": facts } }, LINEAR);

    it.each(["triage", "backlog", "unstarted", "started"])("passes an issue whose state type is %s", (type) => {
      expect(withFacts(linear("Some state", type))).toMatchObject({ verdict: "pass" });
    });

    it.each(["completed", "canceled", "duplicate"])("fails an issue whose state type is %s", (type) => {
      expect(withFacts(linear("Closed", type))).toMatchObject({
        verdict: "fail",
        message: `Ticket \`SHOP-42\` is \`Closed\` in Linear (state type \`${type}\`): a hotfix must fix an open ticket.`,
      });
    });

    it("matches ticket.types against the issue's labels", () => {
      expect(withFacts(linear("Todo", "unstarted", ["Feature", "Checkout"]))).toEqual({
        verdict: "fail",
        message: "Ticket `SHOP-42` has none of the labels `Bug` (`ticket.types`).",
        fix: "Link the ticket this patch fixes, or label `SHOP-42` `Bug` in Linear if it is one.",
        facts: {
          Ticket: "`SHOP-42`",
          "Ticket state": "`Todo` in Linear (state type `unstarted`)",
          "Ticket labels": "`Feature`, `Checkout`",
        },
      });
    });

    it("names Linear's variable when the server has no Linear key", () => {
      expect(withFacts({ tracker: "linear", found: false, error: "not-configured" })).toMatchObject({
        verdict: "fail",
        fix: expect.stringContaining("sets LINEAR_API_KEY (and LINEAR_API_URL when not api.linear.app)"),
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
