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
  const { $schema: _draft, description: _description, ...settings } = schema;
  return {
    ...schema,
    properties: {
      _extends: {
        type: "string",
        description:
          "Inherit another repository's config: `repo`, `owner/repo` or `owner/repo:path` (Probot's _extends).",
      },
      floor: {
        ...settings,
        description:
          "Org floor: minimums for every repository of the owner, whatever its _extends (a repository may be stricter, never looser). Allowed only in the .github/single-patch-order.yml of the owner's .github repository; anywhere else it is a config error. Takes the same settings as the config itself; only the settings it sets are minimums.",
      },
      ...properties,
    },
    $id: "https://raw.githubusercontent.com/single-patch-order/single-patch-order/main/schema.json",
    title: "Single Patch Order configuration",
  };
}
