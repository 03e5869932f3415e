import { createHash } from "node:crypto";
import type { CachedRead, ConditionalReadCache } from "./conditional-read-cache.js";

type Fetch = typeof globalThis.fetch;

/**
 * Reads that repeat between evaluations and whose answer rarely changes: file contents (the config,
 * the org file, CODEOWNERS, workspace manifests, descriptors at a commit), a commit's tree, the open
 * PR list, one PR (re-read by check events), a commit's PRs. The PR's files and checks are not among
 * them: they are what is judged, and a PR's files can be megabytes.
 */
const REPEATED_READ = /\/repos\/[^/]+\/[^/]+\/(contents\/.+|git\/trees\/[^/]+|pulls|pulls\/\d+|commits\/[^/]+\/pulls)$/;

const INNER = Symbol("the fetch under readConditionally");

/**
 * An installation client's fetch that makes the repeated reads above conditional (SPEC §15): the
 * request carries `If-None-Match` with the ETag of the last 200 of the same key, and a 304 (free:
 * GitHub does not count a 304 to an authorised conditional request against the primary rate limit)
 * is answered with that 200's body and headers, so Octokit and its callers only ever see the 200.
 * Every read is still sent: an entry never answers without GitHub's 304 (its `max-age=60` is
 * ignored), so a changed file (a 200 with a new ETag) replaces the entry and applies at once; a
 * 404 drops it.
 *
 * The key holds the installation id, a hash of the token, the URL (repository, path, ref and query)
 * and the media type. So no installation is ever answered with another's content, even for a
 * repository of the same name; and after a token refresh the first read is a full one, as GitHub's
 * ETags are specific to the token anyway. A request that carries its own condition
 * (`If-Modified-Since` of the PR re-read) or no token is left alone.
 */
export function readConditionally(fetchImpl: Fetch, cache: ConditionalReadCache, installationId: number): Fetch {
  const conditional: Fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    const token = headers.get("authorization");
    const method = (init?.method ?? "GET").toUpperCase();
    if (
      method !== "GET" ||
      !token ||
      headers.has("if-none-match") ||
      headers.has("if-modified-since") ||
      !REPEATED_READ.test(new URL(url).pathname)
    )
      return fetchImpl(input, init);
    const key = [installationId, hashToken(token), headers.get("accept") ?? "", url].join("\n");
    const cached = cache.get(key);
    if (cached) headers.set("if-none-match", cached.etag);
    const response = await fetchImpl(input, { ...init, headers: Object.fromEntries(headers) });
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      return withUrl(new Response(cached.body.slice(), { status: 200, headers: answerHeaders(cached, response) }), url);
    }
    if (response.status !== 200) {
      if (response.status >= 400 && response.status < 500) cache.delete(key);
      return response;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const etag = response.headers.get("etag");
    if (etag) cache.set(key, { etag, headers: [...response.headers], body } satisfies CachedRead);
    else cache.delete(key);
    return withUrl(
      new Response(body, { status: 200, statusText: response.statusText, headers: response.headers }),
      url,
    );
  };
  return Object.assign(conditional, { [INNER]: fetchImpl });
}

/** The fetch under a conditional one (a client derived from another's options re-wraps it for its own installation). */
export function withoutConditionalReads(fetchImpl: Fetch | undefined): Fetch | undefined {
  return fetchImpl && INNER in fetchImpl ? (fetchImpl as Fetch & { [INNER]: Fetch })[INNER] : fetchImpl;
}

/** What describes the body is the kept 200's; the rest (request id, rate limit, date) is the 304's own. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding"]);

function answerHeaders(cached: CachedRead, notModified: Response): Headers {
  const headers = new Headers([...cached.headers]);
  for (const [name, value] of notModified.headers) if (!BODY_HEADERS.has(name)) headers.set(name, value);
  return headers;
}

function hashToken(authorization: string): string {
  return createHash("sha256").update(authorization).digest("base64url").slice(0, 22);
}

/** A built Response has no URL; Octokit reports the URL of a response in errors and results. */
function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, "url", { value: url });
  return response;
}
