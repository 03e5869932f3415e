import { XMLParser } from "fast-xml-parser";
import { asString, baseName, type VersionReader } from "./version-reader.js";

/**
 * pom.xml (fast-xml-parser): `/project/version`; a module without one inherits its parent's, so
 * `/project/parent/version` is its version (a reactor release bumps every module's parent).
 */
export const pomXmlVersion: VersionReader = {
  format: "pom.xml",
  matches: (path) => baseName(path) === "pom.xml",
  read(text) {
    try {
      const project = (parser.parse(text) as { project?: { version?: unknown; parent?: { version?: unknown } } })
        .project;
      return asString(project?.version) ?? asString(project?.parent?.version);
    } catch {
      return undefined;
    }
  },
};

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
