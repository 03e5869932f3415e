import { baseName, type VersionReader } from "./version-reader.js";

/**
 * A Python package's `__version__` (the version the app reports and upgrades by): in the
 * top-level package's `__init__.py` (`pkg/__init__.py`, `src/pkg/__init__.py`) or in a
 * `__version__.py`, `_version.py` or `__about__.py`. Python has no parser in npm: the reader takes
 * the first `__version__ = "…"` assignment at the start of a line.
 */
export const pythonPackageVersion: VersionReader = {
  lineBased: true,
  format: "Python __version__",
  matches: (path) =>
    /^(?:src\/)?[A-Za-z_][\w]*\/__init__\.py$/.test(path) ||
    ["__version__.py", "_version.py", "__about__.py"].includes(baseName(path)),
  read: (text) => /^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']/m.exec(text)?.[1],
};
