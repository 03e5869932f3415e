import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The engine is pure: src/core and src/rules know nothing of GitHub, git, the file system, the
 * environment or the clock. Only the edges (app, action, cli, github, sources, server) do I/O.
 */
const SRC = resolve(import.meta.dirname, "../src");
const PURE_FOLDERS = ["core", "rules"];
const PURE_MAY_IMPORT = new Set(["semver", "minimatch", "zod", "re2js"]);
const PURE_MAY_REACH = ["core", "rules", "config"];
const FORBIDDEN_CALLS = [
  /\bprocess\./,
  /\bDate\.now\(/,
  /\bnew Date\(\)/,
  /\bMath\.random\(/,
  /\bfetch\(/,
  /\bconsole\./,
];

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(folder, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(folder, entry.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gm)].map(
    (m) => m[1] ?? "",
  );
}

const pureFiles = PURE_FOLDERS.flatMap((folder) => listFiles(join(SRC, folder)));

describe("the engine stays pure", () => {
  it.each(pureFiles.map((file) => [relative(SRC, file), file]))(
    "%s imports only the engine and its pure libraries",
    (_name, file) => {
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith(".")) {
          const target = relative(SRC, resolve(file, "..", specifier)).split("/")[0] ?? "";
          expect(PURE_MAY_REACH, `${specifier} in ${file}`).toContain(target);
        } else {
          expect([...PURE_MAY_IMPORT], `${specifier} in ${file}`).toContain(specifier);
        }
      }
    },
  );

  it.each(pureFiles.map((file) => [relative(SRC, file), file]))(
    "%s reads no environment, clock or network",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      for (const call of FORBIDDEN_CALLS) expect(text, `${call} in ${file}`).not.toMatch(call);
    },
  );

  it("config, reached by the engine, does no I/O either", () => {
    for (const file of listFiles(join(SRC, "config")).filter((f) => !f.endsWith("build-json-schema.ts"))) {
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith("."))
          expect(["zod", "yaml", "re2js", "minimatch"], `${specifier} in ${file}`).toContain(specifier);
      }
    }
  });
});

describe("entry files only wire", () => {
  it.each(["server/main.ts", "action/main.ts", "cli/main.ts"])(
    "src/%s is short and has no branching logic of its own",
    (entry) => {
      const code = readFileSync(join(SRC, entry), "utf8")
        .split("\n")
        .filter((line) => line.trim() && !line.trim().startsWith("//"));
      expect(code.length).toBeLessThanOrEqual(15);
    },
  );
});
