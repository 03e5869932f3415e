import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * The JSON Schema of the config file, generated from the zod schema so editors can complete
 * `.github/single-patch-order.yml` (`# yaml-language-server: $schema=…`). `schema.json` at the
 * repository root is this output; a test fails when it is stale (`npm run schema` rewrites it).
 */
export function buildJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return {
    ...schema,
    properties: {
      _extends: {
        type: "string",
        description:
          "Inherit another repository's config: `repo`, `owner/repo` or `owner/repo:path` (Probot's _extends).",
      },
      ...properties,
    },
    $id: "https://raw.githubusercontent.com/single-patch-order/single-patch-order/main/schema.json",
    title: "Single Patch Order configuration",
  };
}
