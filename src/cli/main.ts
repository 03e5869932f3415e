// The `spo` process entry (bin/spo.js imports the built copy). Do not add logic here: it hands the
// process's arguments, environment and streams to run() and sets the exit code it returns.
import { run } from "./run.js";

process.exitCode = await run({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
});
