import { describe, expect, it } from "vitest";
import {
  findOverrideForSha,
  formatOverrideMarker,
  isOwnComment,
  parseOverrideMarker,
  readOverrideRecords,
  type OverrideRecord,
} from "../../../src/core/override/override-record.js";

const APP_ID = 7;
const record = (sha: string, by = "lead", comment = 1): OverrideRecord => ({
  sha,
  by,
  reason: "INC-1 checkout is down",
  at: "2026-11-21T12:00:00Z",
  comment,
});
const own = (id: number, body: string) => ({
  id,
  body,
  user: { login: "spo[bot]", type: "Bot" },
  performed_via_github_app: { id: APP_ID },
});

describe("override marker", () => {
  it("round-trips a record, and a reason cannot close the HTML comment", () => {
    const tricky = { ...record("a".repeat(40)), reason: 'ends --> here <script> & "quotes"' };
    const marker = formatOverrideMarker(tricky);
    expect(marker).toMatch(/^<!-- spo:override \{.*\} -->$/);
    expect(marker.slice(4, -4)).not.toMatch(/-->|<|>/);
    expect(parseOverrideMarker(`text before\n${marker}\ntext after`)).toStrictEqual(tricky);
  });

  it.each([
    ["no marker", "just a comment"],
    ["broken JSON", "<!-- spo:override {nope} -->"],
    ["a field missing", '<!-- spo:override {"sha":"a","by":"b","reason":"c","at":"d"} -->'],
    ["a field of the wrong type", '<!-- spo:override {"sha":"a","by":"b","reason":"c","at":"d","comment":"1"} -->'],
  ])("ignores %s", (_name, body) => {
    expect(parseOverrideMarker(body)).toBeUndefined();
  });
});

describe("trusting a recorded override", () => {
  const marker = formatOverrideMarker(record("a".repeat(40)));
  it.each([
    ["the App's own bot comment", own(1, marker), APP_ID, true],
    ["another App's bot comment", { ...own(1, marker), performed_via_github_app: { id: 99 } }, APP_ID, false],
    ["a user comment through this App", { ...own(1, marker), user: { login: "mallory", type: "User" } }, APP_ID, false],
    [
      "a user typing the marker",
      { id: 1, body: marker, user: { login: "mallory", type: "User" }, performed_via_github_app: null },
      APP_ID,
      false,
    ],
    ["any comment when the App id is unknown", own(1, marker), undefined, false],
  ] as const)("%s: %s", (_name, comment, appId, trusted) => {
    expect(isOwnComment(comment, appId)).toBe(trusted);
  });

  it("finds the newest trusted record for the head SHA only", () => {
    const sha = "a".repeat(40);
    const comments = [
      own(1, formatOverrideMarker(record(sha, "first", 11))),
      own(2, formatOverrideMarker(record("b".repeat(40), "other-sha", 12))),
      own(3, formatOverrideMarker(record(sha, "second", 13))),
      { id: 4, body: formatOverrideMarker(record(sha, "forger", 14)), user: { type: "User" } },
    ];
    const records = readOverrideRecords(comments, APP_ID);
    expect(records.map((r) => r.by)).toStrictEqual(["first", "other-sha", "second"]);
    expect(findOverrideForSha(records, sha)?.by).toBe("second");
    expect(findOverrideForSha(records, "c".repeat(40))).toBeUndefined();
  });
});
