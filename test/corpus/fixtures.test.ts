import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyPatch } from "../../src/core/readers/apply-patch.js";
import { readPatchHunks } from "../../src/core/readers/read-patch-hunks.js";
import { CORPUS_RULES, CORPUS_SETS } from "../../support/corpus/load-corpus-case.js";

/**
 * The fixtures are the source of truth for the corpus, so they are checked like code: required
 * fields, a ticket in title and branch, hunk counts that match their headers, counts that match
 * the patch, and base + patch = head wherever both texts are given. (The colleague's check.mjs,
 * as a test.)
 */
const ROOT = import.meta.dirname;
const STATUSES = new Set(["added", "removed", "modified", "renamed", "copied", "changed"]);

interface FixtureFile {
  path: string;
  previousPath?: string;
  status: string;
  additions: number;
  deletions: number;
  binary?: boolean;
  patch?: string;
  base?: string;
  head?: string;
  patchOmitted?: boolean;
}

function listYaml(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(join(folder, e.name)) : e.name.endsWith(".yml") ? [join(folder, e.name)] : [],
  );
}

const files = CORPUS_SETS.flatMap((set) => listYaml(join(ROOT, set))).sort();

describe.each(files.map((f) => [relative(ROOT, f), f]))("%s", (_name, path) => {
  const doc = parseYaml(readFileSync(path, "utf8")) as Record<string, any>;

  it("names its source, ticket, branches, files and a label with a reason for each rule", () => {
    expect(doc.source.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(doc.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(doc.source.ecosystem).toBeTruthy();
    const tickets = [...new Set(String(doc.title).match(/[A-Z][A-Z0-9]+-\d+/g) ?? [])];
    expect(tickets).toHaveLength(1);
    expect(String(doc.headBranch)).toContain(tickets[0]);
    expect(typeof doc.baseBranch).toBe("string");
    expect(Object.keys(doc.labels).sort()).toEqual([...CORPUS_RULES].sort());
    for (const rule of CORPUS_RULES) {
      expect(["pass", "fail", "skip"]).toContain(doc.labels[rule].expect);
      expect(String(doc.labels[rule].why).length).toBeGreaterThan(3);
    }
    if (doc.previousReleaseTag !== undefined) expect(String(doc.previousReleaseTag)).toMatch(/^v?\d+\.\d+/);
  });

  it.each((doc.files as FixtureFile[]).map((f) => [f.path, f]))("%s is consistent", (_p, f) => {
    expect(STATUSES.has(f.status)).toBe(true);
    if (f.status === "renamed" || f.status === "copied") expect(typeof f.previousPath).toBe("string");
    if (f.status === "added") expect(f.base).toBeUndefined();
    if (f.status === "removed") expect(f.head).toBeUndefined();
    if (f.patch === undefined) {
      expect(f.binary === true || f.patchOmitted === true || f.additions + f.deletions === 0).toBe(true);
      return;
    }
    const hunks = readPatchHunks(f.patch);
    const raw = f.patch
      .replace(/\n$/, "")
      .split("\n")
      .filter((l) => !l.startsWith("\\"));
    expect(raw.filter((l) => !l.startsWith("@@")).length).toBe(hunks.reduce((n, h) => n + h.lines.length, 0));
    expect(hunks.flatMap((h) => h.lines).filter((l) => l.kind === "added").length).toBe(f.additions);
    expect(hunks.flatMap((h) => h.lines).filter((l) => l.kind === "removed").length).toBe(f.deletions);
    const base = f.status === "added" ? "" : f.base;
    const head = f.status === "removed" ? "" : f.head;
    if (typeof base === "string" && typeof head === "string") expect(applyPatch(base, f.patch)).toBe(head);
  });
});
