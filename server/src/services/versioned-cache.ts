import type { GraphSnapshot, GraphStore } from "../domain/graph-store";

/**
 * Derives a value from the store's snapshot once per data version. Every read asks the store for
 * its version (cheap for both adapters); a write bumps the version, so the next read rebuilds.
 * Concurrent readers of a version being built share one build.
 */
export class VersionedCache<T> {
  private current: { version: number; value: Promise<T> } | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly build: (snapshot: GraphSnapshot) => T,
  ) {}

  async get(): Promise<T> {
    const version = await this.store.version();
    if (this.current?.version === version) return this.current.value;
    const value = this.store.snapshot().then((s) => this.build(s));
    const entry = { version, value };
    this.current = entry;
    value.catch(() => {
      if (this.current === entry) this.current = undefined;
    });
    return value;
  }

  /**
   * The value as one request sees it: the request's first read asks the store (as `get` does);
   * every later read of the same request reuses that value — synchronously once it has arrived —
   * so the fields of one answer come from one data version and cost no further store call.
   */
  read(reads: RequestReads): T | Promise<T> {
    return reads.read(this);
  }
}

interface Slot {
  settled: boolean;
  value: unknown;
  readonly pending: Promise<unknown>;
}

/**
 * What one request has read from versioned caches (see `VersionedCache.read`). Create one per
 * request and drop it with the request; it holds at most one value per cache.
 */
export class RequestReads {
  private readonly slots = new Map<VersionedCache<unknown>, Slot>();

  read<T>(cache: VersionedCache<T>): T | Promise<T> {
    const slot = this.slots.get(cache);
    if (slot) return slot.settled ? (slot.value as T) : (slot.pending as Promise<T>);
    const pending = cache.get();
    const entry: Slot = { settled: false, value: undefined, pending };
    this.slots.set(cache, entry);
    pending.then(
      (value) => {
        entry.value = value;
        entry.settled = true;
      },
      // A failed read is not remembered: a later field of the request tries again (and reports
      // its own error); the caller of this read gets the rejection through `pending`.
      () => {
        if (this.slots.get(cache) === entry) this.slots.delete(cache);
      },
    );
    return pending;
  }
}
