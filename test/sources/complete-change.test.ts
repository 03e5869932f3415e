import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { completeChange, type FactReader } from "../../src/sources/complete-change.js";
import { buildChange, file } from "../../support/build-change.js";

/** A reader that answers from `texts` and records every question, round by round. */
function recording(texts: Record<string, string>) {
  const asked: string[] = [];
  const reader: FactReader = {
    listBaseTree: async () => {
      asked.push("tree");
      return { paths: Object.keys(texts), complete: true };
    },
    readTexts: async (side, paths) => {
      asked.push(`${side}: ${paths.join(", ")}`);
      return Object.fromEntries(paths.filter((p) => p in texts).map((p) => [p, texts[p] ?? null]));
    },
    findPreviousRelease: async (paths) => {
      asked.push(`release: ${paths.join(", ")}`);
      return { tag: "v3.4.38", version: "3.4.38", paths: [] };
    },
  };
  return { asked, reader };
}

describe("completeChange", () => {
  it("asks again when a need depends on an earlier answer: the release once the base version is known", async () => {
    const { asked, reader } = recording({ "package.json": '{ "version": "3.5.0" }\n' });
    const change = buildChange({
      files: [file("package.json", { patch: '@@ -1 +1 @@\n-{ "version": "3.5.0-rc.1" }\n+{ "version": "3.5.0" }' })],
    });
    const complete = await completeChange(change, DEFAULT_CONFIG, reader);
    expect(asked).toEqual(["head: package.json", "release: "]);
    expect(complete.previousRelease).toEqual({ tag: "v3.4.38", version: "3.4.38", paths: [] });
    expect(complete.contents?.head).toEqual({ "package.json": '{ "version": "3.5.0" }\n' });
  });

  it("reads nothing for a change whose verdicts need nothing more", async () => {
    const { asked, reader } = recording({});
    const change = buildChange();
    expect(await completeChange(change, DEFAULT_CONFIG, reader)).toBe(change);
    expect(asked).toEqual([]);
  });

  it("stops after a bounded number of rounds when an answer never comes", async () => {
    const { asked, reader } = recording({});
    await completeChange(buildChange({ files: [file("go.mod")] }), DEFAULT_CONFIG, reader);
    expect(asked).toHaveLength(8);
  });
});
