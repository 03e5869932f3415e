import type { Logger } from "probot";

/** What the App's handlers take from outside, so tests can inject a clock and an app id. */
export interface AppDeps {
  /** The current time. */
  now: () => Date;
  /** This App's id: check events from other apps' checks with the same name are ignored. */
  appId?: number;
  /** `GATE_TOKEN`: the bearer token of `GET /api/gate/…`. Unset, the endpoint is not served (404). */
  gateToken?: string;
}

export type Log = Pick<Logger, "info" | "warn" | "error" | "debug">;
