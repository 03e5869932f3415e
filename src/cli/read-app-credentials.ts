import { getPrivateKey } from "@probot/get-private-key";
import type { AppCredentials } from "../github/create-app-client.js";
import { UsageError } from "./usage-error.js";

/**
 * The App's id and key from the environment, read as the server reads them (Probot's
 * `@probot/get-private-key`: `PRIVATE_KEY`, a PEM with real or `\n` newlines or base64, or
 * `PRIVATE_KEY_PATH`), and GitHub Enterprise Server's API from `GHE_HOST` / `GHE_PROTOCOL`.
 */
export function readAppCredentials(env: Readonly<Record<string, string | undefined>>, cwd: string): AppCredentials {
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isInteger(appId) || appId <= 0)
    throw new UsageError("set APP_ID to the App's id (a number, on the App's settings page)", "catchup");
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH)
    throw new UsageError("set PRIVATE_KEY (the App's PEM) or PRIVATE_KEY_PATH (its file)", "catchup");
  let privateKey: string | null;
  try {
    privateKey = getPrivateKey({ env: { ...env } as NodeJS.ProcessEnv, cwd });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^\[@probot\/get-private-key\] /, "") : String(error);
    throw new UsageError(`cannot read the App's private key: ${reason}`, "catchup");
  }
  if (!privateKey) throw new UsageError("cannot read the App's private key", "catchup");
  const apiUrl = env.GHE_HOST ? `${env.GHE_PROTOCOL || "https"}://${env.GHE_HOST}/api/v3` : undefined;
  return { appId, privateKey, ...(apiUrl ? { apiUrl } : {}) };
}
