// The App's process entry (`npm start`). Do not add logic here: it only checks the environment and
// hands the App to Probot's server.
import { run } from "probot";
import app from "./app/index.js";
import { findStartupProblem, loadDotEnv } from "./check-server-env.js";

loadDotEnv();
const problem = findStartupProblem(process.env);
if (problem) {
  console.error(problem);
  process.exit(1);
}
await run(app);
