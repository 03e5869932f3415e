import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ACTION_BUNDLE, actionBuildOptions, ROOT } from "../../scripts/action-bundle.js";

describe("the committed Action bundle", () => {
  it("is byte for byte what the sources build (else: npm run build:action, and commit dist-action)", async () => {
    const result = await build({ ...actionBuildOptions, outfile: ACTION_BUNDLE, write: false, logLevel: "silent" });
    const fresh = result.outputFiles[0]?.contents;
    const committed = await readFile(join(ROOT, ACTION_BUNDLE));

    expect(fresh).toBeDefined();
    // Compare sizes first: a readable failure instead of a megabyte-long diff.
    expect(committed.length, `${ACTION_BUNDLE} is stale: run npm run build:action and commit it`).toBe(fresh?.length);
    expect(
      Buffer.compare(committed, Buffer.from(fresh ?? [])),
      `${ACTION_BUNDLE} is stale: run npm run build:action and commit it`,
    ).toBe(0);
  });

  it("runs under node and fails a non-pull-request event with a clear error", async () => {
    const failure = await promisify(execFile)(process.execPath, [join(ROOT, ACTION_BUNDLE)], {
      env: { PATH: process.env.PATH ?? "", GITHUB_EVENT_NAME: "push", INPUT_TOKEN: "test" },
    }).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain("single-patch-order judges pull requests");
  });
});
