import { randomUUID } from "node:crypto";
import type { HookDelivery } from "../src/github/hook-deliveries.js";
import type { RecordedRequest, Reply } from "./fake-github-request.js";
import { sendWebhook } from "./send-webhook.js";

/** One attempt GitHub made, with the payload it sent (GitHub keeps it for redeliveries). */
export interface FakeAttempt extends HookDelivery {
  payload: unknown;
}

/**
 * The App's webhook as the fake GitHub keeps it: GitHub sends each event to `url` and records the
 * attempt, whatever the App answered or when nothing answered (the App down), and serves the
 * attempts as `GET /app/hook/deliveries` (newest first, pages that a cursor naming the first
 * attempt of the next page links, in the `Link` header) and
 * redelivers one on `POST /app/hook/deliveries/{id}/attempts` (202, then a new attempt with the
 * same guid and `redelivery: true`).
 */
export interface FakeHook {
  /** The App's URL (sendWebhook adds the webhook path); unset, every delivery fails to connect. */
  url?: string;
  /** Every attempt, newest first. */
  attempts: FakeAttempt[];
  /** Sends an event to `url`, as GitHub does, and records the attempt. */
  deliver(event: string, payload: unknown, options?: { guid?: string; redelivery?: boolean }): Promise<FakeAttempt>;
  /** Records an attempt without sending it: history from before the test (`delivered_at` in the past). */
  record(attempt: Partial<FakeAttempt> & Pick<FakeAttempt, "guid">): FakeAttempt;
  /** The redeliveries asked for, each settled once its attempt is recorded. */
  redeliveries: Array<Promise<FakeAttempt>>;
  /** Answers the deliveries endpoints; undefined for any other request. */
  route(request: RecordedRequest, apiUrl: string): Reply | undefined;
}

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export function createFakeHook(): FakeHook {
  let nextId = 1_000;
  const hook: FakeHook = {
    attempts: [],
    redeliveries: [],
    record(attempt) {
      const recorded: FakeAttempt = {
        id: nextId++,
        delivered_at: new Date().toISOString(),
        redelivery: false,
        status: "OK",
        status_code: 200,
        event: "pull_request",
        action: null,
        installation_id: null,
        repository_id: null,
        payload: undefined,
        ...attempt,
      };
      hook.attempts.unshift(recorded);
      return recorded;
    },
    async deliver(event, payload, { guid = randomUUID(), redelivery = false } = {}) {
      const started = new Date();
      const reply = hook.url
        ? await sendWebhook(hook.url, { event, payload, id: guid }).catch(() => undefined)
        : undefined;
      const body = payload as { action?: string; installation?: { id?: number }; repository?: { id?: number } };
      return hook.record({
        guid,
        delivered_at: started.toISOString(),
        redelivery,
        status: reply
          ? reply.status < 300
            ? "OK"
            : `Invalid HTTP Response: ${reply.status}`
          : "failed to connect to host",
        status_code: reply?.status ?? 0,
        event,
        action: body.action ?? null,
        installation_id: body.installation?.id ?? null,
        repository_id: body.repository?.id ?? null,
        payload,
      });
    },
    route(request, apiUrl) {
      const url = new URL(request.path, "http://fake.invalid");
      if (request.method === "GET" && url.pathname === "/app/hook/deliveries") return listPage(url, apiUrl);
      const redeliver = /^\/app\/hook\/deliveries\/(\d+)\/attempts$/.exec(url.pathname);
      if (request.method !== "POST" || !redeliver) return undefined;
      const original = hook.attempts.find((a) => a.id === Number(redeliver[1]));
      if (!original) return { status: 404, body: { message: "Not Found" } };
      hook.redeliveries.push(hook.deliver(original.event, original.payload, { guid: original.guid, redelivery: true }));
      return { status: 202, body: {} };
    },
  };

  function listPage(url: URL, apiUrl: string): Reply {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? DEFAULT_PER_PAGE), MAX_PER_PAGE);
    const cursor = /^v1_(\d+)$/.exec(url.searchParams.get("cursor") ?? "")?.[1];
    const start = cursor ? hook.attempts.findIndex((a) => a.id === Number(cursor)) : 0;
    if (start < 0) return { status: 422, body: { message: "Validation Failed: cursor" } };
    const page = hook.attempts.slice(start, start + perPage).map(({ payload: _payload, ...listed }) => listed);
    const next = hook.attempts[start + perPage];
    const link = next && `<${apiUrl}/app/hook/deliveries?per_page=${perPage}&cursor=v1_${next.id}>; rel="next"`;
    return { status: 200, body: page, ...(link ? { headers: { link } } : {}) };
  }

  return hook;
}
