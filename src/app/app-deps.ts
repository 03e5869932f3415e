import type { Logger } from "probot";

/** What the App's handlers take from outside, so tests can inject a clock and an app id. */
export interface AppDeps {
  /** The current time. */
  now: () => Date;
  /** This App's id: check events from other apps' checks with the same name are ignored. */
  appId?: number;
}

export type Log = Pick<Logger, "info" | "warn" | "error" | "debug">;
