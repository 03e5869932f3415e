import type { ChangedFile } from "./change.js";
import {
  judgeAnyLine,
  judgeCargoToml,
  judgeComposerJson,
  judgePackageJson,
  judgeProjectFile,
  judgePyprojectToml,
  type LineJudgeFactory,
} from "./judge-dependency-lines.js";
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

const MOSTLY_DEPENDENCY_MANIFESTS = new Set(["go.mod", "pom.xml", "Gemfile", "Pipfile", "build.gradle", "build.gradle.kts", "Directory.Packages.props"]);

/** The files of a change that edit dependencies: lockfiles, and manifests whose dependency part changed. */
export function findDependencyChanges(files: readonly ChangedFile[]): DependencyChange[] {
  return files.flatMap((file) => {
    const found = judgeFile(file);
    return found ? [found] : [];
  });
}

function judgeFile(file: ChangedFile): DependencyChange | undefined {
  const names = [file.path, file.previousPath].filter((p): p is string => p !== undefined);
  if (names.some((p) => LOCKFILES.has(basename(p)))) return { path: file.path, reason: "is a lockfile" };
  const judge = names.map(chooseJudge).find((j) => j !== undefined);
  if (!judge) return undefined;
  if (file.patch === undefined) {
    if (file.additions + file.deletions === 0 && file.status !== "added" && file.status !== "removed") return undefined;
    return { path: file.path, reason: "is a dependency manifest and its diff is not available, so it counts as changed" };
  }
  const edit = findDependencyEdit(file.patch, judge);
  if (!edit) return undefined;
  const shown = edit.labels.slice(0, 3).join(", ");
  const reason = `changes ${shown}${edit.labels.length > 3 ? ` and ${edit.labels.length - 3} more` : ""}`;
  return file.status === "removed" ? { path: file.path, reason } : { path: file.path, reason, line: edit.line };
}

function chooseJudge(path: string): LineJudgeFactory | undefined {
  const name = basename(path);
  if (name === "package.json") return judgePackageJson;
  if (name === "composer.json") return judgeComposerJson;
  if (name === "Cargo.toml") return judgeCargoToml;
  if (name === "pyproject.toml") return judgePyprojectToml;
  if (/\.(?:cs|fs|vb)proj$/.test(name)) return judgeProjectFile;
  if (MOSTLY_DEPENDENCY_MANIFESTS.has(name)) return judgeAnyLine;
  if (/^(?:requirements|constraints).*\.txt$/.test(name) || /(?:^|\/)requirements\/[^/]+\.txt$/.test(path)) return judgeAnyLine;
  return undefined;
}

function findDependencyEdit(patch: string, factory: LineJudgeFactory): { labels: string[]; line: number } | undefined {
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
      const label = patchLine.text.trim() === "" ? undefined : side.judge(patchLine.text);
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
