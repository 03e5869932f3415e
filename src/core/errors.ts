/**
 * A judgement that fails before a rule runs is a ConfigError (config/config-error.ts) or a
 * SourceError. Each is shown to the user with what went wrong and how to retry; none is ever
 * turned into a pass.
 */

/** Gathering the change failed: a GitHub or git error. `temporary` errors are worth retrying. */
export class SourceError extends Error {
  override readonly name = "SourceError";
  constructor(
    message: string,
    readonly temporary: boolean,
    /** GitHub's `x-github-request-id`, when there was one. */
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
