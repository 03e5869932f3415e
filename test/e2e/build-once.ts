import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const STAMP = join(ROOT, "dist/.e2e-build-stamp");
const LOCK = join(ROOT, "dist/.e2e-build-lock");

/**
 * Builds `dist/` (as `npm run build` does) unless it is newer than every file in `src/`. Test
 * files run in parallel workers: the first takes a lock directory and builds, the others wait for
 * it and then find the build fresh. Type errors do not stop the e2e suite (the typecheck reports
 * them); a build that emits no server does.
 */
export async function buildOnce(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (isFresh()) return;
    if (takeLock()) {
      try {
        if (!isFresh()) build();
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no fresh build after 120 s; remove ${LOCK} if a build was interrupted`);
}

function build(): void {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (!existsSync(join(ROOT, "dist/server/main.js")))
    throw new Error(`the build emitted no dist/server/main.js:\n${result.stdout}${result.stderr}`);
  if (result.status !== 0)
    console.warn(
      `e2e: the build has type errors (the typecheck reports them):\n${result.stdout.split("\n").slice(0, 10).join("\n")}`,
    );
  writeFileSync(STAMP, new Date().toISOString());
}

function isFresh(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, "dist/server/main.js"))) return false;
  return newestMtime(join(ROOT, "src")) < statSync(STAMP).mtimeMs;
}

function takeLock(): boolean {
  if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true }); // left by an interrupted run
  try {
    mkdirSync(join(ROOT, "dist"), { recursive: true });
    mkdirSync(LOCK);
    return true;
  } catch {
    return false;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
