import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minimatch } from "minimatch";
import { describe, expect, it } from "vitest";

/**
 * There is no Docker engine in CI, so the image is checked against the package instead: what the
 * Dockerfile copies exists (or the build stage makes it), what it runs is what `npm run build`
 * writes, and the runtime has every package the compiled App imports.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

/** Dockerfile → stages of instructions; comments dropped, `\` continuations joined. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [from = "", , name] = args.split(/\s+/);
      stages.push({ from, ...(name ? { name } : {}), instructions: [] });
    } else stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

const stages = parseDockerfile(read("Dockerfile"));
const build = stages.find((s) => s.name === "build");
const runtime = stages.at(-1);
const pkg = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const buildTsconfig = JSON.parse(read("tsconfig.build.json")) as {
  compilerOptions: { outDir: string; rootDir: string };
};
const dockerignore = read(".dockerignore")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

const all = (stage: Stage | undefined, keyword: string) =>
  stage?.instructions.filter((i) => i.keyword === keyword) ?? [];
const copies = (stage: Stage | undefined) =>
  all(stage, "COPY").map((i) => {
    const from = /--from=(\S+)/.exec(i.args)?.[1];
    const paths = i.args.replace(/--\S+/g, "").trim().split(/\s+/);
    return { from, sources: paths.slice(0, -1), target: paths.at(-1) ?? "" };
  });

/** True when .dockerignore keeps `path` out of the build context (last matching pattern wins). */
function isIgnored(path: string): boolean {
  let ignored = false;
  for (const pattern of dockerignore) {
    const negated = pattern.startsWith("!");
    const glob = negated ? pattern.slice(1) : pattern;
    if (minimatch(path, glob, { dot: true }) || minimatch(path, `${glob}/**`, { dot: true })) ignored = !negated;
  }
  return ignored;
}

describe("Dockerfile", () => {
  it("has a build stage and a runtime stage on a pinned Node image", () => {
    expect(stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    for (const stage of stages) expect(stage.from).toMatch(/^node:\d+-[a-z]+-slim$/);
  });

  it("copies only files that exist in the repository and are in the build context", () => {
    const sources = stages.flatMap((stage) =>
      copies(stage)
        .filter((c) => !c.from)
        .flatMap((c) => c.sources),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), `${source} exists`).toBe(true);
      expect(isIgnored(source), `${source} is not in .dockerignore`).toBe(false);
    }
    expect(isIgnored(".env")).toBe(true);
    expect(isIgnored("node_modules")).toBe(true);
  });

  it("takes from the build stage only what `npm run build` writes, after copying what it reads", () => {
    const fromBuild = copies(runtime).filter((c) => c.from === "build");
    const workdir = all(build, "WORKDIR")[0]?.args;
    expect(fromBuild).toEqual([
      { from: "build", sources: [`${workdir}/${buildTsconfig.compilerOptions.outDir}`], target: "./dist" },
    ]);
    expect(pkg.scripts.build).toBe("tsc -p tsconfig.build.json");

    const order = build?.instructions.map((i) => `${i.keyword} ${i.args}`) ?? [];
    const buildAt = order.indexOf("RUN npm run build");
    expect(buildAt).toBeGreaterThan(0);
    const copiedBefore = copies({ from: "", instructions: (build?.instructions ?? []).slice(0, buildAt) }).flatMap(
      (c) => c.sources,
    );
    expect(copiedBefore).toEqual(
      expect.arrayContaining([
        "package.json",
        "package-lock.json",
        "tsconfig.json",
        "tsconfig.build.json",
        buildTsconfig.compilerOptions.rootDir,
      ]),
    );
  });

  it("runs the server that the build compiles from src/server/main.ts", () => {
    expect(all(runtime, "CMD").map((i) => JSON.parse(i.args) as string[])).toEqual([["node", "dist/server/main.js"]]);
    expect(buildTsconfig.compilerOptions).toMatchObject({ rootDir: "src", outDir: "dist" });
    expect(existsSync(join(ROOT, "src/server/main.ts"))).toBe(true);
    expect(pkg.scripts.start).toBe("node dist/server/main.js");
  });

  it("installs production dependencies only, and they include ioredis and everything src/ imports", () => {
    expect(all(runtime, "RUN").some((i) => /npm ci --omit=dev/.test(i.args))).toBe(true);
    expect(pkg.dependencies.ioredis).toBeDefined();
    expect(pkg.devDependencies.ioredis).toBeUndefined();
    const missing = [...listImportedPackages(join(ROOT, "src"))].filter((name) => !pkg.dependencies[name]);
    expect(missing).toEqual([]);
  });

  it("runs as a non-root user, listens on 0.0.0.0:3000, and checks health with node's fetch", () => {
    const users = all(runtime, "USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const keywords = runtime?.instructions.map((i) => i.keyword) ?? [];
    expect(keywords.lastIndexOf("USER")).toBeLessThan(keywords.indexOf("CMD"));

    const env = all(runtime, "ENV")
      .map((i) => i.args)
      .join(" ");
    expect(env).toContain("NODE_ENV=production");
    expect(env).toContain("HOST=0.0.0.0");
    expect(env).toContain("PORT=3000");
    expect(all(runtime, "EXPOSE").map((i) => i.args)).toEqual(["3000"]);

    const health = all(runtime, "HEALTHCHECK")[0]?.args ?? "";
    expect(health).toContain('CMD ["node", "-e"');
    expect(health).toContain("/ping");
    expect(health).not.toMatch(/curl|wget/);
  });
});

/** Bare package names imported (as values, not types) by the TypeScript files under `dir`. */
function listImportedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      for (const name of listImportedPackages(path)) names.add(name);
      continue;
    }
    if (!path.endsWith(".ts")) continue;
    const text = readFileSync(path, "utf8");
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+"([^"]+)"/gm),
      ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
      ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
    ].map((m) => m[1] ?? "");
    for (const specifier of specifiers) {
      if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
      const parts = specifier.split("/");
      names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier));
    }
  }
  return names;
}
