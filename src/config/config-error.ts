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
