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
}
