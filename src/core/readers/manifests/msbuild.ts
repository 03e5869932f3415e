import { XMLParser } from "fast-xml-parser";
import { baseName, type DependencyEntry, type ManifestReader, stableString } from "./manifest-reader.js";

const ITEMS = ["PackageReference", "PackageVersion", "GlobalPackageReference"];

/**
 * MSBuild project files (`.csproj`, `.fsproj`, `.vbproj`), `Directory.Packages.props`,
 * `Directory.Build.props`/`.targets` and `packages.config` (parsed with fast-xml-parser): every
 * `PackageReference`, `PackageVersion` and `GlobalPackageReference` with its version (attribute,
 * child element or `VersionOverride`), and packages.config's `<package>`. `ProjectReference`s are
 * the solution's own projects.
 */
export const msbuild: ManifestReader = {
  format: ".csproj and Directory.Packages.props",
  lockfile: false,
  matches: (path) =>
    /\.(?:cs|fs|vb)proj$/.test(path) ||
    ["Directory.Packages.props", "Directory.Build.props", "Directory.Build.targets", "packages.config"].includes(
      baseName(path),
    ),
  read(text) {
    const entries: DependencyEntry[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (ITEMS.includes(key) || key === "package")
          for (const item of value as Array<Record<string, unknown>>) {
            const name = item.Include ?? item.Update ?? item.id;
            const version = item.Version ?? item.VersionOverride ?? item.version ?? "";
            if (name !== undefined) entries.push({ section: key, name: String(name), value: stableString(version) });
          }
        else visit(value);
      }
    };
    visit(parser.parse(text));
    return entries;
  },
};

/** NuGet's packages.lock.json: resolved versions per target framework; project references left out. */
export const nugetLock: ManifestReader = {
  format: "packages.lock.json",
  lockfile: true,
  matches: (path) => baseName(path) === "packages.lock.json",
  read(text) {
    const lock = JSON.parse(text) as {
      dependencies?: Record<string, Record<string, { type?: string; resolved?: string; contentHash?: string }>>;
    };
    return Object.entries(lock.dependencies ?? {}).flatMap(([framework, packages]) =>
      Object.entries(packages)
        .filter(([, p]) => p.type !== "Project")
        .map(([name, p]) => ({ section: framework, name, value: `${p.resolved ?? ""} ${p.contentHash ?? ""}`.trim() })),
    );
  },
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => [...ITEMS, "package", "ItemGroup"].includes(name),
});
