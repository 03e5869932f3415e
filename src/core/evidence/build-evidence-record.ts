import { iso } from "../deploy/decide-production.js";
import type { Verdict } from "../rule-result.js";
import { findApprovingReviewers, type ReviewFact } from "./approving-reviewers.js";
import { EVIDENCE_SCHEMA_ID, type EvidenceRecord, type EvidenceSource } from "./evidence-record.js";

/** The hotfix pull request as the API gives it (`pulls.get`) and its reviews. */
export interface EvidencePullFacts {
  number: number;
  author?: string | undefined;
  mergedBy?: string | undefined;
  mergedAt: string | null;
  openedAt: string | null;
  reviews: readonly ReviewFact[];
}

/** The gate's verdict for the PR, from the App's own check run or the assessment made for this decision. */
export interface EvidenceGateFacts {
  conclusion: string | null;
  rules: ReadonlyArray<{ rule: string; verdict: Verdict }>;
  ticket?: string | undefined;
  override?: { by: string; reason: string; at: string } | undefined;
}

/** The canary deployment the production gate weighed, with the times GitHub recorded. */
export interface EvidenceCanaryFacts {
  id: number;
  environment: string;
  createdAt: Date;
  succeededAt: Date;
}

/** Everything one production decision read, and the decision. */
export interface EvidenceFacts {
  repository: string;
  sha: string;
  environment: string;
  decision: { allowed: boolean; reason: string };
  decidedAt: Date;
  source: EvidenceSource;
  deploymentId?: number | undefined;
  pull?: EvidencePullFacts | undefined;
  gate?: EvidenceGateFacts | undefined;
  canary?: EvidenceCanaryFacts | undefined;
}

const MINUTE_MS = 60_000;

/**
 * The `evidence/v1` record of one production decision, from facts the decision read through the
 * API (never from a comment, a title or another text a user can edit, SPEC §8). Unknown parts are
 * null, never guessed. An override is shown only where a rule fails, as on the gate's own report:
 * one carried forward over a passing verdict changed nothing. Pure: the decision time is passed in.
 */
export function buildEvidenceRecord(facts: EvidenceFacts): EvidenceRecord {
  const { pull, gate, canary } = facts;
  return {
    schema: EVIDENCE_SCHEMA_ID,
    repository: facts.repository,
    sha: facts.sha,
    environment: facts.environment,
    decision: facts.decision.allowed ? "approved" : "rejected",
    reason: facts.decision.reason,
    source: facts.source,
    deploymentId: facts.deploymentId ?? null,
    pullRequest: pull
      ? {
          number: pull.number,
          author: pull.author ?? "ghost",
          mergedBy: pull.mergedBy ?? null,
          mergedAt: toIso(pull.mergedAt),
          approvingReviewers: findApprovingReviewers(pull.reviews, pull.author),
        }
      : null,
    ticket: gate?.ticket ?? null,
    gate: gate
      ? { conclusion: gate.conclusion, rules: gate.rules.map(({ rule, verdict }) => ({ rule, verdict })) }
      : null,
    override:
      gate?.override && (!gate.rules.length || gate.rules.some((r) => r.verdict === "fail"))
        ? { by: gate.override.by, reason: gate.override.reason, at: toIso(gate.override.at) ?? gate.override.at }
        : null,
    canary: canary
      ? {
          id: canary.id,
          environment: canary.environment,
          started: iso(canary.createdAt),
          succeeded: iso(canary.succeededAt),
          bakedMinutes: Math.max(0, Math.floor((facts.decidedAt.getTime() - canary.succeededAt.getTime()) / MINUTE_MS)),
        }
      : null,
    timeline: {
      prOpened: toIso(pull?.openedAt ?? null),
      merged: toIso(pull?.mergedAt ?? null),
      canary: canary ? iso(canary.succeededAt) : null,
      productionDecision: iso(facts.decidedAt),
    },
  };
}

function toIso(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : iso(new Date(time));
}
