import { parse as parseYaml } from "yaml";
import { resolveMembers } from "./members.js";
import type { UnitReader } from "./unit.js";

/**
 * npm and yarn `workspaces` (a list, or `{ packages }`) in the root package.json, and pnpm's
 * `packages` in pnpm-workspace.yaml (parsed with `yaml`). Each workspace package is a unit.
 */
export const npmWorkspaces: UnitReader = {
  name: "npm, yarn and pnpm workspaces",
  descriptors: () => ["package.json", "pnpm-workspace.yaml"],
  read(base) {
    const globs = [...readPackageJson(base.text("package.json")), ...readPnpm(base.text("pnpm-workspace.yaml"))];
    return resolveMembers(globs, base, "package.json", "workspace package");
  },
};

function readPackageJson(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const workspaces = (JSON.parse(text) as { workspaces?: unknown }).workspaces;
    if (Array.isArray(workspaces)) return strings(workspaces);
    const packages = (workspaces as { packages?: unknown } | undefined)?.packages;
    return Array.isArray(packages) ? strings(packages) : [];
  } catch {
    return [];
  }
}

function readPnpm(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const packages = (parseYaml(text) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? strings(packages) : [];
  } catch {
    return [];
  }
}

function strings(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
}
