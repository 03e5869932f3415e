import { baseName, type VersionReader } from "./version-reader.js";

/**
 * A `VERSION` or `version` file (also `.txt`, and the dotfile `.version` some projects keep it in,
 * koel among them): its first non-blank line.
 */
export const versionFile: VersionReader = {
  lineBased: true,
  format: "VERSION file",
  matches: (path) => /^\.?(?:VERSION|version)(?:\.txt)?$/.test(baseName(path)),
  read: (text) =>
    text
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.trim(),
};
