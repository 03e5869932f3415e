// Rewrites schema.json from the zod schema. Run with `npm run schema`.
import { writeFileSync } from "node:fs";
import { buildJsonSchema } from "../src/config/build-json-schema.js";

writeFileSync(new URL("../schema.json", import.meta.url), `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
