import { readProperties } from "../manifests/gradle-catalog.js";
import { baseName, type VersionReader } from "./version-reader.js";

/** gradle.properties: `version`, or `VERSION_NAME` (the convention of the Maven publish plugin). */
export const gradlePropertiesVersion: VersionReader = {
  lineBased: true,
  format: "gradle.properties",
  matches: (path) => baseName(path) === "gradle.properties",
  read(text) {
    const properties = new Map(readProperties(text));
    return properties.get("version") || properties.get("VERSION_NAME") || undefined;
  },
};
