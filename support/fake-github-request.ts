import type { IncomingHttpHeaders } from "node:http";

/** One request the App sent, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v3` prefix, query included: `/repos/o/r/pulls/2/files?per_page=100&page=1`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when the body is not JSON; undefined without a body. */
  body: any;
  /** When the request arrived (performance.now() of the test process). */
  at: number;
  /** The status the fake answered with, once it answered (a 304 costs no rate limit on GitHub). */
  answered?: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering: a slow GitHub. */
  delayMs?: number;
}
