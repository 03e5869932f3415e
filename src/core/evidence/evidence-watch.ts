import type { EvidenceRecord } from "./evidence-record.js";

/**
 * What the App tells about its evidence writes (implemented by the server's metrics): a record
 * written (once per decision, never for a redelivery that found its run), and a write that failed.
 */
export interface EvidenceWatch {
  evidenceRecorded(record: EvidenceRecord): void;
  evidenceFailed(): void;
}

/** Seconds from the PR's opening to its production approval; undefined for a rejection or an unknown opening. */
export function findLeadTimeSeconds(record: EvidenceRecord): number | undefined {
  if (record.decision !== "approved" || !record.timeline.prOpened) return undefined;
  const seconds = (Date.parse(record.timeline.productionDecision) - Date.parse(record.timeline.prOpened)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
