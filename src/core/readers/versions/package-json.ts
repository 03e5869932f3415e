import { asString, baseName, type VersionReader } from "./version-reader.js";

/** package.json: the top-level `version`. */
export const packageJsonVersion: VersionReader = {
  format: "package.json",
  matches: (path) => baseName(path) === "package.json",
  read(text) {
    try {
      return asString((JSON.parse(text) as { version?: unknown }).version);
    } catch {
      return undefined;
    }
  },
};
