/** The command line is wrong: an unknown option, a missing value, a file that cannot be read. Exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The command whose help explains the right usage, e.g. `check`; empty for `spo` itself. */
    readonly command = "",
  ) {
    super(message);
  }
}
