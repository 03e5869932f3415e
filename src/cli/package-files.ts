import { readFileSync } from "node:fs";

/**
 * Files shipped with the package, found next to the code: `src/cli/` and `dist/cli/` are both two
 * levels below the package root, so the same relative path works from the sources and the build.
 */
export function readPackageFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
}

export function readPackageVersion(): string {
  return (JSON.parse(readPackageFile("package.json")) as { version: string }).version;
}
