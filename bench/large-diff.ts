// `npm run bench:diff`: the engine and `spo check` on a generated 3,000-file, 600,000-line diff,
// with spo check's peak RSS against the patch size. Options: --files, --lines (per file), --runs,
// --spo (another build's bin/spo.js, to compare). `npm run bench` prints the same after the load test.
import { parseArgs } from "node:util";
import { formatLargeDiff, measureLargeDiff } from "./measure-large-diff.js";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "3000" },
    lines: { type: "string", default: "200" },
    runs: { type: "string", default: "3" },
    spo: { type: "string" },
  },
});

const result = await measureLargeDiff({
  files: Number(values.files),
  linesPerFile: Number(values.lines),
  runs: Number(values.runs),
  ...(values.spo === undefined ? {} : { spo: values.spo }),
});
console.log(formatLargeDiff(result).join("\n"));
