import { request } from "node:http";
import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { WEBHOOK_SECRET } from "./start-app.js";

export interface WebhookReply {
  status: number;
  body: string;
}

export interface Delivery {
  event: string;
  /** The JSON payload, or the raw body text (to send malformed JSON). */
  payload: unknown;
  id?: string;
  /** Sign with this secret instead of the App's. */
  secret?: string;
  headers?: Record<string, string>;
}

/** Signs and POSTs one delivery to the App's webhook path, as GitHub does. */
export async function sendWebhook(appUrl: string, delivery: Delivery): Promise<WebhookReply> {
  const body = typeof delivery.payload === "string" ? delivery.payload : JSON.stringify(delivery.payload);
  const signature = await sign(delivery.secret ?? WEBHOOK_SECRET, body);
  return postRaw(`${appUrl}/api/github/webhooks`, body, {
    "content-type": "application/json",
    "x-github-event": delivery.event,
    "x-github-delivery": delivery.id ?? randomUUID(),
    "x-hub-signature-256": signature,
    "user-agent": "GitHub-Hookshot/e2e",
    ...delivery.headers,
  });
}

/**
 * POSTs a body over node:http. When the server answers before it has read the whole body (a size
 * guard), the reply still counts: the write error that follows is expected and ignored.
 */
export function postRaw(url: string, body: string | Buffer, headers: Record<string, string>): Promise<WebhookReply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        answered = true;
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}
