import { XMLParser } from "fast-xml-parser";
import { folderOf, toFolder, type UnitReader } from "./unit.js";

/**
 * The projects of the .NET solutions at the root: each project's folder is a unit. A `.sln` is a
 * line format with no parser in npm, read by its `Project(...) = "name", "path", "{guid}"` lines
 * (solution folders, whose path is no project file, are skipped); a `.slnx` is XML, read with
 * fast-xml-parser. Solutions have no fixed name, so only a listed base finds them.
 */
export const dotnetSolution: UnitReader = {
  name: ".NET solution",
  descriptors: (base) => [...base.find("*.sln"), ...base.find("*.slnx")],
  read(base) {
    return this.descriptors(base).flatMap((path) => {
      const text = base.text(path);
      if (!text) return [];
      const projects = path.endsWith(".slnx") ? readSlnx(text) : readSln(text);
      return projects.map((project) => ({ folder: folderOf(toFolder(project)), by: ".NET project" }));
    });
  },
};

const PROJECT_FILE = /\.(?:cs|fs|vb|vcx|sql)proj$/i;

export function readSln(text: string): string[] {
  const projects: string[] = [];
  for (const m of text.matchAll(/^\s*Project\("[^"]*"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+)"/gm))
    if (PROJECT_FILE.test(m[1] ?? "")) projects.push(m[1] ?? "");
  return projects;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: () => true });

function readSlnx(text: string): string[] {
  const paths: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if (key === "Project")
          for (const p of value as Array<{ Path?: unknown }>) if (typeof p.Path === "string") paths.push(p.Path);
        visit(value);
      }
  };
  try {
    visit(parser.parse(text));
  } catch {
    return [];
  }
  return paths.filter((p) => PROJECT_FILE.test(p));
}
