import { ProbotOctokit } from "probot";
import type { ConditionalReadCache } from "./conditional-read-cache.js";
import { toCheckKey } from "./find-check-key.js";
import { readConditionally, withoutConditionalReads } from "./read-conditionally.js";

/** A check run that the App published as completed. */
export interface CompletedCheckSeen {
  name: string;
  conclusion: string;
  summary: string;
  /** `owner/repo@sha` (find-check-key.ts), when the request names the commit. */
  key?: string;
}

/** What the App's GitHub client reports; implemented by the App's metrics (metrics/app-metrics.ts). */
export interface GitHubObserver {
  /** A GitHub response with status ≥ 400 (every attempt, retried or not), or "network" when none came. */
  apiError(status: string): void;
  checkCompleted(check: CompletedCheckSeen): void;
}

/** Retries of a request that hit a secondary rate limit, each after GitHub's `retry-after`. */
export const SECONDARY_LIMIT_RETRIES = 2;

// biome-ignore lint/suspicious/noExplicitAny: Octokit passes its request and constructor options untyped
type Options = Record<string, any>;
type Fetch = typeof globalThis.fetch;
type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];

/**
 * Longest wait for GitHub's answer to one installation-token call. A delivery gets its token
 * before its handlers run (ensure-installation-token.ts), within the 10 s GitHub waits for the
 * webhook's answer, so one hanging attempt must not take that time.
 */
export const TOKEN_CALL_TIMEOUT_MS = 2_000;
const TOKEN_CALL = /\/app\/installations\/\d+\/access_tokens(\?|$)/;

/**
 * Probot's Octokit for the App's server, changed in five ways:
 *
 * - Write throttling is keyed per installation. Probot gives the webhook clients no throttle id,
 *   so every installation shares one write queue (one write per second for the whole process);
 *   GitHub paces writes per installation. The id is the installation id, as Probot itself uses for
 *   `app.auth(id)`, so both kinds of client share one queue per installation. The Bottleneck
 *   connection that Probot sets up for `REDIS_URL` is kept, so replicas share the queues.
 * - A secondary rate limit is waited out (GitHub's `retry-after`) and retried, not dropped:
 *   Probot's server only logs it, which would lose the check.
 * - Every response is observed for metrics: error statuses, and completed check runs.
 * - Installation tokens asked for directly (`octokit.auth({ type: "installation" })`, as
 *   ensure-installation-token.ts does) go to the App's GitHub: Probot hands the token strategy a
 *   request without the client's `baseUrl`, which would send a GitHub Enterprise Server App's
 *   token call to api.github.com. Every token call is cut at TOKEN_CALL_TIMEOUT_MS.
 * - With `reads`, an installation's repeated reads (config, org file, manifests, trees, the open PR
 *   list) are conditional and a 304 is answered from `reads` (read-conditionally.ts, SPEC §15). One
 *   cache for the process: its keys hold the installation and the token.
 */
export function createPacedOctokit(observer: GitHubObserver, reads?: ConditionalReadCache): typeof ProbotOctokit {
  return ProbotOctokit.plugin(observeCompletedChecks(observer), ownRequestOptions).defaults((options: Options) =>
    withPacing(options, observer, reads),
  ) as typeof ProbotOctokit;
}

/**
 * Gives every call its own `request` options. Octokit merges a call's options over the client's
 * defaults without copying a nested object the call does not set, so every call of a client shares
 * the client's `request` object; the retry plugin counts attempts on it (`request.retryCount`) and
 * never resets the count. Without this, one earlier failed answer on the client (the free 304 of
 * the PR re-read, the 404 of an org file that does not exist) shifted every later retry schedule
 * from 1, 4, 9 s to 4, 4, 9 s, and after one exhausted retry to 16, 4, 9 s. The outermost hook
 * (added last), so the retry and throttling plugins only ever see the copy.
 */
const ownRequestOptions: Plugin = (octokit) => {
  octokit.hook.wrap("request", (request, endpoint) => {
    // In place: every hook of the chain is bound to this call's one options object.
    const options = endpoint as Options;
    options.request = { ...options.request };
    return request(endpoint);
  });
  return {};
};

/** The options of one client: Probot's, with the changes above. Exported for tests. */
export function withPacing(options: Options, observer: GitHubObserver, reads?: ConditionalReadCache): Options {
  const installationId = options.auth?.installationId;
  const fetch = observeErrors(observer, withoutConditionalReads(options.request?.fetch));
  const authRequest = options.auth?.request;
  return {
    ...options,
    request: {
      ...options.request,
      fetch: reads && installationId ? readConditionally(fetch, reads, Number(installationId)) : fetch,
    },
    ...(typeof authRequest?.defaults === "function"
      ? {
          auth: {
            ...options.auth,
            request: authRequest.defaults({
              ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
              request: { fetch },
            }),
          },
        }
      : {}),
    throttle: {
      ...options.throttle,
      ...(installationId ? { id: String(installationId) } : {}),
      onSecondaryRateLimit: retrySecondaryRateLimit,
    },
  };
}

export function retrySecondaryRateLimit(
  retryAfter: number,
  options: Options,
  octokit: { log: { warn: (msg: string) => void } },
  retryCount: number,
): boolean {
  const retry = retryCount < SECONDARY_LIMIT_RETRIES;
  octokit.log.warn(
    `Secondary rate limit on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : "giving up"} (retry ${retryCount + 1} of ${SECONDARY_LIMIT_RETRIES})`,
  );
  return retry;
}

const OBSERVED = Symbol("observed by observeErrors");

/**
 * Counts every error response, each attempt of a retried request included, and cuts token calls
 * at TOKEN_CALL_TIMEOUT_MS. An installation's client is built from the options of the App's
 * client, whose fetch is observed already.
 */
function observeErrors(observer: GitHubObserver, fetchImpl: Fetch | undefined): Fetch {
  if (fetchImpl && OBSERVED in fetchImpl) return fetchImpl;
  const observed: Fetch = async (input, init) => {
    try {
      const response = await (fetchImpl ?? globalThis.fetch)(input, limitTokenCall(input, init));
      if (response.status >= 400) observer.apiError(String(response.status));
      return response;
    } catch (error) {
      observer.apiError("network");
      throw error;
    }
  };
  return Object.assign(observed, { [OBSERVED]: true });
}

function limitTokenCall(input: Parameters<Fetch>[0], init: RequestInit | undefined): RequestInit | undefined {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!TOKEN_CALL.test(url)) return init;
  const timeout = AbortSignal.timeout(TOKEN_CALL_TIMEOUT_MS);
  return { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout };
}

/** A request hook outside Probot's plugins (plugins added later wrap the others): it sees a call once, after its retries. */
function observeCompletedChecks(observer: GitHubObserver): Plugin {
  return (octokit) => {
    octokit.hook.wrap("request", async (request, endpoint) => {
      const response = await request(endpoint);
      const options = endpoint as Options;
      const isCheckWrite =
        /\/check-runs(\/\{check_run_id\})?$/.test(String(options.url)) &&
        (options.method === "POST" || options.method === "PATCH");
      if (isCheckWrite && options.conclusion) {
        const key = options.head_sha
          ? toCheckKey(`${options.owner}/${options.repo}`, String(options.head_sha))
          : undefined;
        observer.checkCompleted({
          name: String(options.name ?? ""),
          conclusion: String(options.conclusion),
          summary: String(options.output?.summary ?? ""),
          ...(key ? { key } : {}),
        });
      }
      return response;
    });
    return {};
  };
}
