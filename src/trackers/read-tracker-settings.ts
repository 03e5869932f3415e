/**
 * Where the server's ticket trackers are and how it signs in, read from its environment: the only
 * place hosts and credentials come from (a repository config that names one is a config error, so
 * no PR author can point the server's credentials at a host of their own). The App, the Action and
 * `spo check --pr` read the same variables:
 *
 * - Jira Data Center: `JIRA_URL` and `JIRA_TOKEN` (a personal access token, sent as `Bearer`; REST v2);
 * - Jira Cloud: `JIRA_URL`, `JIRA_EMAIL` and `JIRA_API_TOKEN` (Basic `email:token`; REST v3);
 *   `JIRA_TOKEN` wins when both are set;
 * - Linear: `LINEAR_API_KEY`, and `LINEAR_API_URL` (default `https://api.linear.app/graphql`).
 *
 * An empty variable counts as unset (a workflow's `${{ secrets.X }}` of a secret that does not exist).
 */

export interface JiraSettings {
  /** The site's base address without a trailing slash: `https://example.atlassian.net`, `https://example.com/jira`. */
  baseUrl: string;
  /** Data Center: a personal access token (Bearer, REST v2). Cloud: an account's email and API token (Basic, REST v3). */
  auth: { kind: "data-center"; token: string } | { kind: "cloud"; email: string; apiToken: string };
}

export interface LinearSettings {
  /** The GraphQL endpoint. */
  url: string;
  /** Sent as the `Authorization` header as given: a personal API key bare, an OAuth token as `Bearer <token>`. */
  apiKey: string;
}

export interface TrackerSettings {
  jira?: JiraSettings;
  linear?: LinearSettings;
}

export const DEFAULT_LINEAR_API_URL = "https://api.linear.app/graphql";

/** The tracker variables are set wrongly; `problems` names each variable and what it needs. */
export class TrackerSettingsError extends Error {
  override readonly name = "TrackerSettingsError";
  constructor(readonly problems: string[]) {
    super(`Invalid ticket tracker settings: ${problems.join("; ")}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the tracker settings; throws TrackerSettingsError listing every problem, never with a credential in it. */
export function readTrackerSettings(env: Env): TrackerSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const settings: TrackerSettings = {};

  const jiraUrl = value("JIRA_URL");
  const token = value("JIRA_TOKEN");
  const email = value("JIRA_EMAIL");
  const apiToken = value("JIRA_API_TOKEN");
  if (jiraUrl) {
    const baseUrl = readBaseUrl("JIRA_URL", jiraUrl, problems);
    const auth: JiraSettings["auth"] | undefined = token
      ? { kind: "data-center", token }
      : email && apiToken
        ? { kind: "cloud", email, apiToken }
        : undefined;
    if (!auth)
      problems.push(
        email || apiToken
          ? `JIRA_URL is set with ${email ? "JIRA_EMAIL but not JIRA_API_TOKEN" : "JIRA_API_TOKEN but not JIRA_EMAIL"}: Jira Cloud needs both (or JIRA_TOKEN for Data Center)`
          : "JIRA_URL is set without credentials: set JIRA_TOKEN (Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud)",
      );
    if (baseUrl && auth) settings.jira = { baseUrl, auth };
  } else if (token || email || apiToken) {
    const names = [token && "JIRA_TOKEN", email && "JIRA_EMAIL", apiToken && "JIRA_API_TOKEN"].filter(Boolean);
    problems.push(
      `${names.join(", ")} ${names.length > 1 ? "are" : "is"} set without JIRA_URL: set JIRA_URL to your Jira site`,
    );
  }

  const linearKey = value("LINEAR_API_KEY");
  const linearUrl = value("LINEAR_API_URL");
  if (linearKey) {
    const url = readBaseUrl("LINEAR_API_URL", linearUrl ?? DEFAULT_LINEAR_API_URL, problems);
    if (url) settings.linear = { url, apiKey: linearKey };
  } else if (linearUrl) {
    problems.push("LINEAR_API_URL is set without LINEAR_API_KEY");
  }

  if (problems.length) throw new TrackerSettingsError(problems);
  return settings;
}

/**
 * An http(s) address without credentials, query or fragment. Plain http is accepted only for the
 * loopback host (a local test server): anywhere else the credentials would cross the network in clear.
 */
function readBaseUrl(name: string, text: string, problems: string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${name} is not a URL: expected e.g. https://example.atlassian.net`);
    return undefined;
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    problems.push(`${name} must be an https:// address (http only for localhost): credentials would travel in clear`);
  } else if (url.username || url.password) {
    problems.push(`${name} must not carry credentials: use the token variables`);
  } else if (url.search || url.hash) {
    problems.push(`${name} must be the base address, without a query or fragment`);
  } else {
    return url.href.replace(/\/+$/, "");
  }
  return undefined;
}
