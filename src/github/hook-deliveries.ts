import { toSourceError } from "./describe-github-error.js";
import type { GitHubClient } from "./github-client.js";

/**
 * One attempt to deliver one event to the App's webhook, as `GET /app/hook/deliveries` lists it
 * (GitHub's "hook-delivery-item"). A redelivery is an attempt of its own (`redelivery: true`)
 * with the `guid` of the first, the `X-GitHub-Delivery` header the App receives.
 * https://docs.github.com/en/rest/apps/webhooks#list-deliveries-for-an-app-webhook
 */
export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  /** GitHub's words for the outcome: `OK`, `Invalid HTTP Response: 503`, `failed to connect to host`. */
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
}

export interface ListedDeliveries {
  /** The attempts made at or after `since`, newest first. */
  deliveries: HookDelivery[];
  pages: number;
}

/** Most attempts GitHub returns on one page. */
const PER_PAGE = 100;

/**
 * The App's delivery attempts since `since`, with its JWT. GitHub lists them newest first and
 * pages with a cursor (`Link: <…&cursor=…>; rel="next"`), so every linked page is read until one
 * reaches past `since`; no later page holds a newer attempt. GitHub's own script
 * ("Automatically redelivering failed deliveries for a GitHub App webhook") does the same, but
 * indexes the last attempt of each page, which an empty page has not.
 * https://docs.github.com/en/webhooks/using-webhooks/automatically-redelivering-failed-deliveries-for-a-github-app-webhook
 */
export async function listHookDeliveriesSince(octokit: GitHubClient, since: Date): Promise<ListedDeliveries> {
  const deliveries: HookDelivery[] = [];
  let pages = 0;
  try {
    const iterator = octokit.paginate.iterator(octokit.rest.apps.listWebhookDeliveries, { per_page: PER_PAGE });
    for await (const { data } of iterator) {
      pages++;
      const attempts = data as unknown as HookDelivery[];
      const inWindow = attempts.filter((attempt) => Date.parse(attempt.delivered_at) >= since.getTime());
      deliveries.push(...inWindow);
      if (inWindow.length < attempts.length) break;
    }
  } catch (error) {
    throw toSourceError(error, "listing the App's webhook deliveries");
  }
  return { deliveries, pages };
}

/** GitHub's answer to one redelivery: `accepted` (202), `refused` (4xx: asking again will not help) or an `error`. */
export type RedeliveryAnswer =
  | { outcome: "accepted" }
  | { outcome: "refused" | "error"; status?: number; reason: string };

/**
 * Asks GitHub to deliver an attempt's payload again, with the same guid
 * (`POST /app/hook/deliveries/{delivery_id}/attempts`, JWT, answered 202).
 * https://docs.github.com/en/rest/apps/webhooks#redeliver-a-delivery-for-an-app-webhook
 *
 * Never retried: a 5xx may hide a redelivery that GitHub made, and a delivery is redelivered at
 * most once. A 4xx other than 401 is GitHub's "no" to this attempt (too old, or 422 "the endpoint
 * has been spammed"); 401 (the key), 5xx and the network are errors.
 */
export async function redeliverHookDelivery(octokit: GitHubClient, deliveryId: number): Promise<RedeliveryAnswer> {
  try {
    await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: deliveryId, request: { retries: 0 } });
    return { outcome: "accepted" };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    const refused = status !== undefined && status >= 400 && status < 500 && status !== 401;
    return { outcome: refused ? "refused" : "error", ...(status === undefined ? {} : { status }), reason };
  }
}
