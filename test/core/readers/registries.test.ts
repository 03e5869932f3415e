import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { manifestReaders } from "../../../src/core/readers/manifests/index.js";
import { migrationJudges } from "../../../src/core/readers/migrations/index.js";
import { unitReaders } from "../../../src/core/readers/scopes/index.js";
import { versionReaders } from "../../../src/core/readers/versions/index.js";

/**
 * Each family of readers has one registry: a reader that is written but not registered would
 * never judge anything, silently. Every reader a file exports is registered, and documented in
 * docs/rules.md under its name.
 */
const DOCS = readFileSync(new URL("../../../docs/rules.md", import.meta.url), "utf8");

const FAMILIES = [
  {
    folder: "scopes",
    registry: unitReaders as readonly object[],
    name: (r: any) => r.name as string,
    isReader: (v: any) => typeof v?.read === "function" && typeof v?.descriptors === "function",
  },
  {
    folder: "manifests",
    registry: manifestReaders,
    name: (r: any) => r.format as string,
    isReader: (v: any) => typeof v?.read === "function" && typeof v?.lockfile === "boolean",
  },
  {
    folder: "versions",
    registry: versionReaders,
    name: (r: any) => r.format as string,
    isReader: (v: any) => typeof v?.read === "function" && typeof v?.matches === "function",
  },
  {
    folder: "migrations",
    registry: migrationJudges,
    name: (r: any) => r.framework as string,
    isReader: (v: any) => typeof v?.judge === "function",
  },
];

describe.each(FAMILIES)("the $folder registry", ({ folder, registry, name, isReader }) => {
  const dir = new URL(`../../../src/core/readers/${folder}/`, import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts");

  it("registers every reader its files export", async () => {
    let found = 0;
    for (const file of files) {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [exported, value] of Object.entries(module)) {
        if (!isReader(value)) continue;
        found++;
        expect(registry, `${folder}/${file} exports ${exported}, which the registry does not list`).toContain(value);
      }
    }
    expect(found).toBe(registry.length);
  });

  it("documents every reader in docs/rules.md", () => {
    for (const reader of registry) expect(DOCS, `docs/rules.md does not name ${name(reader)}`).toContain(name(reader));
  });
});
