import nock from "nock";
import { describe, expect, it } from "vitest";
import { createMemoryReplyLimiter } from "../../src/app/reply-limiter.js";
import { createRedisReplyLimiter } from "../../src/server/redis-reply-limiter.js";
import { API, expectAllMocksDone, mockSettings } from "../helpers/github-nock.js";
import { createTestProbot, FIXED_NOW } from "../helpers/probot.js";
import { captureComments, mockRole, prComment } from "../helpers/pull-request-comments.js";
import { REASON } from "./attack-helpers.js";

/**
 * Issue 9, item 9: spend the installation's write budget. Anyone on a public repository got an
 * App comment per `/spo help`, unknown command, `explain` or refused override, and comments
 * share the content-creation limit with check runs. Now: one reply per person per PR per 10 minutes.
 */

function send(probot: ReturnType<typeof createTestProbot>, body: string, actor = "passer-by") {
  return probot.receive({
    id: `budget-${Math.random()}`,
    name: "issue_comment",
    payload: prComment(body, actor),
  } as never);
}

describe("attack: spend the write budget with commands anyone may type", () => {
  it("answers twenty /spo help, unknown commands and refused overrides from one person with one comment", async () => {
    const probot = createTestProbot();
    const scope = nock(API);
    mockSettings(scope).persist();
    mockRole(scope, "passer-by", "read").persist();
    const replies = captureComments(scope, 1);

    for (let i = 0; i < 5; i++) {
      await send(probot, "/spo help");
      await send(probot, "/spo frobnicate");
      await send(probot, `/spo override ${REASON}`);
      await send(probot, "/spo explain");
    }

    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^@passer-by Single Patch Order reads these commands/);
    nock.cleanAll();
  });

  it("still answers another person, and the same person again after 10 minutes", async () => {
    let now = FIXED_NOW;
    const probot = createTestProbot({ now: () => now, replyLimiter: createMemoryReplyLimiter(() => now) });
    const scope = nock(API);
    const replies = captureComments(scope, 3);

    await send(probot, "/spo help", "first");
    await send(probot, "/spo help", "first");
    await send(probot, "/spo help", "second");
    now = new Date(FIXED_NOW.getTime() + 10 * 60_000 + 1);
    await send(probot, "/spo help", "first");

    expectAllMocksDone();
    expect(replies.map((r) => r.split(" ")[0])).toStrictEqual(["@first", "@second", "@first"]);
  });

  it("shares the limit between replicas through Redis (SET NX EX), and falls back to memory when Redis fails", async () => {
    const store = new Map<string, string>();
    const redis = {
      async set(key: string, value: string, _ex: "EX", seconds: number, _nx: "NX") {
        expect(seconds).toBe(600);
        if (store.has(key)) return null;
        store.set(key, value);
        return "OK";
      },
      async del() {
        return 0;
      },
    };
    const replicaA = createRedisReplyLimiter(
      redis,
      createMemoryReplyLimiter(() => FIXED_NOW),
    );
    const replicaB = createRedisReplyLimiter(
      redis,
      createMemoryReplyLimiter(() => FIXED_NOW),
    );
    expect(await replicaA.claim("o/r#1@x")).toBe(true);
    expect(await replicaB.claim("o/r#1@x")).toBe(false);
    expect([...store.keys()]).toStrictEqual(["single-patch-order:reply:o/r#1@x"]);

    const down = { set: async () => Promise.reject(new Error("ECONNREFUSED")), del: async () => 0 };
    const alone = createRedisReplyLimiter(
      down,
      createMemoryReplyLimiter(() => FIXED_NOW),
    );
    expect([await alone.claim("k"), await alone.claim("k")]).toStrictEqual([true, false]);
  });
});
