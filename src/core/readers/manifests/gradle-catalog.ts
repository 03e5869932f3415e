import { parse as parseToml } from "smol-toml";
import { type ManifestReader, stableString } from "./manifest-reader.js";

/** Gradle version catalogs (`gradle/*.versions.toml`, parsed with smol-toml): `[versions]`, `[libraries]`, `[plugins]`, `[bundles]`. */
export const gradleCatalog: ManifestReader = {
  format: "gradle/libs.versions.toml",
  lockfile: false,
  matches: (path) => /(?:^|\/)gradle\/[^/]+\.versions\.toml$/.test(path),
  read(text) {
    const catalog = parseToml(text) as Record<string, Record<string, unknown>>;
    return ["versions", "libraries", "plugins", "bundles"].flatMap((section) =>
      Object.entries(catalog[section] ?? {}).map(([name, value]) => ({
        section: `[${section}]`,
        name,
        value: stableString(value),
      })),
    );
  },
};

/**
 * gradle-wrapper.properties: the Gradle distribution the build runs with (`distributionUrl`, its
 * `distributionSha256Sum`): the build tool is a dependency. A Java properties file, read by a
 * tokenizer (`key=value` or `key: value`, `#`/`!` comments, `\:` escapes).
 */
export const gradleWrapper: ManifestReader = {
  format: "gradle-wrapper.properties",
  lockfile: false,
  matches: (path) => path.endsWith("gradle/wrapper/gradle-wrapper.properties"),
  read: (text) =>
    readProperties(text)
      .filter(([key]) => key === "distributionUrl" || key === "distributionSha256Sum")
      .map(([name, value]) => ({ section: "wrapper", name, value })),
};

/** Java properties as `[key, value]` pairs, unescaped. */
export function readProperties(text: string): Array<[string, string]> {
  return text
    .replace(/\\\r?\n\s*/g, "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"))
    .map((line): [string, string] => {
      const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
      return [(m?.[1] ?? line).replace(/\\(.)/g, "$1"), (m?.[2] ?? "").replace(/\\(.)/g, "$1")];
    });
}
