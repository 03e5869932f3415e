import { codeSpan } from "../../safe-text.js";
import { irreversible, type MigrationJudge, reversible } from "./migration-judge.js";

/**
 * Django (`class Migration(migrations.Migration)`). Schema operations reverse themselves;
 * `RunPython` needs a `reverse_code` (its second argument) and `RunSQL` a `reverse_sql`, and
 * `RunPython.noop` / `RunSQL.noop` is an empty way back under a data change. Python has no parser
 * here: a tokenizer takes each `RunPython(…)`/`RunSQL(…)` call by its parentheses and splits its
 * arguments at the top level.
 */
export const djangoMigrations: MigrationJudge = {
  framework: "Django",
  claims: (path, text) => /\.py$/.test(path) && /\bclass\s+Migration\s*\(\s*migrations\.Migration\s*\)/.test(text),
  judge({ text }) {
    for (const call of findCalls(text, /\bRun(Python|SQL)\s*\(/g)) {
      const [kind, args] = call;
      const keyword = kind === "Python" ? "reverse_code" : "reverse_sql";
      const named = args.find((a) => a.startsWith(`${keyword}=`))?.slice(keyword.length + 1);
      const positional = args.filter((a) => !/^\w+\s*=/.test(a));
      const reverse = named ?? positional[1];
      const op = `Run${kind}`;
      const fix = `give ${codeSpan(op)} a ${codeSpan(keyword)} that restores what it changes`;
      if (reverse === undefined) return irreversible(`its ${codeSpan(op)} has no ${codeSpan(keyword)}`, fix);
      if (/\bnoop\b|^None$|^""$|^''$|^\[\]$/.test(reverse.trim()))
        return irreversible(
          `its ${codeSpan(op)} reverses with ${codeSpan(reverse.trim())}: an empty way back under a data change`,
          fix,
        );
    }
    return reversible(
      /\bRun(?:Python|SQL)\s*\(/.test(text)
        ? "a reverse for each `RunPython`/`RunSQL`"
        : "schema operations Django reverses",
    );
  },
};

/** Each match of `opener` (which ends at the `(`) with its top-level arguments. */
function findCalls(text: string, opener: RegExp): Array<[string, string[]]> {
  const calls: Array<[string, string[]]> = [];
  for (const m of text.matchAll(opener)) {
    const start = (m.index ?? 0) + m[0].length;
    const args: string[] = [];
    let depth = 0;
    let from = start;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const triple = text.startsWith(c.repeat(3), i);
        const quote = triple ? c.repeat(3) : c;
        const end = text.indexOf(quote, i + quote.length);
        i = end < 0 ? text.length : end + quote.length - 1;
      } else if (c === "(" || c === "[" || c === "{") depth++;
      else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
      else if ((c === "," || c === ")") && depth === 0) {
        const arg = text.slice(from, i).trim();
        if (arg) args.push(arg);
        from = i + 1;
        if (c === ")") break;
      }
    }
    calls.push([m[1] ?? "", args]);
  }
  return calls;
}
