import { describe, expect, it } from "vitest";
import { findFailedDeliveries } from "../../src/github/find-failed-deliveries.js";
import { attempt, OK } from "../helpers/hook-deliveries.js";

const NOW = Date.parse("2026-11-21T12:00:00Z");
const since = new Date(NOW - 24 * 3_600_000);
const at = (guid: string, minutesAgo: number, overrides = {}) => attempt(guid, minutesAgo, overrides, NOW);

describe("findFailedDeliveries", () => {
  it("redelivers a delivery none of whose attempts got a 2xx, by its newest attempt", () => {
    const first = at("a", 30, { status: "Invalid HTTP Response: 503", status_code: 503 });
    const ledger = findFailedDeliveries([first], since);
    expect(ledger.toRedeliver).toEqual([
      {
        guid: "a",
        id: first.id,
        event: "pull_request",
        action: "opened",
        installationId: 1,
        firstAttemptAt: first.delivered_at,
        statusCodes: [503],
      },
    ]);
  });

  it.each([
    ["failed, then succeeded on a redelivery", [{ minutes: 30 }, { minutes: 10, redelivery: true, ...OK }]],
    [
      "succeeded, then failed on a redelivery",
      [
        { minutes: 30, ...OK },
        { minutes: 10, redelivery: true },
      ],
    ],
    ["answered 202 (still processing)", [{ minutes: 30, status: "Accepted", status_code: 202 }]],
  ])("leaves a delivery alone that %s: any 2xx repairs it", (_name, attempts) => {
    const list = attempts.map(({ minutes, ...rest }) => at("a", minutes, rest));
    const ledger = findFailedDeliveries(list.reverse(), since);
    expect(ledger).toEqual({ toRedeliver: [], redelivered: [], succeeded: 1 });
  });

  it("never redelivers twice: a failed redelivery in the list (ours, a replica's, a person's) ends it", () => {
    const list = [at("a", 10, { redelivery: true, status_code: 502 }), at("a", 30)];
    const ledger = findFailedDeliveries(list, since);
    expect(ledger.toRedeliver).toEqual([]);
    expect(ledger.redelivered.map((d) => [d.guid, d.statusCodes])).toEqual([["a", [0, 502]]]);
  });

  it("counts the window from the first attempt: a delivery first tried before it is left alone", () => {
    const old = [at("old", 25 * 60), at("old", 60, { redelivery: true })];
    const ledger = findFailedDeliveries([at("new", 23 * 60), ...old], since);
    expect(ledger.toRedeliver.map((d) => d.guid)).toEqual(["new"]);
    expect(ledger.redelivered).toEqual([]);
    expect(findFailedDeliveries(old.slice(1), since)).toEqual({ toRedeliver: [], redelivered: [], succeeded: 0 });
  });

  it("lists the deliveries to redeliver oldest first, whatever order GitHub lists them in", () => {
    const list = [at("c", 5), at("a", 50, { event: "status", action: null }), at("b", 20), at("ok", 1, OK)];
    const ledger = findFailedDeliveries(list, since);
    expect(ledger.toRedeliver.map((d) => [d.guid, d.event, d.action])).toEqual([
      ["a", "status", null],
      ["b", "pull_request", "opened"],
      ["c", "pull_request", "opened"],
    ]);
    expect(ledger.succeeded).toBe(1);
  });
});
