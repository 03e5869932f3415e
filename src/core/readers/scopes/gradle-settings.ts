import { toFolder, type UnitReader } from "./unit.js";

/**
 * Gradle projects included by settings.gradle or settings.gradle.kts: `include ':a:b'`,
 * `include("a", "b")`, each in folder `a/b` unless `project(':a:b').projectDir = file('x')` moves
 * it. Gradle scripts have no parser outside Gradle: a tokenizer finds the string literals of each
 * `include` statement, outside comments.
 */
export const gradleSettings: UnitReader = {
  name: "Gradle settings",
  descriptors: () => ["settings.gradle", "settings.gradle.kts"],
  read(base) {
    const text = base.text("settings.gradle") ?? base.text("settings.gradle.kts");
    if (!text) return [];
    return readIncludedProjects(text).map((folder) => ({ folder, by: "Gradle project" }));
  },
};

export function readIncludedProjects(text: string): string[] {
  const code = stripComments(text);
  const moved = new Map<string, string>();
  for (const m of code.matchAll(
    /project\(\s*["']([^"']+)["']\s*\)\.projectDir\s*=\s*(?:file|new\s+File)\(\s*(?:rootDir\s*,\s*|"\$rootDir\/)?["']?([^"')]+)["']?\s*\)/g,
  ))
    moved.set(normalizeProject(m[1] ?? ""), toFolder(m[2] ?? ""));
  const folders: string[] = [];
  for (const statement of code.matchAll(/\binclude\s*\(?((?:\s*,?\s*(?:"[^"]*"|'[^']*'))+)\s*\)?/g)) {
    for (const literal of (statement[1] ?? "").matchAll(/"([^"]*)"|'([^']*)'/g)) {
      const project = normalizeProject(literal[1] ?? literal[2] ?? "");
      if (project) folders.push(moved.get(project) ?? project.replace(/:/g, "/"));
    }
  }
  return folders;
}

function normalizeProject(name: string): string {
  return name.trim().replace(/^:/, "");
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
}
