import { SourceError } from "../core/errors.js";

interface HttpLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** GitHub's `x-github-request-id` of a failed request, when the error carries one. */
export function findRequestId(error: unknown): string | undefined {
  const headers = (error as HttpLikeError | undefined)?.response?.headers;
  const id = headers?.["x-github-request-id"];
  return id === undefined ? undefined : String(id);
}

/**
 * Turns whatever a GitHub call threw into a SourceError that says what failed, whether retrying
 * may help (5xx, rate limits, network), and GitHub's request id.
 */
export function toSourceError(error: unknown, doing: string): SourceError {
  if (error instanceof SourceError) return error;
  const status = (error as HttpLikeError | undefined)?.status;
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const temporary = status === undefined || status >= 500 || status === 429 || status === 403;
  const what = status ? `GitHub answered ${status} while ${doing}` : `${doing} failed`;
  return new SourceError(`${what}: ${detail}`, temporary, findRequestId(error), { cause: error });
}

/**
 * Whether GitHub said the thing asked about does not exist (404, or 422 "No commit found for
 * SHA"), directly or as the cause of a SourceError: the question's fault, not the App's.
 */
export function isUnknownToGitHub(error: unknown): boolean {
  const status = (error as HttpLikeError | undefined)?.status ?? (error as { cause?: HttpLikeError })?.cause?.status;
  return status === 404 || status === 422;
}
