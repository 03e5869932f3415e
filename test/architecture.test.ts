import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The engine is pure: src/core and src/rules know nothing of GitHub, git, the file system, the
 * environment or the clock. Only the edges (server, app, action, cli, metrics, flows, sources, github,
 * trackers) do I/O.
 */
const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const PURE_FOLDERS = ["core", "rules"];
const PURE_MAY_IMPORT = new Set(["semver", "minimatch", "zod", "re2js", "yaml", "smol-toml", "fast-xml-parser"]);
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

describe("GitHub is called from src/github only", () => {
  const CALLS = [
    /\.rest\./,
    /\.graphql\b/,
    /\boctokit\.config\b/,
    /\boctokit\.request\b/,
    /\.paginate\b/,
    /\bapp\.auth\(/,
  ];

  it("no file outside src/github makes a REST or GraphQL call or builds a client", () => {
    const outside = listFiles(SRC).filter((file) => !relative(SRC, file).startsWith("github/"));
    const offenders = outside.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return CALLS.filter((call) => call.test(text)).map((call) => `${relative(SRC, file)}: ${call}`);
    });
    expect(offenders).toEqual([]);
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

/**
 * The import rules of .dependency-cruiser.cjs (also run by `npm run lint`): no import cycle, type
 * imports included; each src/ folder imports only the folders after it in
 * server → app|action|cli|metrics → flows → sources → github|trackers → render → rules → core → config;
 * handlers never import each other; src/ never imports tests, and bench/ never imports test/.
 */
async function findViolations(roots: string[], baseDir = ROOT): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(ROOT, ".dependency-cruiser.cjs"));
  const tsConfig = extractTSConfig(join(ROOT, "tsconfig.json"));
  const { output } = await cruise(roots, { ...options, baseDir }, undefined, { tsConfig });
  return (output as ICruiseResult).summary.violations.map((v) =>
    v.cycle?.length
      ? `${v.rule.name}: ${[v.from, ...v.cycle.map((step) => step.name)].join(" → ")}`
      : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
}

describe("imports follow the folder order", () => {
  it("src, support, bench, scripts and test break no import rule", async () => {
    expect(await findViolations(["src", "support", "bench", "scripts", "test"])).toEqual([]);
  });

  describe("the rules catch what they forbid", () => {
    const scratch = mkdtempSync(join(tmpdir(), "spo-architecture-"));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };

    it("an import cycle and an import against the folder order", async () => {
      write("src/core/engine.ts", 'import { rule } from "../rules/rule.js";\nexport const engine = rule;\n');
      write(
        "src/rules/rule.ts",
        'import type { engine } from "../core/engine.js";\nexport const rule = 1 as unknown as typeof engine;\n',
      );
      write("src/app/on-a.ts", 'import { b } from "./on-b.js";\nexport const a = b;\n');
      write("src/app/on-b.ts", "export const b = 1;\n");
      write("bench/run.ts", 'import { a } from "../test/helper.js";\nexport const run = a;\n');
      write("test/helper.ts", "export const a = 1;\n");

      const violations = await findViolations(["src", "bench", "test"], scratch);

      expect(violations).toContain("no-circular: src/core/engine.ts → src/rules/rule.ts → src/core/engine.ts");
      expect(violations).toContain("layers: core: src/core/engine.ts → src/rules/rule.ts");
      expect(violations).toContain("handlers are independent: src/app/on-a.ts → src/app/on-b.ts");
      expect(violations).toContain("bench does not reach into the tests: bench/run.ts → test/helper.ts");
    });
  });
});
