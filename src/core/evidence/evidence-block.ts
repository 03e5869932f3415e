import { evidenceRecordSchema, type EvidenceRecord } from "./evidence-record.js";

/**
 * The fenced `json` block that ends an evidence run's `output.text`. The fence is longer than any
 * run of backticks inside the JSON (a user's override reason may hold some), so no value can close
 * it early. Pure.
 */
export function formatEvidenceBlock(record: EvidenceRecord): string {
  const json = JSON.stringify(record, null, 2);
  const longest = Math.max(0, ...(json.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}json\n${json}\n${fence}`;
}

/**
 * The record in the block that ends `text`, when it is one and fits the schema; undefined
 * otherwise (a run that is no evidence, or a record of another version).
 */
export function readEvidenceBlock(text: string | null | undefined): EvidenceRecord | undefined {
  const lines = (text ?? "").replace(/\s+$/, "").split("\n");
  const fence = lines.at(-1) ?? "";
  if (!/^`{3,}$/.test(fence)) return undefined;
  const open = lines.lastIndexOf(`${fence}json`, lines.length - 2);
  if (open < 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(lines.slice(open + 1, -1).join("\n"));
  } catch {
    return undefined;
  }
  const parsed = evidenceRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
