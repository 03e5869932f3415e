// The Action's entry, bundled into dist-action/index.js (npm run build:action). Do not add logic
// here: it hands the process's environment and log to run() and sets the exit code it returns.
import { run } from "./run.js";

process.exitCode = await run({
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  now: () => new Date(),
});
