import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TempRepo } from "../helpers/git-repo.js";
import { GOOD_BODY } from "../../support/build-change.js";
import { createHotfixRepo, GOOD_BRANCH, type HotfixOptions } from "../helpers/hotfix-repo.js";
import { checkJson, runSpo } from "../helpers/run-cli.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function hotfixRepo(options: HotfixOptions = {}): Promise<TempRepo> {
  const repo = await createHotfixRepo(options);
  cleanup.push(repo.remove);
  return repo;
}

describe("spo check on a local branch", () => {
  it("passes a good hotfix with exit 0, reading the title and body from the last commit", async () => {
    const repo = await hotfixRepo();

    const text = await runSpo(["check"], { cwd: repo.dir });
    const json = await checkJson(repo.dir);

    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toMatch(/^PASS {2}All rules pass\n/);
    expect(text.stdout).toContain("Every production file lies in scope src/checkout.");
    expect(text.stdout).not.toContain("\u001b[");
    expect(json.code).toBe(0);
    expect(json.report).toMatchObject({ conclusion: "success", verdict: "pass", hotfix: { hotfix: true } });
    expect(json.report?.rules.map((r) => `${r.id}:${r.verdict}`)).toEqual([
      "base-branch:pass",
      "single-scope:pass",
      "change-size:pass",
      "linked-ticket:pass",
      "problem-statement:pass",
      "test-evidence:pass",
      "rollback-plan:pass",
      "reversible-migration:skip",
      "dependency-change:pass",
      "semver-patch:skip",
      "forward-port:skip",
    ]);
  });

  it("judges a branch with 3,000 changed files: change-size fails", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 3000 }, (_, i) => [`src/checkout/generated/file-${i}.ts`, `export const v${i} = ${i};\n`]),
    );
    const repo = await hotfixRepo({ files });

    const json = await checkJson(repo.dir);

    expect(json.code).toBe(1);
    expect(json.verdictOf("change-size")).toBe("fail");
    expect(json.report?.rules.find((r) => r.id === "change-size")?.message).toContain("3002 files");
  }, 60_000);

  it("reads the config committed on the base, not the branch's copy", async () => {
    const repo = await hotfixRepo({
      onBase: (r) =>
        r
          .commitFiles("Limit hotfixes", { ".github/single-patch-order.yml": "scope:\n  maxFiles: 1\n" })
          .then(() => undefined),
      files: { ".github/single-patch-order.yml": "scope:\n  maxFiles: 100\n" },
    });

    const json = await checkJson(repo.dir);

    expect(json.code).toBe(1);
    expect(json.verdictOf("change-size")).toBe("fail");
    expect(json.report?.rules.find((r) => r.id === "change-size")?.message).toContain("limit 1");
  });

  it("holds an org .github repository's file to its own floor", async () => {
    const floored = await hotfixRepo({
      onBase: (r) =>
        r
          .commitFiles("Org floor", { ".github/single-patch-order.yml": "floor:\n  scope:\n    maxFiles: 1\n" })
          .then(() => undefined),
    });
    const json = await checkJson(floored.dir);
    expect(json.code).toBe(1);
    expect(json.report?.rules.find((r) => r.id === "change-size")?.message).toContain("limit 1");

    const below = await hotfixRepo({
      onBase: (r) =>
        r
          .commitFiles("Org floor", {
            ".github/single-patch-order.yml": "scope:\n  maxFiles: 30\nfloor:\n  scope:\n    maxFiles: 20\n",
          })
          .then(() => undefined),
    });
    const refused = await runSpo(["check"], { cwd: below.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("scope.maxFiles: 30 is looser than the org floor 20");
  });

  it("uses --config, --title, --body-file and --label instead of the repository's", async () => {
    const repo = await hotfixRepo({ branch: "fix-discount", title: "wip", body: "" });
    const dir = await mkdtemp(join(tmpdir(), "spo-files-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "spo.yml"), "rules:\n  test-evidence: off\n");
    await writeFile(join(dir, "pr.md"), GOOD_BODY);

    const json = await checkJson(repo.dir, [
      "--config",
      join(dir, "spo.yml"),
      "--title",
      "SHOP-42: fix discount",
      "--body-file",
      join(dir, "pr.md"),
      "--label",
      "hotfix",
    ]);

    expect(json.code).toBe(0);
    expect(json.report?.hotfix.hotfix).toBe(true);
    expect(json.verdictOf("test-evidence")).toBe("skip");
    expect(json.verdictOf("problem-statement")).toBe("pass");
    expect(json.verdictOf("linked-ticket")).toBe("pass");
  });

  it("says what an offline check cannot know, and fails closed on it", async () => {
    const repo = await hotfixRepo();
    const dir = await mkdtemp(join(tmpdir(), "spo-files-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "spo.yml"), "ticket:\n  verify: true\ntests:\n  requiredChecks: [ci]\n");

    const json = await checkJson(repo.dir, ["--config", join(dir, "spo.yml")]);

    expect(json.code).toBe(1);
    expect(json.verdictOf("test-evidence")).toBe("fail");
    expect(json.verdictOf("linked-ticket")).toBe("fail");
    expect(json.stderr).toContain(
      "spo: note: ticket.verify looks the ticket up on GitHub, which an offline check cannot do: linked-ticket fails closed.",
    );
    expect(json.stderr).toContain("spo: note: tests.requiredChecks are checks on GitHub");
  });

  it("fails closed on a Jira key offline: only spo check --pr asks Jira", async () => {
    const repo = await hotfixRepo();
    const dir = await mkdtemp(join(tmpdir(), "spo-files-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "spo.yml"), "ticket:\n  verify: true\n  tracker: jira\n");

    const json = await checkJson(repo.dir, ["--config", join(dir, "spo.yml")]);

    expect(json.code).toBe(1);
    expect(json.verdictOf("linked-ticket")).toBe("fail");
    expect(json.stderr).toContain(
      "spo: note: ticket.verify looks the ticket up on GitHub or in Jira, which an offline check cannot do: linked-ticket fails closed. Use spo check --pr to verify it (with the App's JIRA_*/LINEAR_* variables for a Jira or Linear key).",
    );
    expect(json.stdout).toContain("Ticket `SHOP-42` could not be verified: it was not looked up in Jira.");
  });

  it("passes a branch that is not a hotfix, saying so", async () => {
    const repo = await hotfixRepo({ branch: "feature/new-cart" });

    const result = await runSpo(["check"], { cwd: repo.dir });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Not a hotfix: no single-patch rules apply");
  });

  it("prints the check run's Markdown with --format markdown", async () => {
    const repo = await hotfixRepo();

    const result = await runSpo(["check", "--format", "markdown"], { cwd: repo.dir });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^## All rules pass\n/);
    expect(result.stdout).toContain("| ✅ | `single-scope` | pass |");
  });

  it("colours text only on a terminal without NO_COLOR", async () => {
    const repo = await hotfixRepo();

    const tty = await runSpo(["check"], { cwd: repo.dir, tty: true });
    const noColor = await runSpo(["check"], { cwd: repo.dir, tty: true, env: { NO_COLOR: "1" } });

    expect(tty.stdout).toContain("\u001b[32m");
    expect(noColor.stdout).not.toContain("\u001b[");
  });

  it("names a detached HEAD with --head when no branch has that name (a CI checkout), and asks for it otherwise", async () => {
    const repo = await hotfixRepo();
    await repo.git.raw(["checkout", "-q", "--detach"]);
    await repo.git.raw(["branch", "-q", "-D", GOOD_BRANCH]);

    const without = await runSpo(["check"], { cwd: repo.dir });
    const withHead = await checkJson(repo.dir, ["--head", GOOD_BRANCH]);

    expect(without.code).toBe(2);
    expect(without.stderr).toContain("HEAD is detached");
    expect(without.stderr).toContain("--head");
    expect(withHead.code).toBe(0);
    expect(withHead.report?.hotfix.hotfix).toBe(true);
    expect(withHead.stderr).toMatch(
      new RegExp(
        `^spo: note: there is no branch "${GOOD_BRANCH}" here: judging the detached HEAD \\([0-9a-f]{12}\\) as ${GOOD_BRANCH}\\.\n$`,
      ),
    );
  });
});

describe("spo check --head <branch>: that branch, whatever is checked out", () => {
  /** A good hotfix on GOOD_BRANCH and a bad one (no test, no ticket, two scopes) on BAD_BRANCH. */
  const BAD_BRANCH = "hotfix/no-ticket";
  async function twoHotfixes(): Promise<TempRepo> {
    const repo = await hotfixRepo();
    await repo.git.raw(["checkout", "-q", "-b", BAD_BRANCH, "main"]);
    await repo.commitFiles("quick fix", {
      "src/checkout/cart.ts": 'export const cart: string[] = ["x"];\n',
      "src/billing/invoice.ts": 'export const invoice = { lines: ["x"] };\n',
    });
    return repo;
  }

  async function readState(repo: TempRepo) {
    const [head, status] = await Promise.all([
      repo.git.raw(["rev-parse", "--symbolic-full-name", "HEAD"]),
      repo.git.raw(["status", "--porcelain"]),
    ]);
    return { head: head.trim(), status };
  }

  it.each([
    ["the base branch", ["checkout", "-q", "main"]],
    ["the other hotfix branch", ["checkout", "-q", BAD_BRANCH]],
    ["a detached HEAD on the base", ["checkout", "-q", "--detach", "main"]],
  ])("judges the named branch with %s checked out, and leaves the checkout alone", async (_, checkout) => {
    const repo = await twoHotfixes();
    await repo.git.raw(checkout);
    const before = await readState(repo);

    const good = await checkJson(repo.dir, ["--head", GOOD_BRANCH]);
    const bad = await checkJson(repo.dir, ["--head", BAD_BRANCH]);

    expect(good).toMatchObject({ code: 0, stderr: "" });
    expect(good.report).toMatchObject({ conclusion: "success", hotfix: { hotfix: true } });
    expect(good.report?.rules.find((r) => r.id === "change-size")?.message).toContain("2 files");
    expect(bad.code).toBe(1);
    expect(bad.verdictOf("linked-ticket")).toBe("fail");
    expect(bad.verdictOf("test-evidence")).toBe("fail");
    expect(bad.verdictOf("single-scope")).toBe("fail");
    expect(await readState(repo)).toEqual(before);
  });

  it("judges a branch that was fetched but never checked out (origin/<branch>), under its own name", async () => {
    const repo = await hotfixRepo();
    await repo.git.raw(["update-ref", `refs/remotes/origin/${GOOD_BRANCH}`, GOOD_BRANCH]);
    await repo.git.raw(["checkout", "-q", "main"]);
    await repo.git.raw(["branch", "-q", "-D", GOOD_BRANCH]);

    const json = await checkJson(repo.dir, ["--head", GOOD_BRANCH]);

    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(json.report?.hotfix.reason).toContain(GOOD_BRANCH);
  });

  it("takes the title and body from that branch's last commit, not from the checked-out one", async () => {
    const repo = await twoHotfixes();
    await repo.git.raw(["checkout", "-q", GOOD_BRANCH]);

    const json = await checkJson(repo.dir, ["--head", BAD_BRANCH]);

    expect(json.verdictOf("linked-ticket")).toBe("fail");
    expect(json.verdictOf("problem-statement")).toBe("fail");
    expect(json.verdictOf("rollback-plan")).toBe("fail");
  });

  it("is exit 2, naming the head, when no ref has that name and a branch is checked out", async () => {
    const repo = await hotfixRepo();

    const result = await runSpo(["check", "--head", "hotfix/typo"], { cwd: repo.dir });

    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain('the head "hotfix/typo" is not a branch, tag or commit in this repository');
  });
});

describe("spo check errors: exit 2 with a message that says which", () => {
  it("names the file and every key path of an invalid config on the base", async () => {
    const repo = await hotfixRepo({
      onBase: (r) =>
        r
          .commitFiles("Config", {
            ".github/single-patch-order.yml": "scope:\n  maxFiles: ten\nrules:\n  single-scop: warn\n",
          })
          .then(() => undefined),
    });

    const result = await runSpo(["check"], { cwd: repo.dir });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("Invalid config in .github/single-patch-order.yml@main");
    expect(result.stderr).toContain("scope.maxFiles:");
    expect(result.stderr).toContain('rules: unknown key "single-scop"');
  });

  it("says so outside a git repository", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spo-not-git-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));

    const result = await runSpo(["check"], { cwd: dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`git error: ${dir} is not inside a git repository`);
  });

  it("says what git could not read, without a stack, when the repository is damaged", async () => {
    const repo = await hotfixRepo();
    const blob = (await repo.git.raw(["rev-parse", "HEAD:src/checkout/discount.test.ts"])).trim();
    await rm(join(repo.dir, ".git/objects", blob.slice(0, 2), blob.slice(2)));

    const result = await runSpo(["check"], { cwd: repo.dir });

    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toContain("git error: reading the diff: fatal: unable to read");
    expect(result.stderr).toContain(blob);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("says which base is unknown", async () => {
    const repo = await hotfixRepo();

    const result = await runSpo(["check", "--base", "nope"], { cwd: repo.dir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the base "nope" is not a branch, tag or commit');
  });

  it.each([
    [["check", "--bogus"], "Unknown option '--bogus'"],
    [["check", "--format", "xml"], '--format must be one of text, json, markdown, got "xml"'],
    [["check", "--body-file", "missing.md"], "cannot read --body-file missing.md: ENOENT"],
    [["check", "--pr", "octo/app#1", "--base", "main"], "--base cannot be combined with it"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [[], "a command is required"],
  ])("rejects %j as a usage error", async (argv, message) => {
    const result = await runSpo(argv, { cwd: tmpdir() });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("spo: usage error: ");
    expect(result.stderr).toContain(message);
  });
});

describe("help and version", () => {
  it.each([[["--help"]], [["check", "--help"]], [["init", "-h"]], [["validate", "--help"]], [["help", "check"]]])(
    "prints help for %j",
    async (argv) => {
      const result = await runSpo(argv, { cwd: tmpdir() });

      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^spo.*\n\nUsage:\n/);
    },
  );

  it("prints the package version", async () => {
    const result = await runSpo(["--version"], { cwd: tmpdir() });

    expect(result).toEqual({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });
});
