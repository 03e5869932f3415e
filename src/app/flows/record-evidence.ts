import type { CandidatePull } from "../../core/deploy/decide-canary.js";
import { findBake } from "../../core/deploy/decide-production.js";
import type { DeploymentDecision } from "../../core/deploy/deployment-decision.js";
import {
  buildEvidenceRecord,
  type EvidenceCanaryFacts,
  type EvidenceFacts,
  type EvidenceGateFacts,
  type EvidencePullFacts,
} from "../../core/evidence/build-evidence-record.js";
import { EVIDENCE_CHECK_NAME, formatEvidenceKey } from "../../core/evidence/evidence-key.js";
import type { EvidenceRecord, EvidenceSource } from "../../core/evidence/evidence-record.js";
import { publishCompletedCheck } from "../../github/check-runs.js";
import { getPullRequest } from "../../github/find-pull-requests.js";
import type { GitHubClient, RepoRef } from "../../github/github-client.js";
import { listEvidenceRuns } from "../../github/list-evidence-runs.js";
import { listPullReviews } from "../../github/list-pull-reviews.js";
import { renderEvidenceOutput } from "../../render/evidence-output.js";
import { readReportTicket, readRuleVerdicts } from "../../render/read-report-table.js";
import type { AppDeps, Log } from "../app-deps.js";
import type { DecisionFacts, DeploymentAssessment } from "./assess-deployment.js";

/** One production decision that GitHub records, and how it was asked for. */
export interface DecisionToRecord {
  repo: RepoRef;
  sha: string;
  environment: string;
  source: EvidenceSource;
  /** The deployment decided on; none for the gate endpoint (then one record per commit, environment and decision). */
  deploymentId?: number | undefined;
  assessment: DeploymentAssessment;
  decidedAt: Date;
}

/**
 * Writes the `single-patch-order/evidence` run of a production decision (SPEC §11), at most once
 * per deployment (or commit and environment) and decision: its `external_id` is that key, and a
 * run of this App with the key already on the commit (a redelivery, a second replica, the status
 * fallback and the protection rule of one deployment) means nothing more is written. Canary and
 * unconfigured environments get none. Best effort, after the decision went out: it never throws,
 * and a failure is logged and counted (deps.evidenceWatch), never turned into another decision.
 */
export async function recordEvidence(
  octokit: GitHubClient,
  decision: DecisionToRecord,
  deps: Pick<AppDeps, "appId" | "evidenceWatch" | "evidenceKeys">,
  log: Log,
): Promise<EvidenceRecord | undefined> {
  if (decision.assessment.kind !== "production") return undefined;
  const { repo, sha } = decision;
  try {
    // The key needs only the decision: a known one costs no call, a recorded one only the look-up.
    const externalId = formatEvidenceKey({
      environment: decision.environment,
      deploymentId: decision.deploymentId ?? null,
      sha,
      decision: decision.assessment.decision.allowed ? "approved" : "rejected",
    });
    const key = `${repo.owner}/${repo.repo}@${externalId}`.toLowerCase();
    if (deps.evidenceKeys?.has(key)) return undefined;
    const runs = await listEvidenceRuns(octokit, repo, sha, deps.appId);
    const recorded = runs.some(
      (run) => run.externalId === externalId && (deps.appId === undefined || run.appId === deps.appId),
    );
    if (recorded) {
      deps.evidenceKeys?.add(key);
      return undefined;
    }
    const record = buildEvidenceRecord(await gatherFacts(octokit, decision));
    await publishCompletedCheck(octokit, repo, {
      name: EVIDENCE_CHECK_NAME,
      headSha: sha,
      output: renderEvidenceOutput(record),
      completedAt: decision.decidedAt,
      externalId,
    });
    deps.evidenceKeys?.add(key);
    deps.evidenceWatch?.evidenceRecorded(record);
    return record;
  } catch (error) {
    deps.evidenceWatch?.evidenceFailed();
    log.error(
      { err: error, sha, environment: decision.environment, source: decision.source },
      "could not write the evidence of a production decision; the decision itself stands",
    );
    return undefined;
  }
}

/** The record's facts: the decision's own reads, plus the hotfix PR as `pulls.get` gives it and its reviews. */
async function gatherFacts(octokit: GitHubClient, decision: DecisionToRecord): Promise<EvidenceFacts> {
  const { facts } = decision.assessment;
  const hotfix = facts ? pickHotfix(facts.canary.pulls) : undefined;
  const pull = hotfix ? await readPull(octokit, decision.repo, hotfix) : undefined;
  const gate = hotfix?.gate ? readGate(hotfix.gate) : undefined;
  const canary = facts ? findCanary(facts) : undefined;
  return {
    repository: `${decision.repo.owner}/${decision.repo.repo}`,
    sha: decision.sha,
    environment: decision.environment,
    decision: toDecision(decision.assessment.decision),
    decidedAt: decision.decidedAt,
    source: decision.source,
    ...(decision.deploymentId === undefined ? {} : { deploymentId: decision.deploymentId }),
    ...(pull ? { pull } : {}),
    ...(gate ? { gate } : {}),
    ...(canary ? { canary } : {}),
  };
}

/** The hotfix the commit belongs to: a merged one first (what production runs), then the lowest number. */
function pickHotfix(pulls: readonly CandidatePull[]): CandidatePull | undefined {
  return [...pulls]
    .filter((p) => p.hotfix)
    .sort((a, b) => Number(Boolean(b.mergedAt)) - Number(Boolean(a.mergedAt)) || a.number - b.number)[0];
}

async function readPull(octokit: GitHubClient, repo: RepoRef, hotfix: CandidatePull): Promise<EvidencePullFacts> {
  const [pr, reviews] = await Promise.all([
    getPullRequest(octokit, repo, hotfix.number),
    listPullReviews(octokit, repo, hotfix.number),
  ]);
  return {
    number: hotfix.number,
    author: pr.user?.login ?? hotfix.author,
    mergedBy: pr.merged_by?.login,
    mergedAt: pr.merged_at ?? hotfix.mergedAt ?? null,
    openedAt: pr.created_at ?? hotfix.openedAt ?? null,
    reviews,
  };
}

/** The gate as the App published or assessed it: its rule table and ticket read back from its own report. */
function readGate(gate: NonNullable<CandidatePull["gate"]>): EvidenceGateFacts {
  const summary = gate.summary ?? "";
  return {
    conclusion: gate.conclusion,
    rules: readRuleVerdicts(summary),
    ticket: readReportTicket(summary),
    override: gate.override,
  };
}

function findCanary(facts: DecisionFacts): EvidenceCanaryFacts | undefined {
  if (!facts.production) return undefined;
  const bake = findBake(facts.production.facts, facts.production.trust);
  if (!bake) return undefined;
  return {
    id: bake.deployment.id,
    environment: bake.deployment.environment,
    createdAt: bake.deployment.createdAt ?? bake.status.createdAt,
    succeededAt: bake.status.createdAt,
  };
}

function toDecision(decision: DeploymentDecision): { allowed: boolean; reason: string } {
  return { allowed: decision.allowed, reason: decision.reason };
}
