import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildStarterConfig } from "../../src/cli/build-starter-config.js";
import { DEFAULT_CONFIG, parseConfigText } from "../../src/config/parse-config.js";
import { RULE_IDS } from "../../src/config/rule-ids.js";
import { createGitRepo } from "../helpers/git-repo.js";
import { runSpo } from "../helpers/run-cli.js";

const CONFIG = ".github/single-patch-order.yml";
const TEMPLATE = ".github/pull_request_template.md";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "spo-init-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("spo init", () => {
  it("writes the starter config and the PR template at the repository root", async () => {
    const repo = await createGitRepo({ "README.md": "# x\n" });
    cleanup.push(repo.remove);
    await mkdir(join(repo.dir, "src/deep"), { recursive: true });

    const result = await runSpo(["init"], { cwd: join(repo.dir, "src/deep") });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${CONFIG}\nwrote ${TEMPLATE}\n`);
    const config = await readFile(join(repo.dir, CONFIG), "utf8");
    expect(config).toBe(buildStarterConfig());
    expect(await readFile(join(repo.dir, TEMPLATE), "utf8")).toBe(
      await readFile(new URL(`../../${TEMPLATE}`, import.meta.url), "utf8"),
    );
  });

  it("never overwrites an existing file without --force", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, ".github"));
    await writeFile(join(dir, CONFIG), "scope:\n  maxFiles: 3\n");

    const kept = await runSpo(["init"], { cwd: dir });

    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(`kept  ${CONFIG}: it exists (spo init --force replaces it)`);
    expect(kept.stdout).toContain(`wrote ${TEMPLATE}`);
    expect(await readFile(join(dir, CONFIG), "utf8")).toBe("scope:\n  maxFiles: 3\n");

    const forced = await runSpo(["init", "--force"], { cwd: dir });

    expect(forced.stdout).toContain(`wrote ${CONFIG}\nwrote ${TEMPLATE}\n`);
    expect(await readFile(join(dir, CONFIG), "utf8")).toBe(buildStarterConfig());
  });

  it("shows every default, comments each key, and points editors at the schema", () => {
    const text = buildStarterConfig();

    expect(text.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=https://raw.githubusercontent.com/single-patch-order/single-patch-order/main/schema.json",
    );
    expect({ ...parseConfigText(text, CONFIG), rules: {} }).toEqual(DEFAULT_CONFIG);
    expect(parseConfigText(text, CONFIG).rules).toEqual(Object.fromEntries(RULE_IDS.map((id) => [id, "error"])));
    for (const key of Object.keys(DEFAULT_CONFIG)) expect(text).toMatch(new RegExp(`# .+\\n${key}:`));
    expect(text).toContain("  # maxCommits: 3");
  });
});

describe("spo validate", () => {
  it("prints valid for the starter config", async () => {
    const dir = await tempDir();
    await runSpo(["init"], { cwd: dir });

    const result = await runSpo(["validate"], { cwd: dir });

    expect(result).toEqual({ code: 0, stdout: `valid: ${CONFIG}\n`, stderr: "" });
  });

  it("prints every problem with its key path and exits 2", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "spo.yml"),
      "scope:\n  maxFiles: ten\nrules:\n  single-scop: warn\nticket:\n  patterns: ['(a)\\1']\nbogus: 1\n",
    );

    const result = await runSpo(["validate", "spo.yml"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Invalid config in spo.yml");
    expect(result.stderr).toMatch(/^ {2}- scope\.maxFiles: /m);
    expect(result.stderr).toMatch(/^ {2}- rules: unknown key "single-scop"; rule ids are base-branch, /m);
    expect(result.stderr).toMatch(/^ {2}- ticket\.patterns\.0: unsafe or invalid pattern/m);
    expect(result.stderr).toMatch(/^ {2}- \(root\): unknown key "bogus"/m);
  });

  it("gives the line of a YAML syntax error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "spo.yml"), "scope: [\n");

    const result = await runSpo(["validate", "spo.yml"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line \d+, column \d+: invalid YAML/);
  });

  it("says when the file cannot be read", async () => {
    const dir = await tempDir();

    const result = await runSpo(["validate"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`spo: usage error: cannot read ${CONFIG}: ENOENT`);
  });
});
