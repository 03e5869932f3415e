import { auditEvidence, hasExceptions } from "../core/evidence/audit-evidence.js";
import { summarizeEvidence } from "../core/evidence/summarize-evidence.js";
import { EXIT } from "../core/to-conclusion.js";
import { rebuildEvidence } from "../flows/rebuild-evidence.js";
import { createTokenClient, DEFAULT_API_URL } from "../github/create-token-client.js";
import {
  formatEvidenceError,
  EVIDENCE_FORMATS,
  formatEvidence,
  formatEvidenceSummary,
  type EvidenceFormat,
} from "../render/evidence-export.js";
import type { CliIo } from "./cli-io.js";
import { HELP } from "./help-text.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { UsageError } from "./usage-error.js";

const OPTIONS = {
  repo: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  format: { type: "string", default: "markdown" },
  app: { type: "string", default: "single-patch-order" },
  summary: { type: "boolean", default: false },
  help: { type: "boolean", short: "h" },
} as const;

const REPO = /^([\w.-]+)\/([\w.-]+)$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * `spo evidence --repo owner/repo --since <date>`: rebuilds the production evidence of a range
 * from GitHub (SPEC §11) and prints it (Markdown, CSV or JSON Lines) or, with `--summary`, the
 * hotfix lifecycle numbers. Exit 0 with no exception, 1 with exceptions, 2 on errors (one line,
 * no stack trace). Reads only; the token and GitHub Enterprise handling are `spo check --pr`'s.
 */
export async function runEvidence(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs("evidence", args, OPTIONS);
  if (values.help) {
    io.stdout(HELP.evidence);
    return EXIT.pass;
  }
  const match = REPO.exec(values.repo ?? "");
  if (!match?.[1] || !match[2])
    throw new UsageError(`--repo expects owner/repo, got "${values.repo ?? ""}"`, "evidence");
  const repo = { owner: match[1], repo: match[2] };
  if (!values.since) throw new UsageError("--since <date> is required (2026-11-01, or an ISO time)", "evidence");
  const since = parseDate(values.since, "--since", false);
  const until = values.until ? parseDate(values.until, "--until", true) : (io.now?.() ?? new Date());
  if (until <= since) throw new UsageError("--until must be after --since", "evidence");
  const format = values.format;
  if (!(EVIDENCE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${EVIDENCE_FORMATS.join(", ")}, got "${format}"`, "evidence");
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "set GITHUB_TOKEN to a token that can read the repository's checks and deployments",
      "evidence",
    );
  const apiUrl = io.env.GITHUB_API_URL || DEFAULT_API_URL;
  const octokit = createTokenClient(token, apiUrl, io.Octokit);

  let rebuilt: Awaited<ReturnType<typeof rebuildEvidence>>;
  try {
    rebuilt = await rebuildEvidence(octokit, repo, { since, until, appSlug: values.app });
  } catch (error) {
    io.stderr(formatEvidenceError(error, `${repo.owner}/${repo.repo}`, apiUrl));
    return EXIT.usage;
  }
  const rows = auditEvidence(rebuilt.records, rebuilt.deployments);
  if (!rebuilt.complete)
    io.stderr(
      "spo evidence: the range holds more than the listing cap; the oldest part may be missing (narrow --since).\n",
    );
  if (values.summary) {
    const summary = summarizeEvidence(
      rebuilt.records.map((f) => f.record),
      rebuilt.outcomes,
    );
    io.stdout(formatEvidenceSummary(summary, { since, until }, rows));
  } else {
    io.stdout(formatEvidence(rows, format as EvidenceFormat));
  }
  return hasExceptions(rows) ? EXIT.fail : EXIT.pass;
}

/** `2026-11-01` (UTC; as `--until`, the whole day is included) or an ISO 8601 time with its zone. */
function parseDate(value: string, option: string, endOfDay: boolean): Date {
  if (DAY.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(start)) return new Date(endOfDay ? start + DAY_MS : start);
  } else if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Date(value);
  }
  throw new UsageError(
    `${option} expects a date (2026-11-01) or an ISO time (2026-11-01T09:00:00Z), got "${value}"`,
    "evidence",
  );
}
