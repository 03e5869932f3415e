import { resolve } from "node:path";
import { CORPUS_RULES, loadCorpus } from "../support/corpus/load-corpus-case.js";
import { judgeCase, listDisagreements, percent, tally, type Agreement } from "../support/corpus/score-corpus.js";

// `npm run corpus`: judges every hand-labelled case of test/corpus with the zero-config defaults
// and prints the agreement with the labels per rule, per ecosystem and per set.

const outcomes = loadCorpus(resolve(import.meta.dirname, "../test/corpus")).map(judgeCase);
const main = outcomes.filter((o) => o.set === "cases");
const extra = outcomes.filter((o) => o.set === "cases-extra");
const [all, mainTally, extraTally] = [outcomes, main, extra].map(tally);
if (!all || !mainTally || !extraTally) throw new Error("no corpus");

const cell = (a: Agreement) => `${a.agreed}/${a.total} (${percent(a)})`;
const lines = [
  `| rule | main (${main.length} cases) | extra (${extra.length} cases) | all |`,
  "| --- | ---: | ---: | ---: |",
  ...CORPUS_RULES.map(
    (id) => `| \`${id}\` | ${cell(mainTally.byRule[id])} | ${cell(extraTally.byRule[id])} | ${cell(all.byRule[id])} |`,
  ),
  `| **all six** | ${cell(mainTally.overall)} | ${cell(extraTally.overall)} | ${cell(all.overall)} |`,
  "",
  "| ecosystem | agreement |",
  "| --- | ---: |",
  ...Object.entries(all.byEcosystem)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ecosystem, agreement]) => `| ${ecosystem} | ${cell(agreement)} |`),
  "",
  `Crashes: ${all.crashes}`,
  "",
  "Disagreements:",
  ...listDisagreements(outcomes).map((line) => `- ${line}`),
];
process.stdout.write(`${lines.join("\n")}\n`);
