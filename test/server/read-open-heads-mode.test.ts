import { describe, expect, it } from "vitest";
import { findStartupProblem } from "../../src/server/check-server-env.js";
import { readOpenHeadsMode } from "../../src/server/read-open-heads-mode.js";

describe("OPEN_HEADS_INDEX", () => {
  it("defaults to Redis with REDIS_URL and to none without: memory is only for a stated single replica", () => {
    expect(readOpenHeadsMode({})).toBe("off");
    expect(readOpenHeadsMode({ REDIS_URL: "redis://localhost:6379" })).toBe("redis");
    expect(readOpenHeadsMode({ OPEN_HEADS_INDEX: "auto", REDIS_URL: "redis://r" })).toBe("redis");
    expect(readOpenHeadsMode({ OPEN_HEADS_INDEX: " Memory " })).toBe("memory");
    expect(readOpenHeadsMode({ OPEN_HEADS_INDEX: "off", REDIS_URL: "redis://r" })).toBe("off");
  });

  it("stops the server at start for a mistyped value or Redis without REDIS_URL, naming the variable", () => {
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", OPEN_HEADS_INDEX: "memroy" })).toBe(
      "OPEN_HEADS_INDEX is `memroy`; it must be one of auto, redis, memory, off. Refusing to start.",
    );
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", OPEN_HEADS_INDEX: "redis" })).toBe(
      "OPEN_HEADS_INDEX is `redis` but REDIS_URL is not set. Refusing to start.",
    );
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", OPEN_HEADS_INDEX: "memory", REDIS_URL: "redis://r" })).toBe(
      "OPEN_HEADS_INDEX is `memory` but REDIS_URL is set: replicas sharing Redis would each keep an index of only their own deliveries. Use `auto` (the index in Redis) or `off`. Refusing to start.",
    );
    expect(findStartupProblem({ WEBHOOK_SECRET: "s", OPEN_HEADS_INDEX: "memory" })).toBeUndefined();
  });
});
