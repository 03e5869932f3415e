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

  it("prints every problem with its key path and exits 1", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "spo.yml"),
      "scope:\n  maxFiles: ten\nrules:\n  single-scop: warn\nticket:\n  patterns: ['(a)\\1']\nbogus: 1\n",
    );

    const result = await runSpo(["validate", "spo.yml"], { cwd: dir });

    expect(result.code).toBe(1);
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

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line \d+, column \d+: invalid YAML/);
  });

  it("says when the file cannot be read", async () => {
    const dir = await tempDir();

    const result = await runSpo(["validate"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`spo: usage error: cannot read ${CONFIG}: ENOENT`);
  });
});

describe("spo validate --against and --floor", () => {
  const ORG_FILE = "floor:\n  scope:\n    maxFiles: 20\n  rules:\n    rollback-plan: error\n";

  async function repoWithConfig(committed: string) {
    const repo = await createGitRepo({ [CONFIG]: committed, "README.md": "# x\n" });
    cleanup.push(repo.remove);
    return repo;
  }

  it("lists every setting that gets looser, tighter or changes against the file at a ref", async () => {
    const repo = await repoWithConfig("scope:\n  maxFiles: 10\nrules:\n  semver-patch: warn\n");
    await repo.write({ [CONFIG]: "scope:\n  maxFiles: 30\n  maxCommits: 2\nticket:\n  patterns: ['OPS-[0-9]+']\n" });

    const result = await runSpo(["validate", "--against", "main"], { cwd: repo.dir });

    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `valid: ${CONFIG}`,
        `compared with ${CONFIG}@main:`,
        "  tighter  rules.semver-patch: warn → error",
        "  looser   scope.maxFiles: 10 → 30",
        "  tighter  scope.maxCommits: no limit → 2",
        '  changed  ticket.patterns: ["\\\\b[A-Z][A-Z0-9]+-[0-9]+\\\\b"] → ["OPS-[0-9]+"]',
        "",
      ].join("\n"),
    });
  });

  it("compares with the defaults when the ref has no such file, and says so", async () => {
    const repo = await createGitRepo({ "README.md": "# x\n" });
    cleanup.push(repo.remove);
    await repo.write({ [CONFIG]: "scope:\n  maxFiles: 15\n" });

    const result = await runSpo(["validate", "--against", "main"], { cwd: repo.dir });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  no setting changes\n");
    expect(result.stdout).toContain(`note: ${CONFIG}@main does not exist: compared with the defaults.`);
  });

  it("exits 2 on a ref git does not know", async () => {
    const repo = await repoWithConfig("scope:\n  maxFiles: 10\n");

    const result = await runSpo(["validate", "--against", "no-such-ref"], { cwd: repo.dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/git error: reading \.github\/single-patch-order\.yml at no-such-ref/);
  });

  it("shows each floor setting and exits 1 below the floor, naming key, value and floor", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "org.yml"), ORG_FILE);
    await writeFile(join(dir, "spo.yml"), "scope:\n  maxFiles: 30\nrules:\n  rollback-plan: off\n");

    const result = await runSpo(["validate", "spo.yml", "--floor", "org.yml"], { cwd: dir });

    expect(result).toEqual({
      code: 1,
      stderr: "",
      stdout: [
        "valid: spo.yml",
        "floor (org.yml):",
        "  below  rules.rollback-plan: off (floor error)",
        "  below  scope.maxFiles: 30 (floor 20)",
        "below the floor: 2 settings (a repository may be stricter than the floor, never looser)",
        "",
      ].join("\n"),
    });
  });

  it("passes a stricter file and fills what it leaves unset from the floor", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "org.yml"), ORG_FILE);
    await writeFile(join(dir, "spo.yml"), "scope:\n  maxFiles: 8\n");

    const result = await runSpo(["validate", "spo.yml", "--floor", "org.yml"], { cwd: dir });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  ok     rules.rollback-plan: error (floor error)\n  ok     scope.maxFiles: 8 (floor 20)\n",
    );
  });

  it("holds an org file to its own floor and shows how the floor changes against a ref", async () => {
    const repo = await repoWithConfig(ORG_FILE);
    await repo.write({ [CONFIG]: "scope:\n  maxLines: 900\nfloor:\n  scope:\n    maxFiles: 25\n    maxLines: 500\n" });

    const result = await runSpo(["validate", "--against", "HEAD"], { cwd: repo.dir });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "floor changes:\n  looser   floor.rules.rollback-plan: error → (no floor)\n  looser   floor.scope.maxFiles: 20 → 25\n  tighter  floor.scope.maxLines: (no floor) → 500\n",
    );
    expect(result.stdout).toContain("  below  scope.maxLines: 900 (floor 500)");
    expect(result.stdout).toContain("note: floor: is allowed only in the org's .github repository's");
  });

  it("refuses a floor file without floor: as a usage error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "org.yml"), "scope:\n  maxFiles: 3\n");
    await writeFile(join(dir, "spo.yml"), "");

    const result = await runSpo(["validate", "spo.yml", "--floor", "org.yml"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("spo: usage error: --floor org.yml has no floor: key");
  });
});
