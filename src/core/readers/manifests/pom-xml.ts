import { XMLParser } from "fast-xml-parser";
import { baseName, type DependencyEntry, type ManifestReader } from "./manifest-reader.js";

/**
 * pom.xml (parsed with fast-xml-parser): `<dependencies>`, `<dependencyManagement>`, the build's
 * `<plugins>`, `<pluginManagement>` and `<extensions>`, the same in `<profiles>`, and `<parent>`.
 * Versions are resolved through the pom's `<properties>`, so a bump of `${beetl.version}` is a
 * dependency edit. Left out, as the project's own: `/project/version`; a `<parent>` the project
 * inherits its version from (no `<version>` of its own: the reactor's parent); and a dependency on
 * a module of the same reactor (the project's groupId at the project's version).
 */
export const pomXml: ManifestReader = {
  format: "pom.xml",
  lockfile: false,
  matches: (path) => baseName(path) === "pom.xml",
  read(text) {
    const project = (parser.parse(text) as { project?: Pom }).project;
    if (!project) throw new Error("no <project> element");
    const properties = Object.fromEntries(
      Object.entries(project.properties ?? {}).map(([key, value]) => [key, String(value)]),
    );
    const resolve = (value: unknown) => resolveProperties(String(value ?? ""), properties);
    const groupId = String(project.groupId ?? project.parent?.groupId ?? "");
    const version = project.version ?? project.parent?.version;
    const isOwnVersion = (v: unknown) =>
      /^\$\{(?:project\.(?:parent\.)?version|parent\.version|version)\}$/.test(String(v ?? "")) ||
      (version !== undefined && String(v) === String(version));
    const entries: DependencyEntry[] = [];
    const readBuild = (prefix: string, pom: Pom) => {
      for (const [section, list] of [
        ["<dependencies>", pom.dependencies?.dependency],
        ["<dependencyManagement>", pom.dependencyManagement?.dependencies?.dependency],
      ] as const)
        for (const d of list ?? []) {
          if (String(d.groupId) === groupId && isOwnVersion(d.version)) continue;
          const coordinates = [d.groupId, d.artifactId, d.type, d.classifier].filter(Boolean).join(":");
          const value = [resolve(d.version), d.scope, d.optional === "true" ? "optional" : ""]
            .filter(Boolean)
            .join(" ");
          entries.push({ section: `${prefix}${section}`, name: coordinates, value });
        }
      for (const [section, list] of [
        ["<plugins>", pom.build?.plugins?.plugin],
        ["<pluginManagement>", pom.build?.pluginManagement?.plugins?.plugin],
        ["<extensions>", pom.build?.extensions?.extension],
      ] as const)
        for (const p of list ?? [])
          entries.push({
            section: `${prefix}${section}`,
            name: `${p.groupId ?? "org.apache.maven.plugins"}:${p.artifactId}`,
            value: resolve(p.version),
          });
    };
    readBuild("", project);
    for (const profile of project.profiles?.profile ?? []) readBuild(`<profile ${profile.id ?? ""}> `, profile);
    const parent = project.parent;
    if (
      parent &&
      project.version !== undefined &&
      !(String(parent.groupId) === groupId && String(parent.version) === String(version))
    )
      entries.push({
        section: "<parent>",
        name: `${parent.groupId}:${parent.artifactId}`,
        value: resolve(parent.version),
      });
    return entries;
  },
};

interface Coordinates {
  groupId?: string;
  artifactId?: string;
  version?: string;
  type?: string;
  classifier?: string;
  scope?: string;
  optional?: string;
}

interface Pom {
  groupId?: string;
  version?: string;
  parent?: Coordinates;
  id?: string;
  properties?: Record<string, unknown>;
  dependencies?: { dependency?: Coordinates[] };
  dependencyManagement?: { dependencies?: { dependency?: Coordinates[] } };
  build?: {
    plugins?: { plugin?: Coordinates[] };
    pluginManagement?: { plugins?: { plugin?: Coordinates[] } };
    extensions?: { extension?: Coordinates[] };
  };
  profiles?: { profile?: Pom[] };
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ["dependency", "plugin", "extension", "profile"].includes(name),
});

function resolveProperties(value: string, properties: Record<string, string>): string {
  let resolved = value;
  for (let i = 0; i < 5 && /\$\{[^}]+\}/.test(resolved); i++)
    resolved = resolved.replace(/\$\{([^}]+)\}/g, (ref, name: string) => properties[name] ?? ref);
  return resolved;
}
