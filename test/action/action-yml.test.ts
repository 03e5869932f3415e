import { readFile } from "node:fs/promises";
import { simpleGit } from "simple-git";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { INPUT_NAMES, readInputs } from "../../src/action/inputs.js";
import { ACTION_BUNDLE } from "../../scripts/action-bundle.js";

interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const ROOT = new URL("../../", import.meta.url);
const actionYml = parse(await readFile(new URL("action.yml", ROOT), "utf8")) as ActionYml;

describe("action.yml", () => {
  it("documents exactly the inputs that readInputs reads, with the same defaults", () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(Object.values(INPUT_NAMES).sort());
    for (const input of Object.values(actionYml.inputs)) expect(input.description.length).toBeGreaterThan(20);
    expect(actionYml.inputs.token?.default).toBe("${{ github.token }}");

    const defaults = readInputs({ INPUT_TOKEN: "t" });
    expect(String(defaults.createCheck)).toBe(actionYml.inputs[INPUT_NAMES.createCheck]?.default);
    expect(String(defaults.failOnError)).toBe(actionYml.inputs[INPUT_NAMES.failOnError]?.default);
  });

  it("declares the outputs the Action sets", () => {
    expect(Object.keys(actionYml.outputs)).toEqual(["conclusion", "failed-rules"]);
  });

  it("runs the committed bundle on node24, and the bundle is not ignored by git", async () => {
    expect(actionYml.runs).toEqual({ using: "node24", main: ACTION_BUNDLE });
    expect(await simpleGit({ baseDir: new URL(".", ROOT).pathname }).checkIgnore([ACTION_BUNDLE])).toEqual([]);
  });
});

describe("readInputs", () => {
  it("reads INPUT_* variables, with empty values meaning not given", () => {
    expect(readInputs({ INPUT_TOKEN: " t ", "INPUT_CREATE-CHECK": "TRUE", "INPUT_FAIL-ON-ERROR": "" })).toEqual({
      token: "t",
      createCheck: true,
      failOnError: true,
    });
    expect(readInputs({ INPUT_TOKEN: "t", "INPUT_FAIL-ON-ERROR": "False" })).toEqual({
      token: "t",
      createCheck: false,
      failOnError: false,
    });
  });

  it("names every bad input", () => {
    expect(() => readInputs({ "INPUT_CREATE-CHECK": "1" })).toThrow(
      'Invalid inputs: input "token": required: pass a token (the default is ${{ github.token }}); input "create-check": expected true or false, got "1"',
    );
  });
});
