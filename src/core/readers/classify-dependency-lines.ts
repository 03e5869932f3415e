import semver from "semver";
import { readJsonLineKey, trackJsonBlocks } from "./track-json-blocks.js";
import { readTomlHeader, readTomlLineKey, trackTomlTables } from "./track-toml-tables.js";
import { codeSpan } from "../safe-text.js";

/**
 * Per-manifest classifiers of changed lines. A classifier follows one side of a hunk (base or head): `read`
 * every line of that side in order, and ask `classify` about a changed line before reading it. The
 * answer names what the line changes (`` `devDependencies` ``), or is undefined when the line is
 * not a dependency edit.
 */
export interface LineClassifier {
  classify(line: string): string | undefined;
  read(line: string): void;
}

/** `atFileStart`: the hunk starts at line 1 of this side. `section`: the hunk header's context text. */
export type LineClassifierFactory = (atFileStart: boolean, section: string) => LineClassifier;

const PACKAGE_JSON_BLOCKS = new Set([
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
  "bundleDependencies",
  "bundledDependencies",
  "overrides",
  "resolutions",
]);
const COMPOSER_JSON_BLOCKS = new Set(["require", "require-dev"]);

/** Keys whose string value may look like a version range but never names a dependency. */
const SCALAR_KEYS = new Set([
  "name",
  "version",
  "description",
  "main",
  "module",
  "types",
  "typings",
  "browser",
  "license",
  "author",
  "homepage",
  "type",
  "packageManager",
  "private",
  "node",
  "npm",
  "yarn",
  "pnpm",
  "bun",
  "minimum-stability",
  "edition",
  "rust-version",
  "readme",
  "repository",
  "documentation",
  "requires-python",
  "resolver",
  "build",
  "links",
  "default-run",
]);

export const classifyPackageJson: LineClassifierFactory = (atFileStart) =>
  classifyJson(atFileStart, PACKAGE_JSON_BLOCKS);
export const classifyComposerJson: LineClassifierFactory = (atFileStart) =>
  classifyJson(atFileStart, COMPOSER_JSON_BLOCKS);

function classifyJson(atFileStart: boolean, blocks: ReadonlySet<string>): LineClassifier {
  const tracker = trackJsonBlocks(atFileStart);
  return {
    read: tracker.read,
    classify(line) {
      const { known, keys } = tracker.position();
      const named = keys.filter((k): k is string => k !== null);
      const block = named.find((k) => blocks.has(k));
      if (block) return `${codeSpan(named.includes("pnpm") && block === "overrides" ? "pnpm.overrides" : block)}`;
      const own = readJsonLineKey(line);
      if (own !== undefined && blocks.has(own)) return `${codeSpan(own)}`;
      if (known || named.length > 0) return undefined;
      // The hunk does not show the enclosing block: classify by the line's shape.
      const pair = /^\s*"((?:[^"\\]|\\.)+)"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,?\s*$/.exec(line);
      if (!pair?.[1] || SCALAR_KEYS.has(pair[1]) || !looksLikeVersionRange(pair[2] ?? "")) return undefined;
      return `the version of ${codeSpan(pair[1])}`;
    },
  };
}

const CARGO_TABLE = /^(?:workspace\.|target\..+\.)?(?:dev-|build-)?dependencies(?:\..+)?$|^patch\..+$|^replace$/;

export const classifyCargoToml: LineClassifierFactory = (atFileStart, section) => {
  const tracker = trackTomlTables(atFileStart ? "" : readTomlHeader(section));
  return {
    read: tracker.read,
    classify(line) {
      const header = readTomlHeader(line);
      const table = header ?? tracker.position().table;
      if (table !== undefined) return CARGO_TABLE.test(table) ? `\`[${table}]\`` : undefined;
      return classifyTomlShape(line);
    },
  };
};

const PYPROJECT_TABLE =
  /^(?:project\.optional-dependencies|dependency-groups|tool\.poetry\.(?:dev-)?dependencies|tool\.poetry\.group\..+\.dependencies|tool\.pdm\.dev-dependencies|tool\.uv\.sources)$/;
const PYPROJECT_ARRAY =
  /(?:^|\.)(?:dependencies|requires|dev-dependencies|constraint-dependencies|override-dependencies)$/;

export const classifyPyprojectToml: LineClassifierFactory = (atFileStart, section) => {
  const tracker = trackTomlTables(atFileStart ? "" : readTomlHeader(section));
  return {
    read: tracker.read,
    classify(line) {
      const header = readTomlHeader(line);
      const { table, arrayKey } = tracker.position();
      if (header !== undefined && arrayKey === undefined)
        return PYPROJECT_TABLE.test(header) ? `\`[${header}]\`` : undefined;
      if (table !== undefined && PYPROJECT_TABLE.test(table)) return `\`[${table}]\``;
      const key = arrayKey ?? (line.includes("[") ? readTomlLineKey(line) : undefined);
      if (key !== undefined && PYPROJECT_ARRAY.test(key)) return codeSpan(`${table ? `${table}.` : ""}${key}`);
      if (table !== undefined || arrayKey !== undefined) return undefined;
      const requirement = /^\s*["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~]=|===|[<>@;])/.exec(line);
      if (requirement) return `the requirement ${codeSpan(requirement[1] ?? "")}`;
      return classifyTomlShape(line);
    },
  };
};

/** A `name = "^1.2"` or `name = { version = … }` line, for a hunk that does not show its table. */
function classifyTomlShape(line: string): string | undefined {
  const key = readTomlLineKey(line);
  if (key === undefined) return undefined;
  const name = key.replace(/\.workspace$/, "");
  if (SCALAR_KEYS.has(name)) return undefined;
  const value = line.slice(line.indexOf("=") + 1).trim();
  const quoted = /^"([^"]*)"|^'([^']*)'/.exec(value);
  const isDependency =
    key.endsWith(".workspace") ||
    /^\{.*\b(?:version|path|git|workspace)\s*=/.test(value) ||
    (quoted !== null && looksLikeVersionRange(quoted[1] ?? quoted[2] ?? ""));
  return isDependency ? `the version of ${codeSpan(name)}` : undefined;
}

export const classifyProjectFile: LineClassifierFactory = () => {
  let inReference = false;
  return {
    classify: (line) =>
      inReference || /<Package(?:Reference|Version)\b/.test(line) ? "a `PackageReference`" : undefined,
    read(line) {
      if (/<\/PackageReference>/.test(line)) inReference = false;
      else if (/<PackageReference\b/.test(line) && !/\/>/.test(line)) inReference = true;
    },
  };
};

/** For manifests that hold little besides dependencies: every line that is not a comment counts. */
export const classifyAnyLine: LineClassifierFactory = () => ({
  classify(line) {
    const text = line.trim();
    if (/^(?:#|\/\/|<!--.*-->$)/.test(text)) return undefined;
    return codeSpan(text.length > 80 ? `${text.slice(0, 79)}…` : text);
  },
  read() {},
});

function looksLikeVersionRange(value: string): boolean {
  const text = value.trim();
  if (text === "") return false;
  if (/^(?:npm|workspace|file|link|portal|patch|catalog|github|gitlab|bitbucket|git(?:\+[a-z]+)?|https?):/.test(text))
    return true;
  if (/^(?:latest|next)$/.test(text)) return true;
  // Python-style specifiers (`>=2.0,<3`) that semver does not read.
  if (/^(?:[<>=!~]=?|===)\s*\d/.test(text)) return true;
  return semver.validRange(text) !== null;
}
