import { braceBody, isEmptyBody } from "./code-blocks.js";
import { baseName, irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/**
 * EF Core migrations (`protected override void Up(MigrationBuilder …)`): `Down()` must do
 * something. The generated `.Designer.cs` and the model snapshot are no migrations of their own.
 */
export const efCoreMigrations: MigrationJudge = {
  framework: "EF Core",
  claims: (path, text) => /\.cs$/.test(path) && /\boverride\s+void\s+Up\s*\(\s*MigrationBuilder\b/.test(text),
  judge({ text }) {
    const fix = "write a `Down()` that undoes `Up()` and restores the data it changes";
    const at = /\boverride\s+void\s+Down\s*\(/.exec(text);
    if (!at) return irreversible("it has no `Down()`", fix);
    return isEmptyBody(braceBody(text, at.index)) ? irreversible("its `Down()` is empty", fix) : reversible("`Down()`");
  },
};

/** Files beside EF Core migrations that are generated from them. */
export function isEfCoreSupportFile(path: string): boolean {
  return /\.Designer\.cs$/.test(path) || /ModelSnapshot\.cs$/.test(baseName(path));
}
