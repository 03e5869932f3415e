import { resolve } from "node:path";
import { CORPUS_RULES, loadCorpus } from "../support/corpus/load-corpus-case.js";
import {
  type Agreement,
  type CaseOutcome,
  judgeCase,
  listDisagreements,
  percent,
  type Tally,
  tally,
} from "../support/corpus/score-corpus.js";

// `npm run corpus`: judges every hand-labelled case of test/corpus with the zero-config defaults
// and prints the agreement with the labels per rule, per ecosystem and per set. The main and extra
// sets were labelled while the readers were built (in-sample); the hold-out set was labelled blind
// on repositories nobody tuned against, so it is printed in a column of its own, never mixed in.

const outcomes = loadCorpus(resolve(import.meta.dirname, "../test/corpus")).map(judgeCase);
const main = outcomes.filter((o) => o.set === "cases");
const extra = outcomes.filter((o) => o.set === "cases-extra");
const inSample = [...main, ...extra];
const holdout = outcomes.filter((o) => o.set === "holdout");
const [mainTally, extraTally, inSampleTally, holdoutTally] = [main, extra, inSample, holdout].map(tally);
if (!mainTally || !extraTally || !inSampleTally || !holdoutTally) throw new Error("no corpus");

const cell = (a: Agreement) => `${a.agreed}/${a.total} (${percent(a)})`;
const ecosystems = (t: Tally) =>
  Object.entries(t.byEcosystem)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ecosystem, agreement]) => `| ${ecosystem} | ${cell(agreement)} |`);
const disagreements = (set: readonly CaseOutcome[]) => listDisagreements(set).map((line) => `- ${line}`);

const lines = [
  `| rule | main (${main.length} cases) | extra (${extra.length} cases) | main + extra | hold-out (${holdout.length} cases) |`,
  "| --- | ---: | ---: | ---: | ---: |",
  ...CORPUS_RULES.map(
    (id) =>
      `| \`${id}\` | ${cell(mainTally.byRule[id])} | ${cell(extraTally.byRule[id])} | ${cell(inSampleTally.byRule[id])} | ${cell(holdoutTally.byRule[id])} |`,
  ),
  `| **all six** | ${cell(mainTally.overall)} | ${cell(extraTally.overall)} | ${cell(inSampleTally.overall)} | ${cell(holdoutTally.overall)} |`,
  "",
  "| ecosystem (main + extra) | agreement |",
  "| --- | ---: |",
  ...ecosystems(inSampleTally),
  "",
  "| ecosystem (hold-out) | agreement |",
  "| --- | ---: |",
  ...ecosystems(holdoutTally),
  "",
  `Crashes: ${inSampleTally.crashes} (main + extra), ${holdoutTally.crashes} (hold-out)`,
  "",
  "Disagreements (main + extra):",
  ...disagreements(inSample),
  "",
  "Disagreements (hold-out):",
  ...disagreements(holdout),
];
process.stdout.write(`${lines.join("\n")}\n`);
