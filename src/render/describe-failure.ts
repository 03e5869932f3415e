import { ConfigError } from "../config/config-error.js";
import { SourceError } from "../core/errors.js";

/** Why a judgement could not be made, safe to show: one line, no stack, no token. */
export interface Failure {
  reason: string;
  /** True when retrying may help; false when it will not; undefined when unknown. */
  temporary?: boolean;
  requestId?: string;
}

const MAX_REASON_CHARS = 500;

/** Reads what can be shown of an error. Only its first line is kept: stacks stay in the logs. */
export function describeFailure(error: unknown, requestId?: string): Failure {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const firstLine =
    message
      .split(/\r?\n/)
      .find((line) => line.trim())
      ?.trim() ?? "";
  const reason = Array.from(redactSecrets(firstLine || "an unexpected error"))
    .slice(0, MAX_REASON_CHARS)
    .join("");
  const ownId = error instanceof SourceError ? error.requestId : undefined;
  const id = requestId ?? ownId;
  return {
    reason,
    ...(error instanceof SourceError
      ? { temporary: error.temporary }
      : error instanceof ConfigError
        ? { temporary: false }
        : {}),
    ...(id ? { requestId: id } : {}),
  };
}

const SECRETS: [RegExp, string][] = [
  [/\bgh[pousr]_[A-Za-z0-9]{16,}/g, "[redacted token]"],
  [/\bgithub_pat_[A-Za-z0-9_]{16,}/g, "[redacted token]"],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, "[redacted token]"],
  [/\b(bearer|token)\s+[\w.~+/=-]{16,}/gi, "$1 [redacted]"],
  [/\/\/[^\s/:@]+:[^\s/@]+@/g, "//[redacted]@"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, "[redacted key]"],
];

/** Error messages can echo a request: keep tokens, keys and URL credentials out of reports. */
export function redactSecrets(text: string): string {
  return SECRETS.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}
