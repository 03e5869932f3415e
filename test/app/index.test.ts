import { readFileSync } from "node:fs";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createApp } from "../../src/app/index.js";
import { REQUIRED } from "../../src/server/find-payload-problem.js";

/** The `event.action` names that src/app/index.ts registers, in order, read from a recording Probot. */
function registeredTriggers(): string[] {
  const triggers: string[] = [];
  const probot = { on: (names: string | string[]) => void triggers.push(...[names].flat()) };
  const options = { addHandler: () => undefined };
  createApp({ now: () => new Date(0), gateToken: "token" })(
    probot as unknown as Probot,
    options as unknown as ApplicationFunctionOptions,
  );
  return triggers;
}

const triggers = registeredTriggers();
const handledEvents = [...new Set(triggers.map((trigger) => trigger.split(".")[0] ?? ""))].sort();
const appYml = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as { default_events: string[] };

/**
 * One table of events, kept in three places: the handlers (`app.on` in src/app/index.ts), the
 * App's subscription (`default_events` in app.yml) and the payload guard (REQUIRED in
 * src/server/find-payload-problem.ts). An event handled but not subscribed never arrives; one
 * subscribed but not handled is wasted; one without a guard reaches its handler unchecked.
 */
describe("the events the App handles", () => {
  it("registers each event and action once", () => {
    expect(triggers.length).toBeGreaterThan(0);
    expect(new Set(triggers).size).toBe(triggers.length);
  });

  it("are the events app.yml subscribes to", () => {
    expect([...appYml.default_events].sort()).toEqual(handledEvents);
  });

  it("each have the fields their handlers read in the payload guard", () => {
    expect(Object.keys(REQUIRED).sort()).toEqual(handledEvents);
  });
});
