import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { pullRequestEvent } from "../../support/payloads.js";
import { makePatch } from "../../support/make-patch.js";
import { sendWebhook } from "../../support/send-webhook.js";
import { buildOnce } from "./build-once.js";
import { describeCalls, isCheckRunPost, REPO, startHarness, type Harness } from "./harness.js";

/**
 * The built App on changes of other ecosystems (SPEC §9): it reads what the verdicts need from
 * the fake GitHub, in the calls the README counts, and publishes the verdicts.
 */
let harness: Harness | undefined;
beforeAll(buildOnce, 180_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const verdicts = (summary: string) =>
  Object.fromEntries(
    [...summary.matchAll(/^\| \S+ \| `([a-z-]+)` \| (pass|fail|warn|skip) \|/gm)].map((m) => [m[1], m[2]]),
  );

describe("the built App on real repository shapes", () => {
  it("judges a Cargo release commit: own crates in Cargo.lock, and a minor bump that is no hotfix", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    const toml = (v: string) => `[package]\nname = "ripgrep"\nversion = "${v}"\n\n[dependencies]\nbstr = "1.7.0"\n`;
    const lock = (v: string) => `version = 4\n\n[[package]]\nname = "ripgrep"\nversion = "${v}"\n`;
    github.repos.files.set(`${REPO}#2`, [
      { filename: "Cargo.toml", patch: makePatch(toml("15.1.0"), toml("15.2.0")) },
      { filename: "Cargo.lock", patch: makePatch(lock("15.1.0"), lock("15.2.0")) },
    ]);
    github.repos.texts.set(`${REPO}:Cargo.toml`, toml("15.2.0"));
    github.repos.texts.set(`${REPO}:Cargo.lock`, lock("15.2.0"));

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

    const calls = describeCalls(github.requests.slice(1)).map((c) => c.replace(/\?ref=[0-9a-f]+$/, ""));
    // The free 304 re-read of the PR may race the two config reads (the repository's, the org's for its floor).
    expect([...calls.slice(0, 3).sort(), ...calls.slice(3)]).toEqual([
      `GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/pulls/2/files?per_page=100&page=1`,
      `GET /repos/${REPO}/contents/Cargo.toml`,
      `GET /repos/${REPO}/contents/Cargo.lock`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    expect(github.requests.find((r) => r.path === `/repos/${REPO}/pulls/2`)!.answered).toBe(304);
    const check = github.requests.find(isCheckRunPost)!.body;
    expect(check.conclusion).toBe("failure");
    expect(verdicts(check.output.summary)).toMatchObject({
      "single-scope": "pass",
      "dependency-change": "pass",
      "semver-patch": "fail",
    });
    expect(check.output.summary).toContain("`Cargo.toml` goes 15.1.0 → 15.2.0; a hotfix must be 15.1.1.");
  });

  it("scopes by the Cargo workspace it lists in the base tree: two crates fail", async () => {
    harness = await startHarness();
    const { github, app } = harness;
    github.repos.files.set(`${REPO}#2`, [
      { filename: "crates/printer/src/summary.rs", patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "crates/searcher/src/lib.rs", patch: "@@ -1 +1 @@\n-a\n+b" },
      { filename: "tests/regression.rs", status: "added", patch: "@@ -0,0 +1 @@\n+#[test] fn x() {}" },
    ]);
    github.repos.trees.set(REPO, [
      "Cargo.toml",
      "crates/printer/Cargo.toml",
      "crates/searcher/Cargo.toml",
      "README.md",
    ]);
    github.repos.texts.set(`${REPO}:Cargo.toml`, '[workspace]\nmembers = ["crates/*"]\n');

    await sendWebhook(app.url, { event: "pull_request", payload: pullRequestEvent() });

    const calls = describeCalls(github.requests.slice(1)).map((c) =>
      c.replace(/[0-9a-f]{40}/, "<base>").replace(/\?ref=.*$/, ""),
    );
    expect([...calls.slice(0, 3).sort(), ...calls.slice(3)]).toEqual([
      `GET /repos/Codertocat/.github/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/contents/.github%2Fsingle-patch-order.yml`,
      `GET /repos/${REPO}/pulls/2`,
      `GET /repos/${REPO}/pulls/2/files?per_page=100&page=1`,
      `GET /repos/${REPO}/git/trees/<base>?recursive=1`,
      `GET /repos/${REPO}/contents/Cargo.toml`,
      `POST /repos/${REPO}/check-runs`,
    ]);
    const check = github.requests.find(isCheckRunPost)!.body;
    expect(check.output.summary).toContain(
      "Production files span 2 scopes: `crates/printer` (1 file), `crates/searcher` (1 file).",
    );
  });
});
