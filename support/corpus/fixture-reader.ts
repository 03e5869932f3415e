import type { Change } from "../../src/core/change.js";
import type { FactReader } from "../../src/sources/complete-change.js";

/** What a planner asked a fixture for: how an adapter would spend its reads on the case. */
export interface ReadLog {
  baseTree: number;
  texts: number;
  previousRelease: number;
}

/**
 * An adapter over a loaded corpus case: it answers the planner from the facts the fixture holds
 * (its texts, its tree, its release), and leaves unread what the fixture does not know. Judging a
 * case stripped of its facts through this reader shows that the planner asks for every fact the
 * verdicts depend on.
 */
export function readFixture(full: Change, log: ReadLog): FactReader {
  return {
    async listBaseTree() {
      log.baseTree++;
      return full.baseTree ?? { paths: [], complete: false };
    },
    async readTexts(side, paths) {
      log.texts += paths.length;
      const known = full.contents?.[side] ?? {};
      return Object.fromEntries(paths.filter((p) => p in known).map((p) => [p, known[p] ?? null]));
    },
    async findPreviousRelease() {
      log.previousRelease++;
      return full.previousRelease ?? null;
    },
  };
}

/** The change as a source lists it, before any fact is gathered. */
export function stripFacts(change: Change): Change {
  const { contents: _contents, baseTree: _tree, previousRelease: _release, ...listed } = change;
  return listed;
}
