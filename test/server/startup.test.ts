import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findStartupProblem } from "../../src/server/check-server-env.js";

describe("startup", () => {
  it("refuses to run without WEBHOOK_SECRET outside development", () => {
    expect(findStartupProblem({ NODE_ENV: "production" })).toMatch(/WEBHOOK_SECRET is not set/);
    expect(findStartupProblem({})).toMatch(/WEBHOOK_SECRET is not set/);
    expect(findStartupProblem({ NODE_ENV: "development" })).toBeUndefined();
    expect(findStartupProblem({ WEBHOOK_SECRET: "s" })).toBeUndefined();
  });

  it("refuses to run with tracker variables set wrongly, naming them and never their values", () => {
    const problem = findStartupProblem({
      WEBHOOK_SECRET: "s",
      JIRA_URL: "http://jira.example.com",
      JIRA_EMAIL: "bot@example.com",
      JIRA_API_TOKEN: "jira-secret-token",
      LINEAR_API_URL: "https://api.linear.app/graphql",
    });
    expect(problem).toBe(
      "Invalid ticket tracker settings: JIRA_URL must be an https:// address (http only for localhost): credentials would travel in clear; LINEAR_API_URL is set without LINEAR_API_KEY. Refusing to start.",
    );
    expect(
      findStartupProblem({ WEBHOOK_SECRET: "s", JIRA_URL: "https://x.atlassian.net", JIRA_TOKEN: "t" }),
    ).toBeUndefined();
  });

  it("the server process exits 1 with the reason, before listening", () => {
    const env = { PATH: process.env.PATH, NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: "x" };
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("WEBHOOK_SECRET is not set");
  });
});
