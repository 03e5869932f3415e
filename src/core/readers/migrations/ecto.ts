import { defBody, isEmptyBody } from "./code-blocks.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/**
 * Ecto (`use Ecto.Migration`). `def down` must do something other than raise. `def change` is
 * reversed by Ecto except for `execute/1` (SQL without its down SQL), data updates through the
 * repo, `remove` without a type and `modify` without `from:`.
 */
export const ectoMigrations: MigrationJudge = {
  framework: "Ecto",
  claims: (path, text) => /\.exs$/.test(path) && /\buse\s+Ecto\.Migration\b/.test(text),
  judge({ text }) {
    const fix = "add a `def down` that undoes `def up`, or use only operations Ecto reverses in `def change`";
    const down = defBody(text, "down");
    if (down !== undefined) {
      if (/^\s*raise\b/m.test(down) && !/\b(?:drop|create|alter|execute|rename|remove|modify)\b/.test(down))
        return irreversible("its `def down` only raises", fix);
      return isEmptyBody(down) ? irreversible("its `def down` is empty", fix) : reversible("`def down`");
    }
    const change = defBody(text, "change");
    if (change === undefined) return irreversible("it has `def up` and no `def down`", fix);
    const stray = IRREVERSIBLE.find(({ pattern }) => pattern.test(change));
    return stray
      ? irreversible(`its \`def change\` ${stray.what}, which Ecto cannot reverse`, fix)
      : reversible("`def change` (Ecto reverses it)");
  },
};

const IRREVERSIBLE: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\bexecute\s*\(?\s*("(?:[^"\\]|\\.)*"|"""[\s\S]*?"""|~s?\w*)\s*\)?\s*$/m, what: "runs `execute/1`" },
  {
    pattern:
      /\brepo\(\)\.(?:update_all|delete_all|insert_all|update|delete)|\bRepo\.(?:update_all|delete_all|insert_all)/,
    what: "changes data through the repo",
  },
  { pattern: /^\s*remove\s+:\w+\s*$/m, what: "runs `remove` without a type" },
  { pattern: /^\s*modify\s+(?!.*\bfrom:)/m, what: "runs `modify` without `from:`" },
  { pattern: /^\s*drop\s+(?:table|index|constraint)\b/m, what: "drops" },
];
