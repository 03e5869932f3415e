import { createHmac, timingSafeEqual } from "node:crypto";
import {
  decideRecordedState,
  formatRecordLine,
  parseGateRecord,
  readRecordLine,
  toCanonicalJson,
  type GateRecord,
  type RecordedRun,
  type RecordedState,
} from "../core/override/override-record.js";
import { GATE_CHECK_NAME } from "./check-runs.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { listNamedRuns } from "./list-named-runs.js";

/**
 * Where overrides (and who pushed a commit) are kept: in the App's own `single-patch-order` check
 * runs, which only this App can write (GitHub lets an App create and update its own check runs
 * only), as a record on the last line of `output.text`, signed with HMAC-SHA256 under a key only
 * the server holds (src/server/read-record-key.ts). Reading trusts a record only when the run is
 * this App's, on that head SHA, and the signature verifies for that repository, PR and SHA.
 */

/** Signs and verifies record texts with the server's key. */
export interface RecordSeal {
  sign(json: string): string;
  verify(json: string, signature: string): boolean;
}

/** What reading and writing records takes: this App's id (whose runs count) and its key. */
export interface RecordAccess {
  appId: number;
  seal: RecordSeal;
}

const DOMAIN = "single-patch-order record v1\n";

export function createRecordSeal(key: Uint8Array): RecordSeal {
  const mac = (json: string) => createHmac("sha256", key).update(DOMAIN).update(json, "utf8").digest();
  return {
    sign: (json) => mac(json).toString("base64url"),
    verify: (json, signature) => {
      const expected = mac(json);
      const given = Buffer.from(signature, "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The signed line that ends a run's text. */
export function sealRecord(seal: RecordSeal, record: GateRecord): string {
  const json = toCanonicalJson(record);
  return formatRecordLine(Buffer.from(json, "utf8").toString("base64url"), seal.sign(json));
}

/** The record on the last line of `text`, when its signature verifies; undefined otherwise. */
export function openRecord(seal: RecordSeal, text: string | null | undefined): GateRecord | undefined {
  const line = readRecordLine(text);
  if (!line) return undefined;
  const json = Buffer.from(line.payload, "base64url").toString("utf8");
  return seal.verify(json, line.signature) ? parseGateRecord(json) : undefined;
}

/**
 * Every verified record in this App's gate runs on `sha`: one call per 100 runs, at most 1,000 runs
 * (what GitHub keeps of one name); an override that only an older run carried no longer holds (the
 * safe direction).
 */
export async function readGateRecords(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  access: RecordAccess,
): Promise<RecordedRun[]> {
  const runs = await listNamedRuns(octokit, repo, sha, GATE_CHECK_NAME, access.appId);
  return runs.flatMap((run) => {
    const record = openRecord(access.seal, run.output?.text);
    return record ? [{ runId: run.id, record }] : [];
  });
}

/** What the App recorded about this PR's head commit: the override that holds, who pushed it. */
export async function readRecordedState(
  octokit: GitHubClient,
  repo: RepoRef,
  pr: { number: number; head: { sha: string } },
  access: RecordAccess,
): Promise<RecordedState> {
  const runs = await readGateRecords(octokit, repo, pr.head.sha, access);
  return decideRecordedState(runs, { repo: `${repo.owner}/${repo.repo}`, pr: pr.number, sha: pr.head.sha });
}
