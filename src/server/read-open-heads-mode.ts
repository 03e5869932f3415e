/** Where the open-heads index lives (src/app/open-heads.ts), from `OPEN_HEADS_INDEX`. */
export type OpenHeadsMode = "redis" | "memory" | "off";

const MODES = ["auto", "redis", "memory", "off"] as const;

/**
 * `OPEN_HEADS_INDEX`: `auto` (the default) keeps the index in Redis when `REDIS_URL` is set and
 * keeps none otherwise; `redis` requires `REDIS_URL`; `memory` keeps it in this process, which is
 * right only when this process is the App's one replica (it must see every delivery), so it is
 * refused beside `REDIS_URL` (which is there for replicas); `off` keeps none. Without an index,
 * every passing verdict lists the open PRs (one call more). A problem (an unknown value, `redis`
 * without `REDIS_URL`, `memory` with it) stops the server at start, naming the variable.
 */
export function readOpenHeadsMode(env: NodeJS.ProcessEnv): OpenHeadsMode | { problem: string } {
  const value = (env.OPEN_HEADS_INDEX ?? "").trim().toLowerCase() || "auto";
  if (!(MODES as readonly string[]).includes(value))
    return {
      problem: `OPEN_HEADS_INDEX is \`${env.OPEN_HEADS_INDEX}\`; it must be one of ${MODES.join(", ")}. Refusing to start.`,
    };
  if (value === "redis" && !env.REDIS_URL)
    return { problem: "OPEN_HEADS_INDEX is `redis` but REDIS_URL is not set. Refusing to start." };
  if (value === "memory" && env.REDIS_URL)
    return {
      problem:
        "OPEN_HEADS_INDEX is `memory` but REDIS_URL is set: replicas sharing Redis would each keep an index of only their own deliveries. Use `auto` (the index in Redis) or `off`. Refusing to start.",
    };
  if (value === "auto") return env.REDIS_URL ? "redis" : "off";
  return value as OpenHeadsMode;
}
