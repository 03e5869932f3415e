import type { OpenHeads } from "../app/open-heads.js";
import type { AppMetrics } from "../metrics/app-metrics.js";

/** The index, counting each of its answers in `spo_open_heads_answers_total` (alone, shared, unknown). */
export function countOpenHeads(index: OpenHeads, metrics: Pick<AppMetrics, "countOpenHeadsAnswer">): OpenHeads {
  return {
    note: (repo, head) => index.note(repo, head),
    seed: (repo, heads, startedAt) => index.seed(repo, heads, startedAt),
    async othersOn(repo, sha, except) {
      const others = await index.othersOn(repo, sha, except);
      metrics.countOpenHeadsAnswer(others === undefined ? "unknown" : others.length ? "shared" : "alone");
      return others;
    },
  };
}
