/**
 * The three ways a judgement can fail before a rule runs. Each is shown to the user with what
 * went wrong and how to retry; none is ever turned into a pass.
 */

/** The config file exists but is not valid: bad YAML, unknown keys, wrong types, unsafe patterns. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    /** Where the config came from, e.g. `octo/app/.github/single-patch-order.yml@main`. */
    readonly source: string,
    /** One entry per problem: `key.path: what was expected`. */
    readonly problems: string[],
  ) {
    super(`Invalid config in ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

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
