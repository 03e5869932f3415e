import { iso } from "../core/deploy/decide-production.js";
import type { RepoRef, GitHubClient } from "../github/github-client.js";
import { readEvidenceBlock } from "../core/evidence/evidence-block.js";
import type { FoundRecord, ProductionDeployment } from "../core/evidence/audit-evidence.js";
import type { HotfixOutcome } from "../core/evidence/summarize-evidence.js";
import { isHotfix } from "../core/is-hotfix.js";
import { loadRepoSettings } from "../github/load-repo-config.js";
import { listEnvironmentDeployments } from "../github/list-environment-deployments.js";
import { listEvidenceRuns } from "../github/list-evidence-runs.js";
import { listMergedPulls } from "../github/list-merged-pulls.js";
import { readDefaultBranch } from "../github/read-default-branch.js";
import { readProductionFacts } from "../github/read-production-facts.js";

/** What `spo evidence` asks for: the repository, the range of decision times, and whose runs to trust. */
export interface EvidenceQuery {
  since: Date;
  until: Date;
  /** The slug of the App whose evidence runs are trusted (`single-patch-order`). */
  appSlug: string;
}

export interface RebuiltEvidence {
  records: FoundRecord[];
  /** Production deployments created in the range (and its look-back), with when each reached success. */
  deployments: ProductionDeployment[];
  /** Per commit with an approval in the range: a failed canary, a rollback. */
  outcomes: Map<string, HotfixOutcome>;
  /** The environments read as production and canary (the repository's config). */
  environments: { production: string[]; canary: string[] };
  /** False when a listing stopped at its page cap: the export may miss the oldest part of the range. */
  complete: boolean;
}

/**
 * A decision comes after its deployment was created, and a protection rule can hold a job for days:
 * deployments and merges this long before `since` are read too, for decisions made in the range.
 */
const LOOK_BACK_MS = 7 * 86_400_000;
const MAX_PAGES = 20;
const FAILED = new Set(["failure", "error"]);

/**
 * Rebuilds the production evidence of a range from GitHub alone (SPEC §11): the repository's
 * config names its production and canary environments; the commits come from the production
 * deployments and the hotfix pull requests merged in the range (their merge commits); each commit's evidence runs are read
 * (re-runs included) and only those the App `appSlug` wrote are believed, each record checked
 * against its commit and repository; the deployments of each approved commit tell whether its
 * canary failed or production was rolled back. Reads only.
 */
export async function rebuildEvidence(
  octokit: GitHubClient,
  repo: RepoRef,
  query: EvidenceQuery,
): Promise<RebuiltEvidence> {
  const defaultBranch = await readDefaultBranch(octokit, repo);
  const { config } = await loadRepoSettings(octokit, repo, defaultBranch);
  const { production, canary } = config.deploy;
  const from = new Date(query.since.getTime() - LOOK_BACK_MS);
  let complete = true;
  const deployments: ProductionDeployment[] = [];
  const failedProduction = new Set<string>();
  for (const environment of production) {
    const listed = await listEnvironmentDeployments(octokit, repo, {
      environment,
      since: from,
      until: query.until,
      maxPages: MAX_PAGES,
    });
    complete &&= listed.complete;
    for (const d of listed.deployments) {
      const success = d.statuses
        .filter((s) => s.state === "success")
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
      if (d.statuses.some((s) => FAILED.has(s.state))) failedProduction.add(d.sha);
      const succeededAt = success && iso(success.createdAt);
      if (succeededAt && !inRange(succeededAt, query)) continue;
      deployments.push({
        id: d.id,
        sha: d.sha,
        environment: d.environment,
        createdAt: d.createdAt,
        ...(d.creator ? { creator: d.creator } : {}),
        ...(succeededAt ? { succeededAt } : {}),
      });
    }
  }
  const merged = await listMergedPulls(octokit, repo, { since: from.toISOString(), maxPages: MAX_PAGES });
  complete &&= merged.complete;
  // A hotfix merged but deployed with no GitHub deployment (the gate endpoint) still has its evidence on its merge commit.
  const hotfixes = merged.pulls.filter((p) => isHotfix({ headBranch: p.headRef, labels: p.labels }, config).hotfix);
  const shas = new Set([...deployments.map((d) => d.sha), ...hotfixes.map((p) => p.mergeCommitSha)]);

  const records: FoundRecord[] = [];
  const name = `${repo.owner}/${repo.repo}`.toLowerCase();
  for (const sha of shas) {
    for (const run of await listEvidenceRuns(octokit, repo, sha)) {
      if (run.appSlug !== query.appSlug) continue;
      const record = readEvidenceBlock(run.text);
      if (!record || record.sha !== sha || record.repository.toLowerCase() !== name) continue;
      if (!inRange(record.timeline.productionDecision, query)) continue;
      records.push({ record, runId: run.id, ...(run.htmlUrl ? { url: run.htmlUrl } : {}) });
    }
  }
  const approved = new Set(records.filter((f) => f.record.decision === "approved").map((f) => f.record.sha));
  const outcomes = new Map<string, HotfixOutcome>();
  for (const sha of approved) {
    const facts = await readProductionFacts(octokit, repo, sha, canary);
    outcomes.set(sha, {
      failedCanary: facts.canaryDeployments.some((d) => d.statuses.some((s) => FAILED.has(s.state))),
      rolledBack: failedProduction.has(sha),
    });
  }
  return { records, deployments, outcomes, environments: { production, canary }, complete };
}

function inRange(at: string, query: Pick<EvidenceQuery, "since" | "until">): boolean {
  const time = Date.parse(at);
  return time >= query.since.getTime() && time < query.until.getTime();
}
