import { createPrivateKey, hkdfSync } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The key that signs the records in the App's check runs (github/override-store.ts), derived with
 * HKDF-SHA256 (RFC 5869) from a secret only the server holds: `OVERRIDE_SIGNING_KEY` when set,
 * else the App's private key (`PRIVATE_KEY` or `PRIVATE_KEY_PATH`, read as Probot reads them).
 * Every replica with the same secret derives the same key. A new secret (a rotated private key)
 * gives a new key: records signed before no longer verify, so overrides on open PRs end, the
 * safe direction. Undefined when there is no secret (Probot's setup mode).
 */
export function readRecordKey(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): Buffer | undefined {
  if (env.OVERRIDE_SIGNING_KEY) return derive(Buffer.from(env.OVERRIDE_SIGNING_KEY, "utf8"), "signing-key");
  const pem = env.PRIVATE_KEY
    ? normalisePem(env.PRIVATE_KEY)
    : env.PRIVATE_KEY_PATH
      ? readFile(env.PRIVATE_KEY_PATH)
      : "";
  if (!pem) return undefined;
  // The key's DER, not its PEM text: the same key gives the same secret however it is written.
  try {
    return derive(createPrivateKey(pem).export({ type: "pkcs8", format: "der" }), "private-key");
  } catch {
    return undefined; // not a key: Probot reports it; overrides are refused with the reason
  }
}

/** Probot accepts the PEM with escaped newlines or base64-encoded (@probot/get-private-key). */
function normalisePem(value: string): string {
  const text = value.includes("-----BEGIN") ? value : Buffer.from(value, "base64").toString("utf8");
  return text.replace(/\\n/g, "\n");
}

function derive(secret: Uint8Array, source: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "single-patch-order", `record key v1 from ${source}`, 32));
}
