import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Largest webhook body accepted, in bytes. @octokit/webhooks' middleware reads any body whole into
 * memory before it checks the signature, so without a limit one unsigned request can exhaust the
 * process. The events the App handles are far smaller: a pull request's body is at most 65,536
 * characters and its payload rarely passes 100 KB. GitHub caps payloads at 25 MB.
 */
export const DEFAULT_MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

// Decoded as the middleware itself decodes a body it reads (a leading BOM is dropped), so the
// signature sees the same text.
const decoder = new TextDecoder("utf-8", { fatal: false });
const decode = decoder.decode.bind(decoder);

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
  // biome-ignore lint/suspicious/noConfusingVoidType: the shape of Probot's server handlers, which may return nothing
) => Promise<boolean | void> | boolean | void;

/**
 * Puts a size limit in front of the webhook middleware: a body over `maxBytes` is answered 413
 * and the connection closed, by its Content-Length before reading a byte, or as soon as the
 * count passes the limit for a chunked body. A body within the limit is handed over as text,
 * which the middleware uses instead of reading the stream again.
 */
export function limitWebhookBody(middleware: Middleware, options: { path: string; maxBytes: number }): Middleware {
  return async (req, res, next) => {
    if (
      req.method !== "POST" ||
      new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") !== options.path.replace(/\/+$/, "")
    ) {
      return middleware(req, res, next);
    }
    const declared = Number(req.headers["content-length"]);
    if (declared > options.maxBytes) return refuse(req, res, options.maxBytes);
    const body = await readUpTo(req, options.maxBytes);
    if (body === undefined) return refuse(req, res, options.maxBytes);
    (req as IncomingMessage & { body?: string }).body = body;
    return middleware(req, res, next);
  };
}

/** The body as text, or undefined as soon as it passes `maxBytes` (the rest is not read). */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(decode(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const body = JSON.stringify({ error: `Payload Too Large: webhook bodies are limited to ${maxBytes} bytes` });
  res.writeHead(413, {
    "content-type": "application/json",
    connection: "close",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body, () => req.destroy());
  return true;
}
