import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { RecordedRequest, Reply } from "./fake-github-request.js";
import { createAppState } from "./fake-github-app-routes.js";
import { routeRequest, type FakeRepoState } from "./fake-github-routes.js";
import { createFakeHook, type FakeHook } from "./fake-hook-deliveries.js";

/** A fault: when `match` accepts a request (and `times` is not used up), `reply` answers it instead of the route. */
export interface Fault {
  match: (request: RecordedRequest) => boolean;
  reply: Reply | ((request: RecordedRequest) => Reply | Promise<Reply>);
  times?: number;
}

export interface FakeGitHub {
  /** `127.0.0.1:<port>`, for GHE_HOST. */
  host: string;
  url: string;
  /** The installation token every access-token call returns: the logs test greps for it. */
  token: string;
  requests: RecordedRequest[];
  repos: FakeRepoState;
  /** The App's webhook: the deliveries GitHub made, listed and redelivered through `/app/hook/deliveries`. */
  hook: FakeHook;
  /** Answers matching requests with `reply` (first matching fault wins); returns the fault to inspect `times`. */
  inject(fault: Fault): Fault;
  /** Resolves when `count` recorded requests match; rejects after `timeoutMs`. */
  waitFor(
    match: (request: RecordedRequest) => boolean,
    options?: { count?: number; timeoutMs?: number },
  ): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

/** A GitHub REST API on loopback (GHE layout, `/api/v3`), recording every request; see fake-github-routes.ts. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const waiters = new Set<() => void>();
  const repos: FakeRepoState = {
    configs: new Map(),
    files: new Map(),
    texts: new Map(),
    trees: new Map(),
    nextCheckId: 1,
    ...createAppState(),
  };
  const hook = createFakeHook();
  const delays = new Set<() => void>();
  let closed = false;
  /** A delay that close() cuts short, so that no reply outlives the fake. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        delays.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      delays.add(wake);
    });
  const token = `ghs_fake${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: (req.url ?? "/").replace(/^\/api\/v3/, ""),
      headers: req.headers,
      body: parseBody(text),
      at: performance.now(),
    };
    requests.push(request);
    for (const wake of [...waiters]) wake();
    const fault = faults.find((f) => (f.times === undefined || f.times > 0) && f.match(request));
    if (fault && fault.times !== undefined) fault.times--;
    const routed = fault
      ? await (typeof fault.reply === "function" ? fault.reply(request) : fault.reply)
      : (hook.route(request, `http://${req.headers.host}/api/v3`) ?? routeRequest(request, repos, token));
    const reply = fault ? routed : answerConditionally(request, routed);
    request.answered = reply.status;
    if (reply.delayMs) await sleep(reply.delayMs);
    if (closed) return;
    const isText = typeof reply.body === "string";
    const headers = {
      "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
      ...reply.headers,
    };
    res
      .writeHead(reply.status, headers)
      .end(reply.body === undefined ? "" : isText ? reply.body : JSON.stringify(reply.body));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    repos,
    hook,
    inject(fault) {
      faults.push(fault);
      return fault;
    },
    waitFor(match, { count = 1, timeoutMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.filter(match);
          if (found.length < count) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(
              `fake GitHub: ${requests.filter(match).length} of ${count} expected requests after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    close() {
      closed = true;
      for (const wake of [...delays]) wake();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * As GitHub does: a GET's 200 carries an ETag (specific to the token, like GitHub's), and a request
 * whose `If-None-Match` names the current one is answered 304 with no body (free on GitHub).
 */
function answerConditionally(request: RecordedRequest, reply: Reply): Reply {
  if (request.method !== "GET" || reply.status !== 200) return reply;
  const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? "");
  const tag = createHash("sha1")
    .update(`${request.headers.authorization ?? ""}\n${body}`)
    .digest("hex");
  const etag = `"${tag}"`;
  const headers = { ...reply.headers, etag };
  return request.headers["if-none-match"] === etag ? { status: 304, headers } : { ...reply, headers };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
