import type { Probot } from "probot";
import { TOKEN_CALL_TIMEOUT_MS } from "./paced-octokit.js";

/**
 * How hard a delivery tries to get its installation token. GitHub records a delivery as failed
 * when the answer takes more than 10 s, and the webhook middleware answers 202 ("still
 * processing", a success for GitHub) at 9 s; a delivery without a token must be answered with a
 * 5xx before either. So the token call is tried again after each wait, each attempt cut at
 * TOKEN_CALL_TIMEOUT_MS, and an attempt that could not finish before `deadlineMs` is not started.
 * When GitHub answers 5xx at once, four attempts fail within 5 s; when it does not answer, two do.
 * https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries
 */
export interface TokenBudget {
  waitsMs: readonly number[];
  attemptTimeoutMs: number;
  deadlineMs: number;
}

export const TOKEN_BUDGET: TokenBudget = {
  waitsMs: [1_000, 2_000, 2_000],
  attemptTimeoutMs: TOKEN_CALL_TIMEOUT_MS,
  deadlineMs: 8_000,
};

/** No installation token could be had; `temporary` when GitHub failed (5xx, network) rather than refused. */
export class TokenUnavailableError extends Error {
  override readonly name = "TokenUnavailableError";
  constructor(
    message: string,
    readonly temporary: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface TokenClock {
  /** Milliseconds, monotonic. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const REAL_CLOCK: TokenClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Gets the installation's token into Probot's token cache (the one every client of that
 * installation reads, so the handlers make no token call of their own), within `budget` counted
 * from `startedAt`. A token already cached costs no call. Throws TokenUnavailableError: at once
 * when GitHub refuses (401 a key it does not know, 403 suspended, 404 uninstalled), after the
 * budget when it fails (5xx, network, no answer).
 */
export async function ensureInstallationToken(
  app: Pick<Probot, "auth">,
  installationId: number,
  startedAt: number,
  budget: TokenBudget = TOKEN_BUDGET,
  clock: TokenClock = REAL_CLOCK,
): Promise<void> {
  const appClient = await app.auth();
  const failures: string[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      await appClient.auth({ type: "installation", installationId });
      return;
    } catch (error) {
      const status = (error as { status?: number }).status;
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      const temporary = status === undefined || status >= 500 || status === 429;
      if (!temporary)
        throw new TokenUnavailableError(
          `GitHub refused an installation token for installation ${installationId} (${status}): ${reason}`,
          false,
          { cause: error },
        );
      failures.push(String(status ?? "network"));
      const wait = budget.waitsMs[attempt];
      const elapsed = clock.now() - startedAt;
      if (wait === undefined || elapsed + wait + budget.attemptTimeoutMs > budget.deadlineMs)
        throw new TokenUnavailableError(
          `GitHub did not hand out an installation token for installation ${installationId}: ${failures.length} attempts in ${(elapsed / 1000).toFixed(1)} s failed (${failures.join(", ")}; last: ${reason})`,
          true,
          { cause: error },
        );
      await clock.sleep(wait);
    }
  }
}
