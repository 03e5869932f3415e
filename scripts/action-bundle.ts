import type { BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

/** The repository root: esbuild resolves everything from here, so output paths are the same on every machine. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const ACTION_BUNDLE = "dist-action/index.js";

/**
 * How the Action is bundled: one ESM file with every dependency, for `runs.using: node24`.
 * Fixed options and no timestamps or absolute paths, so the same sources and lockfile always
 * give the same bytes (test/action/bundle.test.ts compares the committed file with a fresh build).
 */
export const actionBuildOptions: BuildOptions = {
  absWorkingDir: ROOT,
  entryPoints: ["src/action/main.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  sourcemap: false,
  charset: "utf8",
  logLevel: "warning",
  // CommonJS dependencies call require() for Node built-ins, which an ES module does not have.
  banner: {
    js: 'import { createRequire as __spoCreateRequire } from "node:module";const require = __spoCreateRequire(import.meta.url);',
  },
};
