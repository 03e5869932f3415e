import { parse as parseToml } from "smol-toml";
import { asString, baseName, type VersionReader } from "./version-reader.js";

/**
 * Cargo.toml (smol-toml): `[package] version`, else `[workspace.package] version`. A crate that
 * inherits it (`version.workspace = true`) declares none of its own; dependency tables are never read.
 */
export const cargoTomlVersion: VersionReader = {
  format: "Cargo.toml",
  matches: (path) => baseName(path) === "Cargo.toml",
  read(text) {
    try {
      const manifest = parseToml(text) as {
        package?: { version?: unknown };
        workspace?: { package?: { version?: unknown } };
      };
      return asString(manifest.package?.version) ?? asString(manifest.workspace?.package?.version);
    } catch {
      return undefined;
    }
  },
};
