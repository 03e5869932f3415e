import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { shutDownOnSignal } from "../../src/server/shut-down-on-signal.js";
import { createInFlight } from "../../src/server/track-in-flight.js";

let stop: ((signal: NodeJS.Signals) => Promise<void>) | undefined;
afterEach(() => {
  if (!stop) return;
  process.off("SIGTERM", stop);
  process.off("SIGINT", stop);
  stop = undefined;
});

function setUp(graceMs: number) {
  const inFlight = createInFlight();
  const server = { stop: vi.fn(async () => undefined) };
  const interrupt = vi.fn(async () => undefined);
  const exit = vi.fn();
  stop = shutDownOnSignal({ server, inFlight, log: pino({ level: "silent" }), graceMs, interrupt, exit });
  return { inFlight, server, interrupt, exit };
}

describe("shutdown on SIGTERM or SIGINT", () => {
  it("listens for both signals", () => {
    setUp(1000);
    expect(process.listeners("SIGTERM")).toContain(stop);
    expect(process.listeners("SIGINT")).toContain(stop);
  });

  it("stops the server, waits for in-flight deliveries, then exits 0", async () => {
    const { inFlight, server, interrupt, exit } = setUp(10_000);
    const finish = inFlight.add({ id: "a", event: "pull_request", payload: {} });
    const stopping = stop!("SIGTERM");
    expect(server.stop).toHaveBeenCalledOnce();
    expect(inFlight.accepting).toBe(false);
    finish();
    await stopping;
    expect(interrupt).not.toHaveBeenCalled();
    expect(exit).toHaveBeenCalledWith(0);
  });

  it("hands what outlives the grace period to interrupt, then exits 1; a second signal changes nothing", async () => {
    const { inFlight, interrupt, exit } = setUp(1);
    inFlight.add({ id: "slow", event: "pull_request", payload: {} });
    await Promise.all([stop!("SIGTERM"), stop!("SIGINT")]);
    expect(interrupt).toHaveBeenCalledWith([{ id: "slow", event: "pull_request", payload: {} }]);
    expect(exit.mock.calls).toEqual([[1]]);
  });
});
