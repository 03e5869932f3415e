import { XMLParser } from "fast-xml-parser";
import { asString, baseName, type VersionReader } from "./version-reader.js";

/**
 * MSBuild (`.csproj`, `.fsproj`, `.vbproj`, `Directory.Build.props`; fast-xml-parser): the first
 * `<Version>` of a `<PropertyGroup>`, else `<VersionPrefix>` with its `<VersionSuffix>`.
 */
export const msbuildVersion: VersionReader = {
  format: ".csproj and Directory.Build.props",
  matches: (path) => /\.(?:cs|fs|vb)proj$/.test(path) || baseName(path) === "Directory.Build.props",
  read(text) {
    try {
      const groups = (parser.parse(text) as { Project?: { PropertyGroup?: Array<Record<string, unknown>> } }).Project
        ?.PropertyGroup;
      const first = (key: string) => groups?.map((g) => asString(g[key])).find((v) => v !== undefined);
      const prefix = first("VersionPrefix");
      const suffix = first("VersionSuffix");
      return first("Version") ?? (prefix && suffix ? `${prefix}-${suffix}` : prefix);
    } catch {
      return undefined;
    }
  },
};

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => name === "PropertyGroup",
});
