/**
 * Which open pull request of a repository has which head commit, kept from the App's own
 * `pull_request` deliveries, so that a passing verdict need not list the open PRs to learn that no
 * other PR shares its head (SPEC §8 "One commit, several PRs"; SPEC §15's budget of files + check).
 *
 * It may only say "no other PR" when it cannot have missed one: a repository counts as known
 * once a complete listing of its open PRs seeded it (`seed`), and from then every delivery adds to
 * it (`note`, called before the delivery is judged). A note never loses a PR it does not know to be
 * closed, an older delivery never undoes a newer one, and a note that arrives while the listing is
 * read survives the seed. Whatever the index is unsure of (a repository never seeded or seeded too
 * long ago, too many open PRs, a store that failed), `othersOn` answers undefined, and the caller
 * lists the open PRs as before. So the index can only save a look-up, never skip a PR.
 *
 * It must see every delivery: in memory it is right for one process only (`OPEN_HEADS_INDEX=memory`
 * states that the App runs as one replica); replicas share it in Redis (src/server/redis-open-heads.ts).
 */
export interface OpenHeads {
  /** Records what a verified `pull_request` delivery says of its PR. */
  note(repo: RepoKey, head: PullHead): Promise<void>;
  /**
   * Takes a complete listing of the repository's open PRs, whose reading began at `startedAt`
   * (epoch ms): every PR not in it and not noted since then is gone.
   */
  seed(repo: RepoKey, heads: readonly PullHead[], startedAt: number): Promise<void>;
  /** The numbers of the other open PRs with head `sha`, or undefined when the repository's heads are not known. */
  othersOn(repo: RepoKey, sha: string, except: number): Promise<number[] | undefined>;
}

/** A repository by its id (a rename or transfer keeps it; a new repository with an old name is another one). */
export type RepoKey = number;

/** One PR's head as a delivery or the open-PR listing shows it. */
export interface PullHead {
  number: number;
  sha: string;
  /** The PR's `updated_at` (epoch ms): a delivery older than what is kept changes nothing. */
  updatedAt: number;
  /** False for a closed (or merged) PR. */
  open: boolean;
}

/** How long a seed is trusted: past it, the next passing verdict lists the open PRs again (one call per repository per hour). */
export const SEED_TRUST_MS = 60 * 60 * 1000;
/** Notes this much older than a listing's start and absent from it are taken as closed; younger ones stay (over-inclusion is safe). */
export const SEED_GRACE_MS = 60 * 1000;
/** Repositories kept in memory (the least recently used is forgotten first, and is listed again when next needed). */
export const MAX_MEMORY_REPOS = 2_000;
/** Open PRs kept per repository; a repository with more is not indexed (its passing verdicts list the open PRs). */
export const MAX_HEADS_PER_REPO = 1_000;

interface Kept {
  sha: string;
  updatedAt: number;
  notedAt: number;
}

interface RepoHeads {
  seededAt?: number;
  pulls: Map<number, Kept>;
}

/** The index in this process's memory: right only when this process receives every delivery. */
export function createMemoryOpenHeads(
  now: () => number = Date.now,
  options: { maxRepos?: number; maxHeads?: number; trustMs?: number } = {},
): OpenHeads {
  const { maxRepos = MAX_MEMORY_REPOS, maxHeads = MAX_HEADS_PER_REPO, trustMs = SEED_TRUST_MS } = options;
  const repos = new Map<RepoKey, RepoHeads>();
  const use = (repo: RepoKey): RepoHeads => {
    const heads = repos.get(repo) ?? { pulls: new Map() };
    repos.delete(repo);
    repos.set(repo, heads);
    while (repos.size > maxRepos) repos.delete(repos.keys().next().value!);
    return heads;
  };
  return {
    async note(repo, head) {
      const heads = use(repo);
      applyNote(heads.pulls, head, now());
      if (heads.pulls.size > maxHeads) repos.delete(repo);
    },
    async seed(repo, listed, startedAt) {
      const heads = use(repo);
      heads.pulls = mergeSeed(heads.pulls, listed, startedAt);
      if (listed.length > maxHeads || heads.pulls.size > maxHeads) return void repos.delete(repo);
      heads.seededAt = startedAt;
    },
    async othersOn(repo, sha, except) {
      const heads = repos.get(repo);
      if (heads?.seededAt === undefined || now() - heads.seededAt > trustMs) return undefined;
      return [...heads.pulls]
        .filter(([number, kept]) => number !== except && kept.sha === sha)
        .map(([number]) => number)
        .sort((a, b) => a - b);
    },
  };
}

/** A delivery's news: ignored when older than what is kept; a closed PR is dropped, an open one kept at its head. */
function applyNote(pulls: Map<number, Kept>, head: PullHead, notedAt: number): void {
  const kept = pulls.get(head.number);
  if (kept && kept.updatedAt > head.updatedAt) return;
  if (!head.open) pulls.delete(head.number);
  else pulls.set(head.number, { sha: head.sha, updatedAt: head.updatedAt, notedAt });
}

/**
 * The listing, plus what was noted that the listing may not show yet: a PR noted since shortly
 * before the listing began (SEED_GRACE_MS: GitHub's lists may lag a write by a moment) is kept
 * though absent from it, and a kept head newer than the listed one (by `updated_at`) wins. A PR
 * noted well before the listing began and absent from it was closed meanwhile.
 */
function mergeSeed(
  pulls: ReadonlyMap<number, Kept>,
  listed: readonly PullHead[],
  startedAt: number,
): Map<number, Kept> {
  const seeded = new Map<number, Kept>();
  for (const head of listed)
    if (head.open) seeded.set(head.number, { sha: head.sha, updatedAt: head.updatedAt, notedAt: startedAt });
  for (const [number, kept] of pulls) {
    const fromList = seeded.get(number);
    if (fromList ? kept.updatedAt > fromList.updatedAt : kept.notedAt >= startedAt - SEED_GRACE_MS)
      seeded.set(number, kept);
  }
  return seeded;
}
