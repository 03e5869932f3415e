import { parse as parseToml } from "smol-toml";
import { resolveMembers } from "./members.js";
import type { UnitReader } from "./unit.js";

/**
 * A Cargo workspace: the root Cargo.toml's `[workspace] members` (globs allowed, minus `exclude`)
 * are crates, and a root `[package]` is a crate too, holding every file no member holds (ripgrep's
 * root package builds from `crates/core`). Parsed with smol-toml.
 */
export const cargoWorkspace: UnitReader = {
  name: "Cargo workspace",
  descriptors: () => ["Cargo.toml"],
  read(base) {
    const text = base.text("Cargo.toml");
    if (!text) return [];
    let manifest: { workspace?: { members?: unknown; exclude?: unknown }; package?: unknown };
    try {
      manifest = parseToml(text) as typeof manifest;
    } catch {
      return [];
    }
    const members = Array.isArray(manifest.workspace?.members) ? manifest.workspace.members : [];
    const exclude = Array.isArray(manifest.workspace?.exclude) ? manifest.workspace.exclude : [];
    const globs = [...members, ...exclude.map((e) => `!${String(e)}`)].filter(
      (m): m is string => typeof m === "string",
    );
    const root = manifest.package ? [{ folder: "", by: "Cargo root package" }] : [];
    return [...root, ...resolveMembers(globs, base, "Cargo.toml", "Cargo workspace member")];
  },
};
