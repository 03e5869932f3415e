import { RE2JS } from "re2js";

/**
 * Compiles a user-supplied pattern with RE2 semantics: matching runs in linear time, so no
 * pattern in a config can hang the App. Constructs RE2 cannot run in linear time (backreferences,
 * lookaround) are rejected here, at config parse time.
 */
export function compileSafePattern(source: string, caseInsensitive = false): RE2JS {
  return RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
}

/** The reason a pattern cannot be used, or undefined when it compiles. */
export function findPatternProblem(source: string): string | undefined {
  try {
    compileSafePattern(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
