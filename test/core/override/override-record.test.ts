import { describe, expect, it } from "vitest";
import {
  decideRecordedState,
  formatRecordLine,
  parseGateRecord,
  readRecordLine,
  toCanonicalJson,
  type GateRecord,
} from "../../../src/core/override/override-record.js";

const SHA = "a".repeat(40);
const TARGET = { repo: "octo/shop", pr: 7, sha: SHA };
const OVERRIDE = { by: "lead", reason: "INC-1 checkout is down", at: "2026-11-21T12:00:00Z", comment: 11 };

function record(fields: Partial<GateRecord> = {}): GateRecord {
  return { v: 1, repo: "octo/shop", pr: 7, sha: SHA, ...fields };
}

describe("the record's text", () => {
  it("is canonical JSON in a fixed order, and parses back to the same record", () => {
    const full = record({ override: OVERRIDE, pushedBy: "dev" });
    const json = toCanonicalJson(full);
    expect(json).toBe(
      `{"v":1,"repo":"octo/shop","pr":7,"sha":"${SHA}","by":"lead","reason":"INC-1 checkout is down","at":"2026-11-21T12:00:00Z","comment":11,"pushedBy":"dev"}`,
    );
    expect(parseGateRecord(json)).toStrictEqual(full);
    expect(parseGateRecord(toCanonicalJson(record()))).toStrictEqual(record());
  });

  it.each([
    ["not JSON", "{"],
    ["another version", JSON.stringify({ v: 2, repo: "o/r", pr: 1, sha: SHA })],
    ["no PR", JSON.stringify({ v: 1, repo: "o/r", sha: SHA })],
    ["half an override", JSON.stringify({ v: 1, repo: "o/r", pr: 1, sha: SHA, by: "x" })],
    [
      "a comment id that is not an id",
      JSON.stringify({ v: 1, repo: "o/r", pr: 1, sha: SHA, by: "x", reason: "r", at: "t", comment: -1 }),
    ],
  ])("refuses %s", (_name, json) => {
    expect(parseGateRecord(json)).toBeUndefined();
  });

  it("is read from the last line only, in its exact form", () => {
    const line = formatRecordLine("eyJ2IjoxfQ", "c2ln");
    expect(readRecordLine(`report\n${line}`)).toStrictEqual({ payload: "eyJ2IjoxfQ", signature: "c2ln" });
    expect(readRecordLine(`${line}\nreport`)).toBeUndefined();
    expect(readRecordLine(`report\n  ${line}`)).toBeUndefined();
    expect(readRecordLine(null)).toBeUndefined();
  });
});

describe("decideRecordedState", () => {
  it("takes the override from the newest run of this PR on this commit", () => {
    const state = decideRecordedState(
      [
        { runId: 3, record: record({ override: OVERRIDE }) },
        { runId: 2, record: record({ pushedBy: "dev" }) },
      ],
      TARGET,
    );
    expect(state).toStrictEqual({ override: { sha: SHA, ...OVERRIDE }, pushers: ["dev"], comments: [11] });
  });

  it("ends the override for good once a newer run of this PR carries none", () => {
    const state = decideRecordedState(
      [
        { runId: 1, record: record({ override: OVERRIDE }) },
        { runId: 2, record: record() },
      ],
      TARGET,
    );
    expect(state.override).toBeUndefined();
    expect(state.comments).toStrictEqual([11]);
  });

  it("ignores records of another repository, another commit, and (for the override) another PR", () => {
    const state = decideRecordedState(
      [
        { runId: 1, record: record({ repo: "evil/shop", override: OVERRIDE }) },
        { runId: 2, record: record({ sha: "b".repeat(40), override: OVERRIDE }) },
        { runId: 3, record: record({ pr: 8, override: OVERRIDE, pushedBy: "sibling-pusher" }) },
      ],
      TARGET,
    );
    expect(state).toStrictEqual({ pushers: ["sibling-pusher"], comments: [] });
  });
});
