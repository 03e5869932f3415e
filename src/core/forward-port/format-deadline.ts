/** A moment as people read it in a report, in UTC to the minute: `2026-11-24 12:00 UTC`. */
export function formatMoment(moment: Date): string {
  return `${moment.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** When a hotfix merged at `mergedAt` must have its twin: `forwardPort.within` later. */
export function findDeadline(mergedAt: string, withinMs: number): Date {
  return new Date(Date.parse(mergedAt) + withinMs);
}
