import { DEFAULT_CONFIG } from "../../src/config/parse-config.js";
import { evaluatePolicy } from "../../src/core/evaluate-policy.js";
import type { Verdict } from "../../src/core/rule-result.js";
import { rules } from "../../src/rules/index.js";
import { CORPUS_RULES, type CorpusCase, type CorpusRule, type Label } from "./load-corpus-case.js";

/** What the engine said about one case, rule by rule, next to the reviewer's label. */
export interface CaseOutcome {
  id: string;
  set: CorpusCase["set"];
  ecosystem: string;
  judgements: Record<CorpusRule, { label: Label; verdict: Verdict | "crash"; message: string }>;
}

/** A rule that threw is reported by the engine as this failure: the corpus counts it as a crash. */
const CRASH = "The rule could not be evaluated";

/** Judges a case with the zero-config defaults, as the App would. Never throws. */
export function judgeCase(corpusCase: CorpusCase): CaseOutcome {
  let results: Map<string, { verdict: Verdict | "crash"; message: string }>;
  try {
    const report = evaluatePolicy(corpusCase.change, DEFAULT_CONFIG, rules);
    results = new Map(
      report.results.map((r) => [
        r.ruleId,
        { verdict: r.message.startsWith(CRASH) ? "crash" : r.verdict, message: r.message },
      ]),
    );
  } catch (error) {
    results = new Map(CORPUS_RULES.map((id) => [id, { verdict: "crash", message: String(error) }]));
  }
  const judgements = Object.fromEntries(
    CORPUS_RULES.map((id) => {
      const result = results.get(id) ?? { verdict: "crash" as const, message: "the rule did not run" };
      return [id, { label: corpusCase.labels[id].expect, ...result }];
    }),
  ) as CaseOutcome["judgements"];
  return { id: corpusCase.id, set: corpusCase.set, ecosystem: corpusCase.ecosystem, judgements };
}

export interface Agreement {
  agreed: number;
  total: number;
}

/** Agreement of a set of outcomes, overall and grouped. */
export interface Tally {
  overall: Agreement;
  byRule: Record<CorpusRule, Agreement>;
  byEcosystem: Record<string, Agreement>;
  crashes: number;
}

export function tally(outcomes: readonly CaseOutcome[]): Tally {
  const overall = { agreed: 0, total: 0 };
  const byRule = Object.fromEntries(CORPUS_RULES.map((id) => [id, { agreed: 0, total: 0 }])) as Tally["byRule"];
  const byEcosystem: Record<string, Agreement> = {};
  let crashes = 0;
  for (const outcome of outcomes) {
    const ecosystem = (byEcosystem[outcome.ecosystem] ??= { agreed: 0, total: 0 });
    for (const id of CORPUS_RULES) {
      const { label, verdict } = outcome.judgements[id];
      const agreed = label === verdict ? 1 : 0;
      if (verdict === "crash") crashes++;
      for (const bucket of [overall, byRule[id], ecosystem]) {
        bucket.agreed += agreed;
        bucket.total++;
      }
    }
  }
  return { overall, byRule, byEcosystem, crashes };
}

/** The judgements where engine and reviewer differ: `id rule: label X, engine Y (message)`. */
export function listDisagreements(outcomes: readonly CaseOutcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    CORPUS_RULES.filter((id) => outcome.judgements[id].label !== outcome.judgements[id].verdict).map((id) => {
      const { label, verdict, message } = outcome.judgements[id];
      return `${outcome.id} ${id}: label ${label}, engine ${verdict} (${message})`;
    }),
  );
}

export function percent({ agreed, total }: Agreement): string {
  return total === 0 ? "—" : `${((100 * agreed) / total).toFixed(1)}%`;
}
