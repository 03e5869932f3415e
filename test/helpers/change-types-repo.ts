import { chmod, mkdir, rm, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createGitRepo, type TempRepo } from "./git-repo.js";

/** Submodule commits: a gitlink names a commit of another repository, which need not be here. */
export const SUBMODULE = {
  lib: "1111111111111111111111111111111111111111",
  depBefore: "2222222222222222222222222222222222222222",
  depAfter: "4444444444444444444444444444444444444444",
  other: "3333333333333333333333333333333333333333",
  added: "5555555555555555555555555555555555555555",
  linked: "6666666666666666666666666666666666666666",
};

export const CHANGE_TYPES_BRANCH = "hotfix/SHOP-7-change-types";

/** Names no common tool prints as is: a space, non-ASCII, a newline, a tab, a quote, a backslash. */
export const AWKWARD_PATHS = [
  "docs/with space.md",
  "docs/ünïcödé.md",
  "docs/new\nline.md",
  "docs/tab\there.md",
  'docs/"quoted".md',
  "docs/back\\slash.md",
];

const PNG = "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR";

/**
 * A repository whose hotfix branch makes every kind of change git knows, one commit ahead of
 * `main`: modify, add, delete, rename unchanged (two migrations moved) and with edits, type changes
 * (file → symlink, symlink → file, submodule → file, submodule → symlink, file → submodule), a
 * copy of a changed file (which git could report as a copy), a submodule moved to
 * another commit and one added, binary files changed and added, a mode change, an empty file, and
 * awkward paths.
 */
export async function createChangeTypesRepo(): Promise<TempRepo> {
  const repo = await createGitRepo({
    "src/app.ts": "export const a = 1;\n\nexport const b = 2;\n",
    "src/gone.ts": "export const gone = true;\n",
    "db/migrations/001_init.sql": "CREATE TABLE carts (id int);\n",
    "db/migrations/002_rate.sql": "ALTER TABLE carts ADD COLUMN rate numeric;\n",
    "lib/old name.ts": "one\ntwo\nthree\nfour\nfive\n",
    "config/current.yml": "env: production\nreplicas: 3\n",
    "config/prod.yml": "env: production\n",
    "scripts/run.sh": "#!/bin/sh\necho run\n",
    "assets/logo.png": PNG,
    "vendor/other": "not yet a submodule\n",
  });
  await link(repo, "bin/tool", "../scripts/run.sh");
  await gitlink(repo, "vendor/lib", SUBMODULE.lib);
  await gitlink(repo, "vendor/dep", SUBMODULE.depBefore);
  await gitlink(repo, "vendor/linked", SUBMODULE.linked);
  await repo.commit("Base with links and submodules");

  await repo.branch(CHANGE_TYPES_BRANCH);
  await repo.write({
    "src/app.ts": "export const a = 1;\n\nexport const b = 3;\n",
    "src/app-copy.ts": "export const a = 1;\n\nexport const b = 3;\n",
    "src/new.ts": "export function fresh(): number {\n  return 42;\n}\n",
    "src/gone.ts": null,
    "lib/old name.ts": null,
    "lib/new name.ts": "one\ntwo\nthree\nfour\nfive\nsix\n",
    "config/current.yml": null,
    "bin/tool": null,
    "assets/logo.png": `${PNG}\u0000\u0001`,
    "assets/icon.png": `${PNG}\u0000\u0002`,
    "src/empty.ts": "",
    ...Object.fromEntries(AWKWARD_PATHS.map((path) => [path, "x\n"])),
  });
  await repo.git.raw(["mv", "db/migrations", "db/migrate"]);
  await link(repo, "config/current.yml", "prod.yml");
  await repo.write({ "bin/tool": "#!/bin/sh\nexec ../scripts/run.sh\n" });
  await chmod(join(repo.dir, "scripts/run.sh"), 0o755);
  await repo.git.raw(["rm", "-q", "--cached", "vendor/lib"]);
  await rm(join(repo.dir, "vendor/lib"), { recursive: true, force: true });
  await repo.write({ "vendor/lib": "a vendored copy instead of the submodule\n" });
  await repo.git.raw(["rm", "-q", "--cached", "vendor/other"]);
  await rm(join(repo.dir, "vendor/other"));
  await gitlink(repo, "vendor/other", SUBMODULE.other);
  await repo.git.raw(["rm", "-q", "--cached", "vendor/linked"]);
  await rm(join(repo.dir, "vendor/linked"), { recursive: true, force: true });
  await link(repo, "vendor/linked", "lib");
  await gitlink(repo, "vendor/dep", SUBMODULE.depAfter);
  await gitlink(repo, "vendor/added", SUBMODULE.added);
  await repo.commit("SHOP-7: every kind of change");
  return repo;
}

async function link(repo: TempRepo, path: string, target: string): Promise<void> {
  await mkdir(dirname(join(repo.dir, path)), { recursive: true });
  await symlink(target, join(repo.dir, path));
}

/**
 * Records a submodule at `sha` without cloning one. Its folder stays empty, as in a clone whose
 * submodules were never initialised, so `git add -A` leaves the gitlink alone.
 */
async function gitlink(repo: TempRepo, path: string, sha: string): Promise<void> {
  await mkdir(join(repo.dir, path), { recursive: true });
  await repo.git.raw(["update-index", "--add", "--cacheinfo", `160000,${sha},${path}`]);
}
