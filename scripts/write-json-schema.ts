// Rewrites schema.json (the config) and schema/evidence-v1.json (the evidence record) from their zod schemas. Run with `npm run schema`.
import { mkdirSync, writeFileSync } from "node:fs";
import { buildJsonSchema } from "../src/config/build-json-schema.js";
import { buildEvidenceJsonSchema } from "../src/core/evidence/build-evidence-json-schema.js";

writeFileSync(new URL("../schema.json", import.meta.url), `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(
  new URL("../schema/evidence-v1.json", import.meta.url),
  `${JSON.stringify(buildEvidenceJsonSchema(), null, 2)}\n`,
);
