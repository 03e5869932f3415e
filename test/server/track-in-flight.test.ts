import { describe, expect, it } from "vitest";
import { createInFlight } from "../../src/server/track-in-flight.js";

describe("in-flight deliveries", () => {
  it("drains at once when nothing runs, and stops accepting", async () => {
    const inFlight = createInFlight();
    expect(await inFlight.drain(10_000)).toEqual([]);
    expect(inFlight.accepting).toBe(false);
  });

  it("waits for running deliveries to finish", async () => {
    const inFlight = createInFlight();
    const done = [
      inFlight.add({ id: "a", event: "pull_request", payload: {} }),
      inFlight.add({ id: "b", event: "pull_request", payload: {} }),
    ];
    const drained = inFlight.drain(10_000);
    for (const finish of done) finish();
    expect(await drained).toEqual([]);
    expect(inFlight.size).toBe(0);
  });

  it("names the deliveries still running at the deadline", async () => {
    const inFlight = createInFlight();
    inFlight.add({ id: "slow", event: "pull_request", payload: { n: 1 } });
    expect(await inFlight.drain(1)).toEqual([{ id: "slow", event: "pull_request", payload: { n: 1 } }]);
  });
});
