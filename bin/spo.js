#!/usr/bin/env node
// The `spo` command. Do not add logic here: it runs the CLI that `npm run build` compiles into dist/.
import "../dist/cli/main.js";
