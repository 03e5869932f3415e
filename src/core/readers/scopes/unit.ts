/**
 * A unit is a part of the repository that the build declares: a workspace package, a crate, a Go
 * module, a Maven module, a Gradle project, a .NET project, a Django app, or a whole application
 * laid out by layer. Every production file belongs to the deepest unit that holds it, and a
 * hotfix stays within one.
 */
export interface Unit {
  /**
   * The unit's folder, relative to the root; `""` is the whole repository. With `pattern`, a glob
   * that folders match (a workspace declared as `packages/*` before the tree was listed).
   */
  folder: string;
  pattern?: boolean;
  /** With `pattern`: folders that match it but are excluded (`!packages/legacy`). */
  except?: readonly string[];
  /** Who declares it, for the report: `Cargo workspace`, `go.work`, `Rails application`. */
  by: string;
  /**
   * The schema of the application beside it (a root Alembic environment, `prisma/`): its files
   * join the change's one other scope, and form a scope of their own only when alone.
   */
  attached?: boolean;
}

/** What a unit reader may ask about the base: the listing and the descriptors' texts. */
export interface BaseView {
  /** Whether the base has this file: from the listing; undefined when the listing cannot say. */
  has(path: string): boolean | undefined;
  /** Listed base paths that match a glob; empty without a listing. */
  find(glob: string): readonly string[];
  /** A descriptor's base text: `null` when absent, undefined when not read. */
  text(path: string): string | null | undefined;
}

/** One build system's declaration of units. The registry is ./index.ts. */
export interface UnitReader {
  /** The build system, as docs/rules.md names it. */
  name: string;
  /**
   * The base files whose text or presence `read` needs. Known names are asked for even without a
   * listing (an adapter reads them, or finds them absent); names only a listing can find
   * (`*.sln`, `**\/apps.py`) come from `base.find`.
   */
  descriptors(base: BaseView): readonly string[];
  /** Files whose presence alone `read` needs: read only when there is no listing to say. */
  markers?(base: BaseView): readonly string[];
  /** The units, from what `descriptors` named. Pure; unparsable descriptors declare nothing. */
  read(base: BaseView): Unit[];
}

/** Whether the base has `path`: from the listing, else from a read of it; undefined when unknown. */
export function exists(base: BaseView, path: string): boolean | undefined {
  const listed = base.has(path);
  if (listed !== undefined) return listed;
  const text = base.text(path);
  return text === undefined ? undefined : text !== null;
}

/** A member path as build files write it (`./crates/a/`, `crates\\a`), as a folder: `crates/a`; `""` for the root. */
export function toFolder(path: string): string {
  const folder = path
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(?:\.\/)+/, "")
    .replace(/\/+$/, "");
  return folder === "." ? "" : folder;
}

/** The folder of a file path: `a/b/c.ts` → `a/b`, `c.ts` → `""`. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
