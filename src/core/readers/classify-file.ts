import type { Config } from "../../config/schema.js";
import { compileGlob } from "../../config/compile-glob.js";
import { METADATA_FOLDERS, METADATA_GLOBS, METADATA_NAMES } from "./repository-metadata.js";

/**
 * What a path is, by its name alone. `test`, `doc` and `meta` (CI and repository metadata) files
 * never count as production code; all of them count for change-size.
 */
export type FileKind = "test" | "doc" | "meta" | "production";

/**
 * True when `path` matches any glob. Dotfiles match, so `.github/**` works as users expect.
 * `caseless` matches letters in either case (migration folders: EF Core's `Migrations/`).
 */
export function matchesAny(path: string, globs: readonly string[], options: { caseless?: boolean } = {}): boolean {
  const caseless = options.caseless === true;
  return globs.some((glob) => compile(glob, caseless)(path));
}

export function classifyFile(path: string, config: Pick<Config, "tests" | "docs">): FileKind {
  // Several rules classify every file of a change: the answer is kept per pair of glob lists.
  let byDocs = kinds.get(config.tests.paths);
  if (!byDocs) {
    byDocs = new WeakMap();
    kinds.set(config.tests.paths, byDocs);
  }
  let known = byDocs.get(config.docs.paths);
  if (!known) {
    known = new Map();
    byDocs.set(config.docs.paths, known);
  }
  let kind = known.get(path);
  if (kind === undefined) {
    kind = matchesAny(path, config.tests.paths)
      ? "test"
      : matchesAny(path, config.docs.paths)
        ? "doc"
        : isRepositoryMetadata(path)
          ? "meta"
          : "production";
    if (known.size >= MAX_KNOWN_KINDS) known.clear();
    known.set(path, kind);
  }
  return kind;
}

/** CI and repository metadata (./repository-metadata.ts). */
function isRepositoryMetadata(path: string): boolean {
  return (
    METADATA_NAMES.has(path) || METADATA_FOLDERS.some((f) => path.startsWith(f)) || matchesAny(path, METADATA_GLOBS)
  );
}

const kinds = new WeakMap<readonly string[], WeakMap<readonly string[], Map<string, FileKind>>>();
const MAX_KNOWN_KINDS = 50_000;

// Every rule classifies every file against the same few globs: a 3,000-file change took ~0.5 s
// when each match compiled its glob and walked the path. Globs are compiled once, to RE2 (linear
// time, see config/compile-glob.ts), in a cache only (matching stays pure; bounded, since globs come from
// users' configs), and a path that lacks one of the glob's literal parts is refused at once.

const compiled = new Map<string, (path: string) => boolean>();
const MAX_COMPILED_GLOBS = 1_000;
/** Braces, extglobs, classes, negation and escapes: a literal in them is not required by the glob. */
const NOT_PLAIN = /[{}()[\]!\\]/;

function compile(glob: string, caseless: boolean): (path: string) => boolean {
  const key = caseless ? `i:${glob}` : glob;
  let matcher = compiled.get(key);
  if (!matcher) {
    if (compiled.size >= MAX_COMPILED_GLOBS) compiled.clear();
    const matches = compileGlob(glob, { caseless });
    const literals = NOT_PLAIN.test(glob) ? [] : glob.split(/[*?/]+/).filter(Boolean);
    matcher = caseless
      ? (path) => literals.every((l) => path.toLowerCase().includes(l.toLowerCase())) && matches(path)
      : (path) => literals.every((literal) => path.includes(literal)) && matches(path);
    compiled.set(key, matcher);
  }
  return matcher;
}
