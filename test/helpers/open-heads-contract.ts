import { beforeEach, describe, expect, it } from "vitest";
import { type OpenHeads, type PullHead, SEED_GRACE_MS } from "../../src/app/open-heads.js";

/** A clock the contract moves by hand (epoch ms). */
export interface TestClock {
  now: () => number;
  set(ms: number): void;
}

export function createTestClock(start = Date.parse("2026-12-02T10:00:00Z")): TestClock {
  let at = start;
  return { now: () => at, set: (ms) => void (at = ms) };
}

const X = "a".repeat(40);
const Y = "b".repeat(40);
const T0 = Date.parse("2026-12-02T09:00:00Z");
const head = (number: number, sha: string, updatedAt = T0, open = true): PullHead => ({ number, sha, updatedAt, open });

/**
 * What every OpenHeads must do (memory and Redis alike): answer "unknown" unless it cannot have
 * missed a PR, and never lose one it does not know to be closed. `make` builds a fresh, empty
 * index on `clock` with a seed trust of `trustMs` and at most `maxHeads` PRs per repository.
 */
export function describeOpenHeadsContract(
  name: string,
  make: (clock: TestClock, limits: { trustMs: number; maxHeads: number }) => Promise<OpenHeads>,
): void {
  describe(`${name}: the open-heads contract`, () => {
    const REPO = 1296269;
    let clock: TestClock;
    let heads: OpenHeads;
    beforeEach(async () => {
      clock = createTestClock();
      heads = await make(clock, { trustMs: 3_600_000, maxHeads: 5 });
    });

    it("knows nothing of a repository until a listing seeded it, deliveries or not", async () => {
      await heads.note(REPO, head(7, X));
      expect(await heads.othersOn(REPO, X, 1)).toBeUndefined();
      await heads.seed(REPO, [head(7, X)], clock.now());
      expect(await heads.othersOn(REPO, X, 1)).toEqual([7]);
      expect(await heads.othersOn(REPO + 1, X, 1)).toBeUndefined();
    });

    it("names the other open PRs on the commit, never the asking one, in order", async () => {
      await heads.seed(REPO, [head(9, X), head(1, X), head(4, Y), head(3, X)], clock.now());
      expect(await heads.othersOn(REPO, X, 3)).toEqual([1, 9]);
      expect(await heads.othersOn(REPO, Y, 4)).toEqual([]);
      expect(await heads.othersOn(REPO, "c".repeat(40), 4)).toEqual([]);
    });

    it("adds a PR opened or pushed after the seed, and moves a PR that was pushed", async () => {
      await heads.seed(REPO, [head(1, X), head(2, Y)], clock.now());
      await heads.note(REPO, head(5, X, T0 + 1_000));
      await heads.note(REPO, head(2, X, T0 + 2_000));
      expect(await heads.othersOn(REPO, X, 1)).toEqual([2, 5]);
      expect(await heads.othersOn(REPO, Y, 0)).toEqual([]);
    });

    it("lets no older delivery undo a newer one: a late push of an old head, a late close before a reopen", async () => {
      await heads.seed(REPO, [], clock.now());
      await heads.note(REPO, head(2, X, T0 + 2_000));
      await heads.note(REPO, head(2, Y, T0 + 1_000));
      expect(await heads.othersOn(REPO, X, 0)).toEqual([2]);

      await heads.note(REPO, head(6, X, T0 + 5_000));
      await heads.note(REPO, head(6, X, T0 + 4_000, false));
      expect(await heads.othersOn(REPO, X, 0)).toEqual([2, 6]);

      await heads.note(REPO, head(6, X, T0 + 6_000, false));
      expect(await heads.othersOn(REPO, X, 0)).toEqual([2]);
    });

    it("keeps through a seed what was noted while the listing was read, and what the listing shows older", async () => {
      const startedAt = clock.now();
      clock.set(startedAt + 500);
      await heads.note(REPO, head(8, X, T0 + 9_000));
      await heads.note(REPO, head(2, X, T0 + 9_000));
      await heads.seed(REPO, [head(2, Y, T0 + 1_000), head(3, Y, T0)], startedAt);
      expect(await heads.othersOn(REPO, X, 0)).toEqual([2, 8]);
      expect(await heads.othersOn(REPO, Y, 0)).toEqual([3]);
    });

    it("takes the listing over what is older, and a PR noted long before the listing and absent from it as closed", async () => {
      await heads.seed(REPO, [head(1, X), head(2, X)], clock.now());
      clock.set(clock.now() + SEED_GRACE_MS + 60_000);
      await heads.seed(REPO, [head(1, Y, T0 + 1_000)], clock.now());
      expect(await heads.othersOn(REPO, X, 0)).toEqual([]);
      expect(await heads.othersOn(REPO, Y, 0)).toEqual([1]);
    });

    it("keeps a PR noted just before the listing began though the listing does not show it yet", async () => {
      await heads.seed(REPO, [], clock.now());
      await heads.note(REPO, head(4, X, T0 + 1_000));
      clock.set(clock.now() + SEED_GRACE_MS / 2);
      await heads.seed(REPO, [], clock.now());
      expect(await heads.othersOn(REPO, X, 0)).toEqual([4]);
    });

    it("stops trusting a seed after its trust time", async () => {
      await heads.seed(REPO, [head(1, X)], clock.now());
      clock.set(clock.now() + 3_600_001);
      expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
      await heads.seed(REPO, [head(1, X)], clock.now());
      expect(await heads.othersOn(REPO, X, 0)).toEqual([1]);
    });

    it("does not index a repository with more open PRs than it keeps", async () => {
      await heads.seed(
        REPO,
        [1, 2, 3, 4, 5, 6].map((n) => head(n, Y)),
        clock.now(),
      );
      expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
      await heads.seed(
        REPO,
        [1, 2, 3, 4, 5].map((n) => head(n, Y)),
        clock.now(),
      );
      expect(await heads.othersOn(REPO, X, 0)).toEqual([]);
      await heads.note(REPO, head(6, X, T0 + 1_000));
      expect(await heads.othersOn(REPO, X, 0)).toBeUndefined();
    });
  });
}
