import { describe, expect, it } from "vitest";
import { formatGateExternalId, parseGateExternalId } from "../../src/github/gate-external-id.js";

describe("the gate run's external_id", () => {
  it.each([
    [12, [], "12"],
    [12, [15, 13, 12, 13], "12;13,15"],
  ])("records #%s sharing %j as %s, and reads it back", (judged, sharing, id) => {
    expect(formatGateExternalId(judged, sharing)).toBe(id);
    expect(parseGateExternalId(id)?.judged).toBe(judged);
  });

  it("names every PR the verdict accounts for", () => {
    expect(parseGateExternalId("12;13,15")).toEqual({ judged: 12, accounted: [12, 13, 15] });
  });

  it.each([null, undefined, "", "release:55", "12;", "a;1", "12;13,x"])("reads %j as no gate id", (id) => {
    expect(parseGateExternalId(id)).toBeUndefined();
  });
});
