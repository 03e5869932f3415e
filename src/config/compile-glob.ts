import { Minimatch } from "minimatch";
import { RE2JS } from "re2js";
import { countBraceExpansion, MAX_BRACE_ALTERNATIVES } from "./count-brace-expansion.js";

/**
 * Compiles a glob (minimatch syntax, dotfiles included) into an RE2 matcher, so matching a path
 * runs in linear time whatever the glob: minimatch's own backtracking RegExp takes seconds on
 * globs like `*a*a*a*a*b` against a long file name, and globs come from users' configs.
 *
 * minimatch parses the glob (braces, classes, extglobs); its regex only needs RE2-incompatible
 * lookaheads to keep `*` and `**` from matching `.` and `..` segments, which repository paths
 * never contain, so those are dropped. Negated extglobs (`!(x)`) need lookahead too: such a glob
 * is refused (the config names it), and so is a glob whose braces expand to more than
 * MAX_BRACE_ALTERNATIVES globs (count-brace-expansion.ts), before minimatch expands it.
 */
export function compileGlob(glob: string, options: { caseless?: boolean } = {}): (path: string) => boolean {
  const alternatives = countBraceExpansion(glob);
  if (alternatives > MAX_BRACE_ALTERNATIVES)
    throw new Error(
      `a glob may expand to at most ${MAX_BRACE_ALTERNATIVES} alternatives, this one expands to ${alternatives}`,
    );
  const regex = new Minimatch(glob, OPTIONS).makeRe();
  if (!regex) throw new Error(`"${glob}" is not a valid glob`);
  const source = regex.source
    .split(DOT_SEGMENT_GUARD)
    .join("")
    .split(ANY_BUT_DOT_SEGMENTS)
    .join(".*")
    // A trailing `/**` needs something below the folder (`release/**` is not `release`), as minimatch matches it.
    .split(String.raw`(?:\/|\/.*)?`)
    .join(String.raw`\/.*`);
  const re2 = options.caseless ? RE2JS.compile(source, RE2JS.CASE_INSENSITIVE) : RE2JS.compile(source);
  return (path) => re2.matches(path);
}

/** Why a glob cannot be used, or undefined when it compiles. */
export function findGlobProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;
const DOT_SEGMENT_GUARD = String.raw`(?!(?:^|\/)\.\.?(?:$|\/))`;
const ANY_BUT_DOT_SEGMENTS = String.raw`(?:(?!(?:\/|^)(?:\.{1,2})($|\/)).)*?`;
