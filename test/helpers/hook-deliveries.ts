import type { HookDelivery } from "../../src/github/hook-deliveries.js";

let nextId = 1;

/** One delivery attempt as GitHub lists it; `minutesAgo` before `now`, failed to connect unless told. */
export function attempt(
  guid: string,
  minutesAgo: number,
  overrides: Partial<HookDelivery> = {},
  now = Date.now(),
): HookDelivery {
  return {
    id: nextId++,
    guid,
    delivered_at: new Date(now - minutesAgo * 60_000).toISOString(),
    redelivery: false,
    duration: 0.01,
    status: "failed to connect to host",
    status_code: 0,
    event: "pull_request",
    action: "opened",
    installation_id: 1,
    repository_id: 1296269,
    ...overrides,
  } as HookDelivery;
}

export const OK = { status: "OK", status_code: 200 } as const;
