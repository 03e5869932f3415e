import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/parse-config.js";
import {
  distinctTickets,
  findBranchRefs,
  findChangeTickets,
  findClosingRefs,
  findTicketRefs,
  findTicketToVerify,
} from "../../../src/core/readers/find-tickets.js";
import { buildChange } from "../../../support/build-change.js";

const JIRA = DEFAULT_CONFIG.ticket.patterns;
const REPO = "octo/shop";

const ids = (refs: Array<{ id: string }>) => refs.map((r) => r.id);
const labels = (refs: Array<{ label: string }>) => refs.map((r) => r.label);

describe("findTicketRefs", () => {
  it.each([
    ["SHOP-42: fix discount", ["SHOP-42"]],
    ["fix discount (SHOP-42, PAY-7)", ["SHOP-42", "PAY-7"]],
    ["Fix #12", [`${REPO}#12`]],
    ["Fix octo/shop#12", [`${REPO}#12`]],
    ["Fix OCTO/Shop#12", [`${REPO}#12`]],
    ["Fix other/lib#3", ["other/lib#3"]],
    ["see https://github.com/octo/shop/issues/12", [`${REPO}#12`]],
    ["see https://github.com/octo/shop/pull/12#issuecomment-1", [`${REPO}#12`]],
    ["see https://ghe.example.com/octo/shop/issues/12", [`${REPO}#12`]],
    ["see https://ghe.example.com/other/lib/issues/3", ["other/lib#3"]],
    ["no ticket here", []],
    ["lowercase shop-42 is not a key", []],
    ["C#12 is not a reference, nor is &#123;", []],
    ["SHOP-42: fix UTF-8 names and SHA-256 sums for CVE-2024-1234", ["SHOP-42"]],
  ])("%j → %j", (text, expected) => {
    expect(ids(findTicketRefs(text, JIRA, REPO))).toEqual(expected);
  });

  it("keeps a bare `#12` as `#12` when the repository is unknown", () => {
    expect(ids(findTicketRefs("Fix #12", JIRA))).toEqual(["#12"]);
  });

  it("labels a reference to the change's own repository as `#12`, others in full", () => {
    expect(
      labels(findTicketRefs("octo/shop#12 https://github.com/octo/shop/issues/12 other/lib#3", JIRA, REPO)),
    ).toEqual(["#12", "#12", "other/lib#3"]);
  });

  it("treats `#12`, `owner/repo#12` and the issue URL of the same repository as one ticket", () => {
    const refs = findTicketRefs("#12 octo/shop#12 https://github.com/octo/shop/issues/12", JIRA, REPO);
    expect(ids(distinctTickets(refs))).toEqual([`${REPO}#12`]);
  });

  it("lets the GitHub reading win when a custom pattern also matches a GitHub reference", () => {
    expect(ids(findTicketRefs("Fix #12 and T-9", ["#?[A-Z0-9]+-?[0-9]+"], REPO))).toEqual([`${REPO}#12`, "T-9"]);
  });

  it("runs every configured pattern", () => {
    expect(ids(findTicketRefs("SHOP-42 and INC0012345", [...JIRA, "\\bINC[0-9]{7}\\b"], REPO))).toEqual([
      "SHOP-42",
      "INC0012345",
    ]);
  });
});

describe("findBranchRefs", () => {
  it.each([
    ["hotfix/SHOP-42-discount-total", ["SHOP-42"]],
    ["hotfix-123", []],
    ["HOTFIX-123", []],
    ["hotfix/shop-42-discount", []],
    ["hotfix/#12-discount", [`${REPO}#12`]],
    ["SHOP-42", ["SHOP-42"]],
  ])("%j → %j", (branch, expected) => {
    expect(ids(findBranchRefs(branch, JIRA, REPO))).toEqual(expected);
  });

  it("does not read `hotfix-123` as a key even with a case-insensitive pattern", () => {
    expect(ids(findBranchRefs("hotfix-123", ["(?i)\\b[a-z]+-[0-9]+\\b"], REPO))).toEqual([]);
    expect(ids(findBranchRefs("hotfix/shop-42", ["(?i)\\b[a-z]+-[0-9]+\\b"], REPO))).toEqual(["shop-42"]);
  });
});

describe("findClosingRefs", () => {
  it.each([
    ["Fixes #12", [`${REPO}#12`]],
    ["fixes: #12", [`${REPO}#12`]],
    ["Closes ABC-9", ["ABC-9"]],
    ["RESOLVED octo/shop#12", [`${REPO}#12`]],
    ["Resolves https://github.com/octo/shop/issues/12", [`${REPO}#12`]],
    ["close #1, fixed #2 and resolve #3", [`${REPO}#1`, `${REPO}#2`, `${REPO}#3`]],
    ["Fix SHOP-42", ["SHOP-42"]],
    ["See #12 and SHOP-42", []],
    ["Fixes the crash from #12", []],
    ["prefixes #12", []],
    ["Fixes UTF-8 decoding", []],
  ])("%j → %j", (body, expected) => {
    expect(ids(findClosingRefs(body, JIRA, REPO))).toEqual(expected);
  });

  it("reads a 1 MB body of closing keywords without tickets", () => {
    const body = "fixes closes resolved ".repeat(50_000);
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(findClosingRefs(`${body}Fixes #7`, JIRA, REPO).map((r) => r.label)).toEqual(["#7"]);
  });
});

describe("findChangeTickets / findTicketToVerify", () => {
  it("reads the title, the branch without its hotfix prefix, and the body's closing references", () => {
    const change = buildChange({
      repository: REPO,
      title: "SHOP-42: fix",
      headBranch: "hotfix/SHOP-42",
      body: "Fixes #12\nSee #13",
    });
    const found = findChangeTickets(change, JIRA);
    expect([ids(found.title), ids(found.branch), ids(found.body)]).toEqual([["SHOP-42"], ["SHOP-42"], [`${REPO}#12`]]);
  });

  it("verifies the change's one ticket, wherever it is named and however often", () => {
    const change = buildChange({
      repository: REPO,
      title: "#12: fix",
      headBranch: "hotfix/discount",
      body: "Fixes https://github.com/octo/shop/issues/12",
    });
    expect(findTicketToVerify(change, JIRA)).toMatchObject({ id: `${REPO}#12`, kind: "github" });
    expect(findTicketToVerify(buildChange({ repository: REPO }), JIRA)).toMatchObject({ id: "SHOP-42", kind: "key" });
  });

  it("verifies nothing when the change names several tickets or none: linked-ticket fails without a look-up", () => {
    const several = buildChange({
      repository: REPO,
      title: "#12: fix",
      headBranch: "hotfix/SHOP-42",
      body: "Closes other/lib#3",
    });
    expect(findTicketToVerify(several, JIRA)).toBeUndefined();
    expect(findTicketToVerify(buildChange({ title: "fix", headBranch: "hotfix/x", body: "" }), JIRA)).toBeUndefined();
  });
});
