/** One answer kept for revalidation: the 200 a conditional read can be answered from when GitHub says 304. */
export interface CachedRead {
  etag: string;
  /** The 200's headers (content type included: callers tell a file from a folder by it). */
  headers: ReadonlyArray<[string, string]>;
  body: Uint8Array;
}

export interface CacheBounds {
  maxEntries: number;
  /** Body bytes of all entries together; an answer larger than a quarter of it is not kept. */
  maxBytes: number;
}

/**
 * Last answers of conditional reads, least recently used dropped first, bounded in entries and
 * body bytes. It only stores and hands back: who may read which key is the caller's business
 * (read-conditionally.ts puts the installation and the token in every key). Never a reason to
 * skip a request: an entry is only ever used to answer a 304.
 */
export interface ConditionalReadCache {
  get(key: string): CachedRead | undefined;
  /** Replaces the key's entry at once (a 200 is newer than whatever was kept). */
  set(key: string, entry: CachedRead): void;
  delete(key: string): void;
  readonly size: number;
  readonly bytes: number;
}

/** The App's bounds: a config file is a few hundred bytes; a base tree of a large monorepo a few MB. */
export const DEFAULT_CACHE_BOUNDS: CacheBounds = { maxEntries: 2_000, maxBytes: 16 * 2 ** 20 };

export function createConditionalReadCache(bounds: CacheBounds = DEFAULT_CACHE_BOUNDS): ConditionalReadCache {
  const entries = new Map<string, CachedRead>();
  let bytes = 0;
  const remove = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    entries.delete(key);
    bytes -= sizeOf(key, old);
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    set(key, entry) {
      remove(key);
      const size = sizeOf(key, entry);
      if (size > bounds.maxBytes / 4 || bounds.maxEntries < 1) return;
      entries.set(key, entry);
      bytes += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= bounds.maxEntries && bytes <= bounds.maxBytes) break;
        remove(oldest);
      }
    },
    delete: remove,
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}

/** Body bytes plus what the key, tag and headers take (strings counted at 2 bytes a character). */
function sizeOf(key: string, entry: CachedRead): number {
  let size = entry.body.byteLength + 2 * (key.length + entry.etag.length);
  for (const [name, value] of entry.headers) size += 2 * (name.length + value.length);
  return size;
}
