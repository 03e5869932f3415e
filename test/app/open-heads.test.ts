import { describe, expect, it } from "vitest";
import { createMemoryOpenHeads } from "../../src/app/open-heads.js";
import { createTestClock, describeOpenHeadsContract } from "../helpers/open-heads-contract.js";

describeOpenHeadsContract("in memory", async (clock, limits) => createMemoryOpenHeads(clock.now, limits));

describe("the open-heads index in memory", () => {
  it("forgets the least recently used repository past its bound, which is then unknown again", async () => {
    const clock = createTestClock();
    const heads = createMemoryOpenHeads(clock.now, { maxRepos: 2 });
    await heads.seed(1, [], clock.now());
    await heads.seed(2, [], clock.now());
    await heads.othersOn(1, "a".repeat(40), 0);
    await heads.note(1, { number: 3, sha: "a".repeat(40), updatedAt: 1, open: true });
    await heads.seed(3, [], clock.now());
    expect(await heads.othersOn(1, "a".repeat(40), 0)).toEqual([3]);
    expect(await heads.othersOn(2, "a".repeat(40), 0)).toBeUndefined();
    expect(await heads.othersOn(3, "a".repeat(40), 0)).toEqual([]);
  });
});
