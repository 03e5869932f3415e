import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a fake tracker received. */
export interface TrackerRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body text ("" without one). */
  body: string;
}

export interface TrackerReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
  /** Never answer: a tracker that hangs (the client's time limit must end the request). */
  hang?: boolean;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request received, in order. */
  requests: TrackerRequest[];
  /** Scripted replies, answered first in first out before the fake's own routes. */
  script(...replies: TrackerReply[]): void;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request and answers with `route` (or the script). */
export async function startLoopbackServer(route: (request: TrackerRequest) => TrackerReply): Promise<LoopbackServer> {
  const requests: TrackerRequest[] = [];
  const scripted: TrackerReply[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = {
      method: req.method ?? "GET",
      path: req.url ?? "/",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(request);
    const reply = scripted.shift() ?? route(request);
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    const text =
      typeof reply.body === "string" ? reply.body : reply.body === undefined ? "" : JSON.stringify(reply.body);
    const type = typeof reply.body === "string" ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8";
    res.writeHead(reply.status, { "content-type": type, ...reply.headers }).end(text);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void scripted.push(...replies),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
