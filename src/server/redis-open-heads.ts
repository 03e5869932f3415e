import {
  MAX_HEADS_PER_REPO,
  type OpenHeads,
  type PullHead,
  type RepoKey,
  SEED_GRACE_MS,
  SEED_TRUST_MS,
} from "../app/open-heads.js";

/**
 * The open-heads index (src/app/open-heads.ts) shared by every replica on one Redis: per repository
 * a hash, field = PR number, value `sha|updatedAt|notedAt`, and the field `seeded` = `epoch|startedAt`.
 * Each operation is one Lua script (applyNote, mergeSeed and othersOn, rewritten), so notes and
 * seeds of two replicas never overwrite each other. A repository's key expires 2 × trust after
 * its last note or seed.
 *
 * A seed counts only in the epoch it was made in (`<prefix>epoch`). The epoch is bumped when a
 * process starts (deliveries may have been missed while no replica ran) and when a note of this
 * process may have been lost (Redis failed): until then this process answers "unknown", and
 * afterwards every repository is unknown until a listing seeds it again. A seed whose listing
 * began before the last bump (`<prefix>bumped-at`) is refused: it may lack what was lost.
 */

/** The one command the index needs; ioredis' client has it. */
export interface RedisOpenHeadsClient {
  eval(script: string, keys: number, ...args: string[]): Promise<unknown>;
}

export interface RedisOpenHeadsOptions {
  now?: () => number;
  trustMs?: number;
  maxHeads?: number;
  prefix?: string;
  /** How long after a failed note the epoch bump is tried (again). */
  retryMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

const PREFIX = "single-patch-order:heads:";

/** KEYS: epoch, bumped-at. ARGV: now, ttl. The bump time only grows: a replica whose clock lags cannot lower it. */
const BUMP = `redis.call("incr", KEYS[1])
if tonumber(ARGV[1]) > (tonumber(redis.call("get", KEYS[2])) or 0) then
  redis.call("set", KEYS[2], ARGV[1], "PX", ARGV[2])
end`;

/** KEYS: repo. ARGV: number, sha, updatedAt, open, notedAt, maxHeads, ttl. */
const NOTE = `local kept = redis.call("hget", KEYS[1], ARGV[1])
if kept and tonumber(string.match(kept, "^.*|([^|]*)|[^|]*$")) > tonumber(ARGV[3]) then return end
if ARGV[4] == "1" then redis.call("hset", KEYS[1], ARGV[1], ARGV[2] .. "|" .. ARGV[3] .. "|" .. ARGV[5])
else redis.call("hdel", KEYS[1], ARGV[1]) end
if redis.call("hlen", KEYS[1]) - redis.call("hexists", KEYS[1], "seeded") > tonumber(ARGV[6]) then
  redis.call("del", KEYS[1])
else redis.call("pexpire", KEYS[1], ARGV[7]) end`;

/** KEYS: repo, epoch, bumped-at. ARGV: startedAt, listed, maxHeads, ttl, grace, then (number, sha, updatedAt)… */
const SEED = `local startedAt, maxHeads = tonumber(ARGV[1]), tonumber(ARGV[3])
if startedAt < (tonumber(redis.call("get", KEYS[3])) or 0) then return end
if tonumber(ARGV[2]) > maxHeads then redis.call("del", KEYS[1]) return end
local seeded = {}
for i = 6, #ARGV, 3 do
  seeded[ARGV[i]] = {tonumber(ARGV[i + 2]), ARGV[i + 1] .. "|" .. ARGV[i + 2] .. "|" .. ARGV[1]}
end
local kept = redis.call("hgetall", KEYS[1])
for i = 1, #kept, 2 do
  if kept[i] ~= "seeded" then
    local updatedAt, notedAt = string.match(kept[i + 1], "^.*|([^|]*)|([^|]*)$")
    local listed = seeded[kept[i]]
    if listed and tonumber(updatedAt) > listed[1]
      or not listed and tonumber(notedAt) >= startedAt - tonumber(ARGV[5]) then
      seeded[kept[i]] = {0, kept[i + 1]}
    end
  end
end
local count = 0
for _ in pairs(seeded) do count = count + 1 end
redis.call("del", KEYS[1])
if count > maxHeads then return end
for field, entry in pairs(seeded) do redis.call("hset", KEYS[1], field, entry[2]) end
redis.call("hset", KEYS[1], "seeded", (redis.call("get", KEYS[2]) or "0") .. "|" .. ARGV[1])
redis.call("pexpire", KEYS[1], ARGV[4])`;

/** KEYS: repo, epoch. ARGV: sha, except, now, trustMs. False (null) when the repository is not known. */
const OTHERS = `local seeded = redis.call("hget", KEYS[1], "seeded")
if not seeded then return false end
local epoch, at = string.match(seeded, "^(.*)|(.*)$")
if epoch ~= (redis.call("get", KEYS[2]) or "0") or tonumber(ARGV[3]) - tonumber(at) > tonumber(ARGV[4]) then
  return false
end
local others = {}
local kept = redis.call("hgetall", KEYS[1])
for i = 1, #kept, 2 do
  local sha = string.match(kept[i + 1], "^(.*)|[^|]*|[^|]*$")
  if kept[i] ~= "seeded" and kept[i] ~= ARGV[2] and sha == ARGV[1] then
    others[#others + 1] = tonumber(kept[i])
  end
end
return others`;

/**
 * The index in Redis, right for any number of replicas on that Redis. Creating it bumps the epoch
 * (every repository is unknown again); if that fails, it starts as after a lost note.
 */
export async function createRedisOpenHeads(
  redis: RedisOpenHeadsClient,
  options: RedisOpenHeadsOptions = {},
): Promise<OpenHeads> {
  const { now = Date.now, trustMs = SEED_TRUST_MS, maxHeads = MAX_HEADS_PER_REPO, prefix = PREFIX } = options;
  const { retryMs = 1_000, log } = options;
  const ttl = String(2 * trustMs);
  const [epoch, bumpedAt] = [`${prefix}epoch`, `${prefix}bumped-at`];
  const key = (repo: RepoKey) => `${prefix}${repo}`;

  let dirty = false; // a note may be lost: answer "unknown" until the epoch is bumped
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined; // at most one bump pending or in flight
  const bump = () => redis.eval(BUMP, 2, epoch, bumpedAt, String(now()), ttl);
  const scheduleBump = () => {
    if (retry) return;
    retry = setTimeout(async () => {
      const seen = failures;
      try {
        await bump();
        if (seen === failures) dirty = false; // else a note failed while bumping: bump again
      } catch {
        // the failed note was logged; retried until Redis answers
      }
      retry = undefined;
      if (dirty) scheduleBump();
    }, retryMs);
    retry.unref();
  };
  const markDirty = () => {
    dirty = true;
    failures++;
    scheduleBump();
  };

  try {
    await bump();
  } catch (error) {
    log?.warn({ err: error }, "open heads: could not bump the epoch in Redis; unknown until it can");
    markDirty();
  }

  return {
    async note(repo, head) {
      const args = [String(head.number), head.sha, String(head.updatedAt), head.open ? "1" : "0", String(now())];
      try {
        await redis.eval(NOTE, 1, key(repo), ...args, String(maxHeads), ttl);
      } catch (error) {
        log?.warn({ err: error, repo, pr: head.number }, "open heads: a note failed; unknown until the epoch moves");
        markDirty();
      }
    },
    async seed(repo, listed, startedAt) {
      if (dirty) return; // its listing may lack what the lost note said
      const open = listed.length > maxHeads ? [] : listed.filter((head) => head.open).flatMap(seedArgs);
      try {
        const counts = [String(listed.length), String(maxHeads), ttl, String(SEED_GRACE_MS)];
        await redis.eval(SEED, 3, key(repo), epoch, bumpedAt, String(startedAt), ...counts, ...open);
      } catch (error) {
        log?.warn({ err: error, repo }, "open heads: a seed failed; the repository stays unknown");
      }
    },
    async othersOn(repo, sha, except) {
      if (dirty) return undefined;
      try {
        const args = [sha, String(except), String(now()), String(trustMs)];
        const others = await redis.eval(OTHERS, 2, key(repo), epoch, ...args);
        return Array.isArray(others) ? others.map(Number).sort((a, b) => a - b) : undefined;
      } catch (error) {
        log?.warn({ err: error, repo }, "open heads: could not read Redis; listing the open PRs");
        return undefined;
      }
    },
  };
}

const seedArgs = (head: PullHead): string[] => [String(head.number), head.sha, String(head.updatedAt)];
