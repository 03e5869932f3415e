import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { findPayloadProblem } from "../../src/server/find-payload-problem.js";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples") as Array<{ name: string; examples: Array<Record<string, any>> }>;
const HANDLED = [
  "pull_request",
  "check_run",
  "check_suite",
  "issue_comment",
  "merge_group",
  "release",
  "deployment",
  "deployment_status",
  "deployment_protection_rule",
];

/** Every example delivery of the handled events, as an App receives it (with its installation). */
const deliveries = [
  ...examples
    .filter((e) => HANDLED.includes(e.name))
    .flatMap((e) =>
      e.examples.map(
        (payload, i) => [`${e.name}.${payload.action} #${i}`, e.name, { installation: { id: 1 }, ...payload }] as const,
      ),
    ),
  [
    "deployment_protection_rule.requested (recorded)",
    "deployment_protection_rule",
    require("../fixtures/deployment_protection_rule.requested.json"),
  ] as const,
];

describe("findPayloadProblem", () => {
  it("covers every handled event", () => {
    expect(new Set(deliveries.map(([, event]) => event))).toEqual(new Set(HANDLED));
  });

  it.each(deliveries)("accepts the real delivery %s", (_name, event, payload) => {
    expect(findPayloadProblem(event, payload)).toBeUndefined();
  });

  it("names what a payload lacks", () => {
    const [, , payload] = deliveries.find(([, event]) => event === "pull_request")!;
    const { pull_request: _pr, installation: _installation, ...rest } = payload;
    expect(findPayloadProblem("pull_request", rest)).toMatch(
      /^the pull_request payload lacks installation\.id, .*pull_request\.number/,
    );
  });

  it.each([null, [], "text", 3])("refuses %j as a payload", (payload) => {
    expect(findPayloadProblem("pull_request", payload)).toBe("the payload is not a JSON object");
  });

  it("lets events the App does not handle pass", () => {
    expect(findPayloadProblem("ping", { zen: "Keep it logically awesome." })).toBeUndefined();
  });
});
