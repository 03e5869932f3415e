/**
 * The `external_id` of a `single-patch-order` check run: the number of the PR it was judged for,
 * then, when other open PRs share its head commit, `;` and their numbers (`12;13,15`). Only this
 * App can write its check runs, so the id is a record no user can change: it tells which PRs a
 * verdict on a commit speaks for.
 */
export function formatGateExternalId(judged: number, sharing: readonly number[] = []): string {
  const others = [...new Set(sharing)].filter((n) => n !== judged).sort((a, b) => a - b);
  return others.length ? `${judged};${others.join(",")}` : String(judged);
}

export interface GateExternalId {
  judged: number;
  /** Every PR the verdict accounts for: the judged one and those sharing its head. */
  accounted: number[];
}

/** The PRs a gate run's `external_id` names; undefined for any other id (a release, a merge group, none). */
export function parseGateExternalId(id: string | null | undefined): GateExternalId | undefined {
  const match = /^(\d+)(?:;(\d+(?:,\d+)*))?$/.exec(id ?? "");
  if (!match) return undefined;
  const judged = Number(match[1]);
  const sharing = match[2] ? match[2].split(",").map(Number) : [];
  return { judged, accounted: [judged, ...sharing] };
}
