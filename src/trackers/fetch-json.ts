/**
 * One HTTP request to a ticket tracker, with Node's fetch: a time limit on the whole exchange (body
 * included), redirects refused rather than followed (a redirect could carry the request, and the
 * answer's meaning, elsewhere), and a bounded body. Never throws; never puts a header in a message.
 */

export interface TrackerAnswer {
  kind: "answer";
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  body: unknown;
}

export interface TrackerFailure {
  kind: "failure";
  error: "timeout" | "unreachable" | "unexpected-response";
  detail: string;
}

/** Far above any issue's answer: a body larger than this is not a tracker's. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function fetchJson(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<TrackerAnswer | TrackerFailure> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { kind: "failure", error: "unexpected-response", detail: `redirected (HTTP ${response.status})` };
    }
    const text = await readBounded(response);
    if (text === undefined) return { kind: "failure", error: "unexpected-response", detail: "an answer over 1 MiB" };
    return { kind: "answer", status: response.status, headers: response.headers, body: parseJson(text) };
  } catch (error) {
    if (isTimeout(error))
      return { kind: "failure", error: "timeout", detail: `no answer within ${describeMs(timeoutMs)}` };
    return { kind: "failure", error: "unreachable", detail: describeNetworkError(error) };
  }
}

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function readRetryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

async function readBounded(response: Response): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function describeNetworkError(error: unknown): string {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    ENOTFOUND: "host not found",
    EAI_AGAIN: "host not found",
    ETIMEDOUT: "connection timed out",
    UND_ERR_SOCKET: "connection closed",
  };
  return (typeof code === "string" && known[code]) || "network error";
}

function describeMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
