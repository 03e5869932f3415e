// Bundles the Action into dist-action/index.js (committed: a workflow runs it without installing).
// Run with `npm run build:action` after changing src/ or dependencies, and commit the result.
import { build } from "esbuild";
import { ACTION_BUNDLE, actionBuildOptions } from "./action-bundle.js";

await build({ ...actionBuildOptions, outfile: ACTION_BUNDLE });
