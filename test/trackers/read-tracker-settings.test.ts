import { describe, expect, it } from "vitest";
import { readTrackerSettings, TrackerSettingsError } from "../../src/trackers/read-tracker-settings.js";

function problemsOf(env: Record<string, string>): string[] {
  try {
    readTrackerSettings(env);
    return [];
  } catch (error) {
    if (error instanceof TrackerSettingsError) return error.problems;
    throw error;
  }
}

describe("readTrackerSettings", () => {
  it("configures nothing without the variables (empty ones count as unset)", () => {
    expect(readTrackerSettings({})).toEqual({});
    expect(readTrackerSettings({ JIRA_URL: "", JIRA_TOKEN: " ", LINEAR_API_KEY: "" })).toEqual({});
  });

  it("reads Jira Cloud from JIRA_URL, JIRA_EMAIL and JIRA_API_TOKEN", () => {
    expect(
      readTrackerSettings({
        JIRA_URL: "https://example.atlassian.net/",
        JIRA_EMAIL: "bot@example.com",
        JIRA_API_TOKEN: "t",
      }),
    ).toEqual({
      jira: {
        baseUrl: "https://example.atlassian.net",
        auth: { kind: "cloud", email: "bot@example.com", apiToken: "t" },
      },
    });
  });

  it("reads Jira Data Center from JIRA_TOKEN, which wins over Cloud credentials, and keeps a context path", () => {
    expect(
      readTrackerSettings({
        JIRA_URL: "https://jira.example.com/jira/",
        JIRA_TOKEN: "pat",
        JIRA_EMAIL: "bot@example.com",
        JIRA_API_TOKEN: "t",
      }),
    ).toEqual({ jira: { baseUrl: "https://jira.example.com/jira", auth: { kind: "data-center", token: "pat" } } });
  });

  it("reads Linear with its default endpoint, or LINEAR_API_URL", () => {
    expect(readTrackerSettings({ LINEAR_API_KEY: "lin_api_x" })).toEqual({
      linear: { url: "https://api.linear.app/graphql", apiKey: "lin_api_x" },
    });
    expect(readTrackerSettings({ LINEAR_API_KEY: "k", LINEAR_API_URL: "http://127.0.0.1:4000/graphql" })).toEqual({
      linear: { url: "http://127.0.0.1:4000/graphql", apiKey: "k" },
    });
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      "JIRA_URL without credentials",
      { JIRA_URL: "https://x.atlassian.net" },
      ["JIRA_URL is set without credentials: set JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud)"],
    ],
    [
      "Cloud without the token",
      { JIRA_URL: "https://x.atlassian.net", JIRA_EMAIL: "a@b.c" },
      ["JIRA_URL is set with JIRA_EMAIL but not JIRA_API_TOKEN: Jira Cloud needs both (or JIRA_TOKEN for Data Center)"],
    ],
    [
      "credentials without JIRA_URL",
      { JIRA_EMAIL: "a@b.c", JIRA_API_TOKEN: "secret-value" },
      ["JIRA_EMAIL, JIRA_API_TOKEN are set without JIRA_URL: set JIRA_URL to your Jira site"],
    ],
    [
      "a JIRA_URL that is no URL",
      { JIRA_URL: "jira.example.com", JIRA_TOKEN: "secret-value" },
      ["JIRA_URL is not a URL: expected e.g. https://example.atlassian.net"],
    ],
    [
      "plain http to another host",
      { JIRA_URL: "http://jira.example.com", JIRA_TOKEN: "secret-value" },
      ["JIRA_URL must be an https:// address (http only for localhost): credentials would travel in clear"],
    ],
    [
      "credentials in the URL",
      { JIRA_URL: "https://bot:secret-value@jira.example.com", JIRA_TOKEN: "t" },
      ["JIRA_URL must not carry credentials: use the token variables"],
    ],
    [
      "a query in the URL",
      { JIRA_URL: "https://jira.example.com/?a=1", JIRA_TOKEN: "t" },
      ["JIRA_URL must be the base address, without a query or fragment"],
    ],
    [
      "LINEAR_API_URL without a key",
      { LINEAR_API_URL: "https://api.linear.app/graphql" },
      ["LINEAR_API_URL is set without LINEAR_API_KEY"],
    ],
    [
      "a bad LINEAR_API_URL",
      { LINEAR_API_KEY: "secret-value", LINEAR_API_URL: "ftp://linear" },
      ["LINEAR_API_URL must be an https:// address (http only for localhost): credentials would travel in clear"],
    ],
  ])("refuses %s, naming the variable and never the secret", (_name, env, problems) => {
    expect(problemsOf(env)).toEqual(problems);
    expect(problems.join(" ")).not.toContain("secret-value");
  });
});
