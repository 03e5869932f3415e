import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { PRIVATE_KEY } from "../../support/start-app.js";
import { API, expectAllMocksDone } from "../helpers/github-nock.js";
import { attempt, OK } from "../helpers/hook-deliveries.js";
import { runSpo } from "../helpers/run-cli.js";
import { TestOctokit } from "../helpers/token-octokit.js";

const cwd = mkdtempSync(join(tmpdir(), "spo-catchup-"));
const ENV = { APP_ID: "4242", PRIVATE_KEY };
const catchup = (args: string[] = [], env: Record<string, string> = ENV) =>
  runSpo(["catchup", ...args], { cwd, env, Octokit: TestOctokit });

/** The `iss` of a JWT sent as `authorization: bearer <jwt>`: the App id it was signed for. */
function appIdOf(authorization: string): unknown {
  const [, payload] = authorization.replace(/^bearer /, "").split(".");
  return JSON.parse(Buffer.from(payload!, "base64url").toString()).iss;
}

describe("spo catchup", () => {
  it("redelivers, with the App's JWT, each delivery of the window that failed, and exits 0", async () => {
    const failed = attempt("guid-failed", 90, { event: "status", action: null });
    const repaired = [attempt("guid-ok", 10, { redelivery: true, ...OK }), attempt("guid-ok", 50)];
    const issuers: unknown[] = [];
    nock(API)
      .get("/app/hook/deliveries")
      .query({ per_page: "100" })
      .reply(function () {
        issuers.push(appIdOf(String(this.req.headers.authorization)));
        return [200, [...repaired, failed]];
      })
      .post(`/app/hook/deliveries/${failed.id}/attempts`)
      .reply(202, {});

    const result = await catchup();

    expectAllMocksDone();
    expect(issuers).toEqual([4242]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toMatch(
      /^spo catchup: 3 delivery attempts since \S+Z \(1 page\); 1 delivery without a 2xx answer$/,
    );
    expect(result.stdout).toContain(
      `  redelivered  status  guid-failed  (attempt ${failed.id}, first tried ${failed.delivered_at})\n`,
    );
  });

  it("leaves alone what lies before --since, and what was redelivered before", async () => {
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [attempt("again", 5, { redelivery: true }), attempt("again", 20), attempt("too-old", 40)]);

    const result = await catchup(["--since", "30m"]);

    expectAllMocksDone();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 delivery without a 2xx answer");
    expect(result.stdout).toContain("  1 delivery redelivered before and failed again: left alone\n");
  });

  it("exits 1 when GitHub refuses a redelivery, saying why", async () => {
    const failed = attempt("guid-1", 30);
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [failed])
      .post(`/app/hook/deliveries/${failed.id}/attempts`)
      .reply(422, { message: "Validation Failed" });
    const result = await catchup();
    expectAllMocksDone();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ {2}refused {6}pull_request\.opened {2}guid-1 .*: 422 Validation Failed/);
  });

  it("exits 2 when a redelivery meets an error, without retrying it", async () => {
    const failed = attempt("guid-1", 30);
    nock(API)
      .get("/app/hook/deliveries")
      .query(true)
      .reply(200, [failed])
      .post(`/app/hook/deliveries/${failed.id}/attempts`)
      .once()
      .reply(502, { message: "Bad Gateway" });
    const result = await catchup();
    expectAllMocksDone();
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(": 502 Bad Gateway");
  });

  it("exits 2 with the reason, and no stack trace, when GitHub refuses the App's key", async () => {
    nock(API).get("/app/hook/deliveries").query(true).reply(401, { message: "A JSON web token could not be decoded" });
    const result = await catchup();
    expectAllMocksDone();
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "spo catchup: GitHub refused the App's key: GitHub answered 401 while listing the App's webhook deliveries: A JSON web token could not be decoded\nCheck APP_ID and the private key (PRIVATE_KEY or PRIVATE_KEY_PATH).\n",
    });
  });

  it("exits 2 when GitHub cannot be reached", async () => {
    const result = await catchup(); // the network is off (test/setup.ts) and nothing answers
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^spo catchup: could not reach GitHub at https:\/\/api\.github\.com: Nock: Disallowed/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 with what GitHub answered when listing fails otherwise", async () => {
    nock(API).get("/app/hook/deliveries").query(true).times(4).reply(503, { message: "Service Unavailable" });
    const result = await catchup();
    expectAllMocksDone();
    expect(result).toMatchObject({
      code: 2,
      stderr:
        "spo catchup: could not list the App's deliveries at https://api.github.com: GitHub answered 503 while listing the App's webhook deliveries: Service Unavailable\n",
    });
  });

  it("reads the key from PRIVATE_KEY_PATH and talks to GitHub Enterprise Server with GHE_HOST", async () => {
    writeFileSync(join(cwd, "app.pem"), PRIVATE_KEY);
    nock("http://ghe.example.com/api/v3").get("/app/hook/deliveries").query(true).reply(200, []);
    const result = await catchup([], {
      APP_ID: "4242",
      PRIVATE_KEY_PATH: "app.pem",
      GHE_HOST: "ghe.example.com",
      GHE_PROTOCOL: "http",
    });
    expectAllMocksDone();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  nothing to redeliver\n");
  });

  it.each([
    [["--since", "yesterday"], ENV, '--since expects a duration such as 30m, 2h or 1d, got "yesterday"'],
    [["--since", "0h"], ENV, '--since expects a duration such as 30m, 2h or 1d, got "0h"'],
    [["--until", "1h"], ENV, "Unknown option '--until'"],
    [[], { PRIVATE_KEY }, "set APP_ID to the App's id"],
    [[], { APP_ID: "4242" }, "set PRIVATE_KEY (the App's PEM) or PRIVATE_KEY_PATH (its file)"],
    [[], { APP_ID: "4242", PRIVATE_KEY: "not a key" }, "cannot read the App's private key: The contents of"],
    [
      [],
      { APP_ID: "4242", PRIVATE_KEY_PATH: "missing.pem" },
      "cannot read the App's private key: Private key does not exists",
    ],
  ])("is a usage error (exit 2) for %j with %j", async (args, env, message) => {
    const result = await catchup(args, env as Record<string, string>);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`spo: usage error: ${message}`);
    expect(result.stderr).toContain('Run "spo catchup --help" for usage.');
  });

  it("has help", async () => {
    const result = await catchup(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^spo catchup: redeliver the App's webhook deliveries that failed/);
  });
});
