import type { ChangedFile } from "../change.js";
import {
  classifyAnyLine,
  classifyCargoToml,
  classifyComposerJson,
  classifyPackageJson,
  classifyProjectFile,
  classifyPyprojectToml,
  type LineClassifierFactory,
} from "./classify-dependency-lines.js";
import { readPatchHunks } from "./read-patch-hunks.js";

export interface DependencyChange {
  path: string;
  /** Completes the sentence "`path` …": `is a lockfile`, `` changes `devDependencies` ``. */
  reason: string;
  /** Head line of the first dependency edit, when the diff shows one and the file still exists. */
  line?: number;
}

const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "Gemfile.lock",
  "Cargo.lock",
  "go.sum",
  "poetry.lock",
  "Pipfile.lock",
  "composer.lock",
  "uv.lock",
  "mix.lock",
  "pubspec.lock",
  "Podfile.lock",
  "packages.lock.json",
  "gradle.lockfile",
]);

const MOSTLY_DEPENDENCY_MANIFESTS = new Set([
  "go.mod",
  "pom.xml",
  "Gemfile",
  "Pipfile",
  "build.gradle",
  "build.gradle.kts",
  "Directory.Packages.props",
]);

/** The files of a change that edit dependencies: lockfiles, and manifests whose dependency part changed. */
export function findDependencyChanges(files: readonly ChangedFile[]): DependencyChange[] {
  return files.flatMap((file) => {
    const found = findManifestChange(file);
    return found ? [found] : [];
  });
}

function findManifestChange(file: ChangedFile): DependencyChange | undefined {
  const names = [file.path, file.previousPath].filter((p): p is string => p !== undefined);
  if (names.some((p) => LOCKFILES.has(basename(p)))) return { path: file.path, reason: "is a lockfile" };
  const classifier = names.map(chooseClassifier).find((j) => j !== undefined);
  if (!classifier) return undefined;
  if (file.patch === undefined) {
    if (file.additions + file.deletions === 0 && file.status !== "added" && file.status !== "removed") return undefined;
    return {
      path: file.path,
      reason: "is a dependency manifest and its diff is not available, so it counts as changed",
    };
  }
  const edit = findDependencyEdit(file.patch, classifier);
  if (!edit) return undefined;
  const shown = edit.labels.slice(0, 3).join(", ");
  const reason = `changes ${shown}${edit.labels.length > 3 ? ` and ${edit.labels.length - 3} more` : ""}`;
  return file.status === "removed" ? { path: file.path, reason } : { path: file.path, reason, line: edit.line };
}

function chooseClassifier(path: string): LineClassifierFactory | undefined {
  const name = basename(path);
  if (name === "package.json") return classifyPackageJson;
  if (name === "composer.json") return classifyComposerJson;
  if (name === "Cargo.toml") return classifyCargoToml;
  if (name === "pyproject.toml") return classifyPyprojectToml;
  if (/\.(?:cs|fs|vb)proj$/.test(name)) return classifyProjectFile;
  if (MOSTLY_DEPENDENCY_MANIFESTS.has(name)) return classifyAnyLine;
  if (/^(?:requirements|constraints).*\.txt$/.test(name) || /(?:^|\/)requirements\/[^/]+\.txt$/.test(path))
    return classifyAnyLine;
  return undefined;
}

function findDependencyEdit(
  patch: string,
  factory: LineClassifierFactory,
): { labels: string[]; line: number } | undefined {
  const labels: string[] = [];
  let line: number | undefined;
  for (const hunk of readPatchHunks(patch)) {
    const base = factory(hunk.baseStart <= 1, hunk.section);
    const head = factory(hunk.headStart <= 1, hunk.section);
    for (const patchLine of hunk.lines) {
      if (patchLine.kind === "context") {
        base.read(patchLine.text);
        head.read(patchLine.text);
        continue;
      }
      const side = patchLine.kind === "added" ? head : base;
      const label = patchLine.text.trim() === "" ? undefined : side.classify(patchLine.text);
      side.read(patchLine.text);
      if (label === undefined) continue;
      if (!labels.includes(label)) labels.push(label);
      line ??= Math.max(1, patchLine.headLine);
    }
  }
  return line === undefined ? undefined : { labels, line };
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
