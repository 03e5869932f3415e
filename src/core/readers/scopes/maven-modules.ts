import { XMLParser } from "fast-xml-parser";
import { toFolder, type UnitReader } from "./unit.js";

/** The root pom.xml's `<modules>` (and those of its profiles): each module folder is a unit. Parsed with fast-xml-parser. */
export const mavenModules: UnitReader = {
  name: "Maven modules",
  descriptors: () => ["pom.xml"],
  read(base) {
    const text = base.text("pom.xml");
    if (!text) return [];
    return readModules(text).map((path) => ({ folder: toFolder(path), by: "Maven module" }));
  },
};

const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === "module" || name === "profile" });

export function readModules(text: string): string[] {
  try {
    const project = (parser.parse(text) as { project?: Pom & { profiles?: { profile?: Pom[] } } }).project;
    if (!project) return [];
    const poms: Pom[] = [project, ...(project.profiles?.profile ?? [])];
    return poms.flatMap((pom) => (pom.modules?.module ?? []).filter((m): m is string => typeof m === "string"));
  } catch {
    return [];
  }
}

interface Pom {
  modules?: { module?: unknown[] };
}
