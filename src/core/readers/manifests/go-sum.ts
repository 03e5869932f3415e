import { baseName, type ManifestReader } from "./manifest-reader.js";

/** go.sum and go.work.sum: one checksum line per module version (`module version[/go.mod] h1:…`). */
export const goSum: ManifestReader = {
  format: "go.sum",
  lockfile: true,
  matches: (path) => ["go.sum", "go.work.sum"].includes(baseName(path)),
  read: (text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim().split(/\s+/))
      .filter((parts) => parts.length >= 3)
      .map(([module = "", version = "", hash = ""]) => ({
        section: "checksums",
        name: `${module} ${version}`,
        value: hash,
      })),
};
