import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { findTwin } from "../../src/core/forward-port/find-twin.js";
import { findBaseRef } from "../../src/sources/find-base-ref.js";
import { findHeadRef } from "../../src/sources/find-head-ref.js";
import { openLocalRepo, readLocalChange } from "../../src/sources/local-git-source.js";
import { readLocalTwinFacts } from "../../src/sources/read-local-twin-facts.js";
import { createForwardPortRepo, type ForwardPortRepo } from "../helpers/forward-port-repo.js";
import { checkJson } from "../helpers/run-cli.js";

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((remove) => remove()));
});

async function forwardPortRepo(options: Parameters<typeof createForwardPortRepo>[0] = {}): Promise<ForwardPortRepo> {
  const repo = await createForwardPortRepo(options);
  cleanup.push(repo.remove);
  return repo;
}

/** `spo check --base release/1.4` on the hotfix branch: the forward-port rule's verdict and message. */
async function judge(repo: ForwardPortRepo) {
  const json = await checkJson(repo.dir, ["--base", "release/1.4"]);
  const rule = json.report?.rules.find((r) => r.id === "forward-port");
  return { code: json.code, stderr: json.stderr, verdict: rule?.verdict, message: rule?.message ?? "" };
}

/** The twin facts of the checked-out hotfix branch against release/1.4, as spo check reads them. */
async function readFacts(repo: ForwardPortRepo) {
  const local = await openLocalRepo(repo.dir);
  const change = await readLocalChange(local, await findBaseRef(local, "release/1.4"), await findHeadRef(local), {
    labels: [],
  });
  return readLocalTwinFacts(local, change, "main", DEFAULT_CONFIG.ticket.patterns);
}

describe("forward ports on real git repositories (spo check, upstream-first)", () => {
  it("fails a hotfix whose fix main does not have, saying what each method looked at", async () => {
    const repo = await forwardPortRepo();

    const result = await judge(repo);

    expect(result).toMatchObject({ code: 1, verdict: "fail", stderr: "" });
    expect(result.message).toBe("No twin of this hotfix is merged into `main` yet: upstream first.");
    const facts = await readFacts(repo);
    expect(
      findTwin(facts, DEFAULT_CONFIG.ticket.patterns).searched.map((s) => s.looked.replace(/`[0-9a-f]{12}`/, "`<id>`")),
    ).toEqual([
      "No commit of `main` among the 1 read names this hotfix's commit in a `(cherry picked from commit …)` line, and no commit of the hotfix was picked from one `main` contains.",
      "None of the 1 commits merged into `main` that were read names `SHOP-42`.",
      "None of the 1 commits merged into `main` whose patch was compared has this hotfix's patch id (`<id>`).",
    ]);
  });

  it("finds a `git cherry-pick -x` of the hotfix on main by its trailer", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r, hotfix) => {
        await r.run("cherry-pick", "-x", hotfix);
      },
    });
    const facts = await readFacts(repo);
    const picked = await repo.sha("main");

    expect(findTwin(facts, DEFAULT_CONFIG.ticket.patterns).match).toEqual({
      method: "cherry-pick trailer",
      twin: { kind: "commit", sha: picked },
      evidence: `Commit \`${picked.slice(0, 7)}\` on \`main\` says \`(cherry picked from commit ${(await repo.sha("HEAD")).slice(0, 7)}…)\`, a commit of this hotfix.`,
    });
    expect(facts.hotfix.patchId).toBeUndefined(); // found before any patch was read
    expect(await judge(repo)).toMatchObject({ code: 0, verdict: "pass" });
  });

  it("finds a squash of the same fix, without trailer or ticket, by its patch id despite other context", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r) => {
        await r.commitFiles("Fix the discount total for rate 0 (#57)", {
          "src/checkout/discount.ts":
            "// Discounts are rates between 0 and 1.\nexport function discountTotal(total: number, rate: number): number {\n  return rate === 0 ? total : total * (1 - rate);\n}\n",
          "src/checkout/discount.test.ts":
            'import { discountTotal } from "./discount";\ntest("no rate", () => expect(discountTotal(10, 0)).toBe(10));\n',
        });
      },
    });

    const result = await judge(repo);

    expect(result).toMatchObject({ code: 0, verdict: "pass" });
    expect(result.message).toMatch(
      /^Its twin is merged into `main` \(found by patch id\): Commit `[0-9a-f]{7}` `Fix the discount total for rate 0` has the same patch id as this hotfix/,
    );
  });

  it("finds a conflict resolved by hand (a different patch) by its ticket", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r, hotfix) => {
        await r.commitFiles("Guard the rate", {
          "src/checkout/discount.ts":
            "// Discounts are rates between 0 and 1.\nexport function discountTotal(total: number, rate: number): number {\n  return total / Math.max(rate, 1);\n}\n",
        });
        await r.run("cherry-pick", "--no-commit", hotfix).catch(() => "conflict");
        await r.write({
          "src/checkout/discount.ts":
            "// Discounts are rates between 0 and 1.\nexport function discountTotal(total: number, rate: number): number {\n  return rate <= 0 ? total : total * (1 - Math.min(rate, 1));\n}\n",
        });
        await r.commit("SHOP-42: forward-port the discount fix, resolved by hand (#58)");
      },
    });
    const facts = await readFacts(repo);

    const verdict = findTwin(facts, DEFAULT_CONFIG.ticket.patterns);
    expect(verdict.match).toMatchObject({ method: "ticket", twin: { kind: "commit", number: 58 } });
    expect(verdict.match?.evidence).toMatch(
      /^Commit `[0-9a-f]{7}` `SHOP-42: forward-port the discount fix, resolved by hand` names the same ticket, `SHOP-42`\.$/,
    );
    expect(await judge(repo)).toMatchObject({ code: 0, verdict: "pass" });
  });

  it("finds a cherry-pick -x onto a main where the file was renamed, by its trailer", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r, hotfix) => {
        await r.run("mv", "src/checkout/discount.ts", "src/checkout/discounts.ts");
        await r.commit("Rename discount.ts to discounts.ts");
        await r.run("cherry-pick", "-x", hotfix);
      },
    });
    expect(await repo.run("show", "--stat", "--format=", "main")).toContain("discounts.ts");

    const result = await judge(repo);

    expect(result).toMatchObject({ code: 0, verdict: "pass" });
    expect(result.message).toMatch(/^Its twin is merged into `main` \(found by cherry-pick trailer\)/);
  });

  it("finds a hotfix that renames a file, cherry-picked to main without -x or ticket, by its patch id", async () => {
    const repo = await forwardPortRepo({
      files: {
        "src/checkout/cart.ts": null,
        "src/checkout/carts.ts": "export const cart: string[] = [];\nexport const max = 10;\n",
      },
      onMain: async (r, hotfix) => {
        await r.run("cherry-pick", hotfix);
        await r.run("commit", "--amend", "-q", "-m", "Move the cart and fix the discount");
      },
    });
    expect(await repo.run("show", "-M", "--summary", "--format=", "main")).toContain(
      "rename src/checkout/{cart.ts => carts.ts}",
    );
    const facts = await readFacts(repo);

    expect(findTwin(facts, DEFAULT_CONFIG.ticket.patterns).match).toMatchObject({
      method: "patch id",
      twin: { kind: "commit", sha: await repo.sha("main") },
    });
  });

  it("finds a backport: the hotfix is a cherry-pick -x of a commit main already has", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r, hotfix) => {
        await r.run("cherry-pick", hotfix);
        await r.run("commit", "--amend", "-q", "-m", "Fix the discount total on main");
      },
    });
    const onMain = await repo.sha("main");
    await repo.run("reset", "-q", "--hard", "release/1.4");
    await repo.run("cherry-pick", "-x", onMain);
    await repo.run("commit", "--amend", "-q", "-m", `Fix the discount total\n\n(cherry picked from commit ${onMain})`);
    const facts = await readFacts(repo);

    expect(findTwin(facts, DEFAULT_CONFIG.ticket.patterns).match).toMatchObject({
      method: "cherry-pick trailer",
      twin: { kind: "commit", sha: onMain },
    });
  });

  it("is not fooled by a hotfix whose own message claims to be a cherry-pick of an unrelated commit of main", async () => {
    const repo = await forwardPortRepo();
    const unrelated = await repo.sha("main");
    // The attack: reword the hotfix commit so that it names a commit main contains.
    await repo.run(
      "commit",
      "--amend",
      "-q",
      "-m",
      `Fix the discount total\n\n(cherry picked from commit ${unrelated})`,
    );

    const result = await judge(repo);

    expect(result).toMatchObject({ code: 1, verdict: "fail" });
    const facts = await readFacts(repo);
    expect(facts.sourcesOnTarget).toEqual([expect.objectContaining({ sha: unrelated, by: await repo.sha("HEAD") })]);
    expect(findTwin(facts, []).searched[0]?.looked).toContain("without the same patch");
  });

  it("finds the hotfix's commits picked one by one onto main, as git cherry does", async () => {
    const repo = await forwardPortRepo({
      onMain: async (r, hotfix) => {
        await r.run("cherry-pick", hotfix);
        await r.run("commit", "--amend", "-q", "-m", "Part one");
      },
    });
    const second = await repo.commitFiles("Part two: round the total", {
      "src/checkout/cart.ts": "export const cart: string[] = [];\nexport const round = 2;\n",
    });
    await repo.run("commit", "--amend", "-q", "-m", "Round the total");
    await repo.run("checkout", "-q", "main");
    await repo.commitFiles("Unrelated work on main", {
      "src/billing/invoice.ts": "export const invoice = { lines: [] };\n",
    });
    await repo.run("cherry-pick", (await repo.run("rev-parse", `${second}`)).trim()).catch(() => "");
    await repo.run("checkout", "-q", "hotfix/SHOP-42-discount-total");
    const facts = await readFacts(repo);

    const verdict = findTwin(
      { ...facts, hotfix: { ...facts.hotfix, title: "Fix", body: "", headBranch: "hotfix/x" } },
      [],
    );
    expect(verdict.match?.method).toBe("patch id");
    expect(verdict.match?.evidence).toMatch(
      /^Every commit of this hotfix has its patch on `main` \(as `git cherry` reports\)/,
    );
    // git cherry compares patch ids with context: it misses the first pick, whose surroundings moved on.
    expect(await repo.run("cherry", "main", "HEAD", "release/1.4")).toMatch(/^\+ [0-9a-f]{40}\n- [0-9a-f]{40}\n$/);
  });

  it("says to fetch a target the repository does not have, exit 2", async () => {
    const repo = await forwardPortRepo({ config: "forwardPort:\n  mode: upstream-first\n  target: develop\n" });

    const json = await checkJson(repo.dir, ["--base", "release/1.4"]);

    expect(json.code).toBe(2);
    expect(json.stderr).toContain(
      'the forward-port target "develop" is not in this repository: fetch it (git fetch origin develop)',
    );
  });
});
