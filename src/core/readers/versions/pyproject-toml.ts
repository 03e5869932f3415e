import { parse as parseToml } from "smol-toml";
import { asString, baseName, type VersionReader } from "./version-reader.js";

/** pyproject.toml (smol-toml): `[project] version`, else `[tool.poetry] version`. */
export const pyprojectVersion: VersionReader = {
  format: "pyproject.toml",
  matches: (path) => baseName(path) === "pyproject.toml",
  read(text) {
    try {
      const doc = parseToml(text) as { project?: { version?: unknown }; tool?: { poetry?: { version?: unknown } } };
      return asString(doc.project?.version) ?? asString(doc.tool?.poetry?.version);
    } catch {
      return undefined;
    }
  },
};
