import { execFileSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computePatchId } from "../../src/core/forward-port/compute-patch-id.js";
import { createGitRepo, type TempRepo } from "../helpers/git-repo.js";

/**
 * The engine's patch id is git's own: on real repositories, computePatchId of a diff with its
 * context equals `git patch-id --stable` of the same change diffed without context (`-U0`), for
 * every kind of change. So a fix whose surroundings moved on keeps its id.
 */
const DIFF = ["-M", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/"];

let repo: TempRepo;
const commits: Record<string, string> = {};

function git(args: string[], input?: string): string {
  return execFileSync("git", args, { cwd: repo.dir, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function gitPatchId(diff: string): string | undefined {
  const out = git(["patch-id", "--stable"], diff).trim();
  return out ? out.split(" ")[0] : undefined;
}

const lines = (n: number, prefix = "line") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join("\n");

beforeAll(async () => {
  repo = await createGitRepo({
    "src/checkout/discount.ts": `${lines(40)}\n`,
    "src/checkout/cart.ts": "export const cart = [];\n",
    "README.md": "# Shop\n",
    "scripts/run.sh": "echo run\n",
    "assets/logo.bin": "\u0000\u0001\u0002binary",
  });
  commits.modify = await repo.commitFiles("Modify two places", {
    "src/checkout/discount.ts": `${lines(40).replace("line 3\n", "line three\n").replace("line 30\n", "line   thirty \t\n")}\n`,
  });
  commits.addDelete = await repo.commitFiles("Add one file and delete another", {
    "src/checkout/tax.ts": "export const tax = 0.2;\nexport const round = 2;\n",
    "src/checkout/cart.ts": null,
  });
  commits.rename = await repo.commitFiles("Rename with an edit, and a pure rename", {
    "src/checkout/discount.ts": null,
    "src/checkout/discounts.ts": `${lines(40).replace("line 3\n", "line three\n").replace("line 30\n", "line   thirty \t\n").replace("line 20", "line twenty")}\n`,
    "README.md": null,
    "docs/README.md": "# Shop\n",
  });
  commits.binary = await repo.commitFiles("Change a binary file", { "assets/logo.bin": "\u0000\u0003binary2" });
  chmodSync(join(repo.dir, "scripts/run.sh"), 0o755);
  commits.mode = await repo.commit("Make the script executable");
  commits.eof = await repo.commitFiles("Drop the newline at the end", {
    "src/checkout/tax.ts": "export const tax = 0.2;\nexport const round = 3;",
  });
  commits.crlf = await repo.commitFiles("Only whitespace and CRLF", {
    "src/checkout/tax.ts": "export  const tax = 0.2;\r\nexport const round = 3;",
  });
});

afterAll(() => repo.remove());

describe("computePatchId", () => {
  it.each(["modify", "addDelete", "rename", "binary", "mode", "eof", "crlf"])(
    "equals git patch-id --stable of the -U0 diff: %s",
    (name) => {
      const sha = commits[name] ?? "";
      const withContext = git(["diff", ...DIFF, "-U3", `${sha}^`, sha]);
      const withoutContext = git(["diff", ...DIFF, "-U0", `${sha}^`, sha]);
      const expected = gitPatchId(withoutContext);
      expect(expected).toMatch(/^[0-9a-f]{40}$/);
      expect(computePatchId(withContext)).toBe(expected);
      expect(computePatchId(withoutContext)).toBe(expected);
    },
  );

  it("equals git on a diff of many commits at once, whatever the files' order", () => {
    const orderFile = join(repo.dir, ".git", "order");
    writeFileSync(orderFile, "src/checkout/tax.ts\n*\n");
    const whole = git(["diff", ...DIFF, "-U5", commits.modify ?? "", commits.crlf ?? ""]);
    expect(computePatchId(whole)).toBe(
      gitPatchId(git(["diff", ...DIFF, "-U0", commits.modify ?? "", commits.crlf ?? ""])),
    );
    const reversed = git(["diff", ...DIFF, "-U3", `-O${orderFile}`, commits.modify ?? "", commits.crlf ?? ""]);
    expect(reversed).not.toBe(whole);
    expect(computePatchId(reversed)).toBe(computePatchId(whole));
  });

  it("ignores a commit message before the diff, and the diff's line numbers and context", () => {
    const sha = commits.modify ?? "";
    const shown = git(["show", ...DIFF, "-U7", sha]);
    expect(shown.startsWith("commit ")).toBe(true);
    expect(computePatchId(shown)).toBe(gitPatchId(git(["diff", ...DIFF, "-U0", `${sha}^`, sha])));
  });

  it("differs from git's own (context) id where the context differs, which is the point", () => {
    const sha = commits.rename ?? "";
    const withContext = git(["diff", ...DIFF, "-U3", `${sha}^`, sha]);
    expect(computePatchId(withContext)).not.toBe(gitPatchId(withContext));
  });

  it("is undefined for text that holds no diff", () => {
    expect(computePatchId("")).toBeUndefined();
    expect(computePatchId("Fix total\n\nNo diff here.\n")).toBeUndefined();
  });
});
