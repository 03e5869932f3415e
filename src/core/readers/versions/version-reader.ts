/**
 * One reader per format that declares the project's own version (SPEC §9 "The project's own
 * version is read per format by default"). A reader parses the whole file; the rule compares the
 * version at the base with the version at the head.
 */
export interface VersionReader {
  /** The format, as docs/rules.md names it. */
  format: string;
  /** True for the files this reader reads by default, without `versioning.files`. */
  matches(path: string): boolean;
  /** The version the file declares for its project, or undefined when it declares none. Never throws. */
  read(text: string): string | undefined;
  /**
   * True for a reader of single lines (no parse of the whole file): it may read the lines a diff
   * shows of a side whose text could not be read.
   */
  lineBased?: boolean;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
