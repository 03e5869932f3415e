import { codeSpan } from "../../safe-text.js";
import { defBody, isEmptyBody } from "./code-blocks.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/**
 * Rails (`db/migrate/*.rb`, `ActiveRecord::Migration`). `def down` must do something other than
 * raise `ActiveRecord::IrreversibleMigration`. `def change` counts as reversible only when every
 * statement is a command Rails knows how to reverse (with the arguments it needs for it, e.g.
 * `remove_column` with a type); `reversible do … end` blocks carry their own way back. Anything
 * else — `execute`, model calls, `update_all`, loops over rows — is a data change Rails cannot undo.
 */
export const railsMigrations: MigrationJudge = {
  framework: "Rails",
  claims: (path, text) =>
    /\.rb$/.test(path) && (/(?:^|\/)db\/migrate\//.test(path) || /ActiveRecord::Migration/.test(text)),
  judge({ text }) {
    const down = defBody(text, "down");
    if (down !== undefined) {
      if (/IrreversibleMigration/.test(down))
        return irreversible("its `def down` raises `ActiveRecord::IrreversibleMigration`", FIX);
      return isEmptyBody(down) ? irreversible("its `def down` is empty", FIX) : reversible("`def down`");
    }
    const change = defBody(text, "change");
    if (change === undefined) return irreversible("it has `def up` and no `def down`", FIX);
    const stray = findIrreversibleStatement(change);
    return stray
      ? irreversible(`its \`def change\` runs ${codeSpan(stray)}, which Rails cannot reverse`, FIX)
      : reversible("`def change` with commands Rails reverses");
  },
};

const FIX =
  "add a `def down` that undoes `def up` (and restores the data it changes), or keep `def change` to commands Rails can reverse";

/** Commands Rails reverses in `def change`, with a test of the arguments reversal needs. */
const REVERSIBLE: Record<string, (args: string) => boolean> = {
  create_table: () => true,
  create_join_table: () => true,
  add_column: () => true,
  add_index: () => true,
  add_reference: () => true,
  add_belongs_to: () => true,
  add_foreign_key: () => true,
  add_timestamps: () => true,
  add_check_constraint: () => true,
  add_unique_constraint: () => true,
  add_exclusion_constraint: () => true,
  rename_column: () => true,
  rename_table: () => true,
  rename_index: () => true,
  enable_extension: () => true,
  disable_extension: () => true,
  create_enum: () => true,
  change_column_null: () => true,
  change_column_default: (args) => /\bfrom:/.test(args) && /\bto:/.test(args),
  change_column_comment: (args) => /\bfrom:/.test(args) && /\bto:/.test(args),
  change_table_comment: (args) => /\bfrom:/.test(args) && /\bto:/.test(args),
  remove_column: (args) => args.split(",").length >= 3,
  remove_columns: (args) => /\btype:/.test(args),
  remove_index: (args) => /\bcolumn:/.test(args) || args.split(",").length >= 2,
  remove_reference: () => true,
  remove_belongs_to: () => true,
  remove_foreign_key: (args) => args.split(",").length >= 2,
  remove_timestamps: () => true,
  remove_check_constraint: (args) => args.split(",").length >= 2,
  drop_table: (args) => /\bdo\b|\{/.test(args),
  drop_join_table: () => true,
  change_table: () => true,
};

/** The first statement of a `def change` body that Rails cannot reverse. */
function findIrreversibleStatement(body: string): string | undefined {
  const blocks: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const opens = /\bdo\b(?:\s*\|[^|]*\|)?$/.test(line);
    if (blocks.length > 0) {
      if (/^end\b/.test(line)) blocks.pop();
      else if (blocks.at(-1) === "change_table" && /^\w+\.(?:change|remove)\b/.test(line) && !/,.*,/.test(line))
        return line.split(/[\s(]/)[0];
      else if (opens) blocks.push("block");
      continue;
    }
    const command = /^(\w+)[\s(]*(.*)$/.exec(line);
    const name = command?.[1] ?? line;
    const own = name === "reversible" || name === "revert";
    if (!own && !REVERSIBLE[name]?.(command?.[2] ?? "")) return line.length > 50 ? `${line.slice(0, 49)}…` : line;
    if (opens) blocks.push(name);
  }
  return undefined;
}
