import { minimatch } from "minimatch";
import type { Config } from "../config/schema.js";

/** `test` and `doc` files never count as production code. */
export type FileKind = "test" | "doc" | "production";

/** True when `path` matches any glob. Dotfiles match, so `.github/**` works as users expect. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(path, glob, { dot: true, nocomment: true, nonegate: true }));
}

export function classifyFile(path: string, config: Pick<Config, "tests" | "docs">): FileKind {
  if (matchesAny(path, config.tests.paths)) return "test";
  if (matchesAny(path, config.docs.paths)) return "doc";
  return "production";
}
