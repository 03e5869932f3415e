import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * Issue 9, item 12: the docs' commit-status wait script accepted a status from anyone, so a
 * forged `success` on `single-patch-order/deploy/production` deployed a refused commit. This runs
 * the script exactly as docs/deployments.md prints it, with a stand-in `gh` that answers from
 * canned API data through the real `jq`, and posts the forgery.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const hasJq = spawnSync("jq", ["--version"]).status === 0;

function readWaitStep(): { run: string; env: Record<string, string> } {
  const docs = readFileSync(join(ROOT, "docs/deployments.md"), "utf8");
  const block = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .find((b) => b.includes("deploy-production.yml"));
  const workflow = parse(block!) as {
    jobs: { production: { steps: Array<{ run?: string; env?: Record<string, string> }> } };
  };
  const step = workflow.jobs.production.steps.find((s) => s.run?.includes("statuses"))!;
  return { run: step.run!, env: step.env ?? {} };
}

function runWaitStep(statuses: unknown[]) {
  const { run, env } = readWaitStep();
  const bin = mkdtempSync(join(tmpdir(), "spo-gh-"));
  const gh = join(bin, "gh");
  // `gh api <path> --jq <filter>`: deployments or statuses from the environment, filtered by jq.
  writeFileSync(
    gh,
    '#!/usr/bin/env bash\ncase "$2" in *deployments*) data="$FAKE_DEPLOYMENTS";; *) data="$FAKE_STATUSES";; esac\nprintf %s "$data" | jq -r "$4"\n',
  );
  chmodSync(gh, 0o755);
  return spawnSync("bash", ["-c", run.replace(/sleep 10/, "exit 3")], {
    encoding: "utf8",
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      ...env,
      GH_TOKEN: "unused",
      GITHUB_REPOSITORY: "octo/shop",
      GITHUB_SHA: "f".repeat(40),
      FAKE_DEPLOYMENTS: JSON.stringify([{ id: 1, created_at: "2026-11-21T12:00:00Z" }]),
      FAKE_STATUSES: JSON.stringify(statuses),
    },
  });
}

const CONTEXT = "single-patch-order/deploy/production";
const status = (state: string, by: string, at: string, description: string) => ({
  context: CONTEXT,
  state,
  description,
  created_at: at,
  creator: { login: by, type: by.endsWith("[bot]") ? "Bot" : "User" },
});

describe.skipIf(!hasJq)("attack: a forged deploy status", () => {
  it("is ignored: the newer success from someone else does not beat the App's refusal", () => {
    // GitHub lists a commit's statuses newest first.
    const result = runWaitStep([
      status("success", "mallory", "2026-11-21T12:00:09Z", "Approved"),
      status("failure", "single-patch-order[bot]", "2026-11-21T12:00:05Z", "Canary has not baked"),
    ]);
    expect(result.stdout + result.stderr).toContain("::error::Refused: Canary has not baked");
    expect(result.status).toBe(1);
  });

  it("still lets the App's own approval through", () => {
    const result = runWaitStep([status("success", "single-patch-order[bot]", "2026-11-21T12:00:05Z", "Baked 31 min")]);
    expect(result.stdout).toContain("Allowed: Baked 31 min");
    expect(result.status).toBe(0);
  });
});

describe("the README pins the required check to the App", () => {
  it("tells users to set the App as the expected source of `single-patch-order`", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toMatch(/expected source/i);
  });
});
