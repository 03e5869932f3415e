import { stringify } from "yaml";
import { buildJsonSchema } from "../config/build-json-schema.js";
import { DEFAULT_CONFIG } from "../config/parse-config.js";
import { rulesById } from "../rules/index.js";
import { RULE_IDS } from "../config/rule-ids.js";

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
}

/** Keys that have no default: shown commented out, with an example. */
const EXAMPLES: Record<string, string> = {
  "scope.scopes": 'scopes: { checkout: ["src/checkout/**"], billing: ["src/billing/**", "db/billing/**"] }',
  "scope.maxCommits": "maxCommits: 3",
  "forwardPort.target": "target: main  # default: the repository's default branch",
};

/**
 * A starter `.github/single-patch-order.yml`: every setting with its default value and its
 * description from the schema, so it never drifts from what the App does with an empty file.
 */
export function buildStarterConfig(): string {
  const schema = buildJsonSchema() as SchemaNode & { $id?: string };
  const values: Record<string, unknown> = {
    ...DEFAULT_CONFIG,
    rules: Object.fromEntries(RULE_IDS.map((id) => [id, "error"])),
  };
  const header = [
    `# yaml-language-server: $schema=${schema.$id ?? ""}`,
    "# Single Patch Order: the rules for hotfix pull requests in this repository.",
    "# Every setting below shows its default; delete what you do not change. The App reads this file",
    "# from the default branch, never from a pull request. Check it with `spo validate` (npm package single-patch-order).",
  ];
  return `${[...header, ...emitMap(values, schema, "", 0)].join("\n")}\n`;
}

function emitMap(values: Record<string, unknown>, schema: SchemaNode, path: string, depth: number): string[] {
  const indent = "  ".repeat(depth);
  const keys = [...new Set([...Object.keys(values), ...Object.keys(schema.properties ?? {})])].filter(
    (k) => k !== "_extends",
  );
  return keys.flatMap((key) => {
    const keyPath = path ? `${path}.${key}` : key;
    const node = schema.properties?.[key] ?? {};
    const description = path === "rules" ? rulesById[key as keyof typeof rulesById]?.description : node.description;
    const comment = description ? description.split("\n").map((line) => `${indent}# ${line}`) : [];
    const value = values[key];
    const lines = depth === 0 ? ["", ...comment] : comment;
    if (value === undefined) return [...lines, `${indent}# ${EXAMPLES[keyPath] ?? `${key}:`}`];
    if (isPlainObject(value)) return [...lines, `${indent}${key}:`, ...emitMap(value, node, keyPath, depth + 1)];
    return [
      ...lines,
      `${indent}${key}: ${stringify(value, { collectionStyle: "flow", lineWidth: 0, singleQuote: true }).trim()}`,
    ];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
