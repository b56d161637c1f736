import type { GraphSnapshot } from "../../domain/graph-store";
import type { SnapshotRead } from "./snapshot-reader";

/** Reads tried before settling for a snapshot that a concurrent write overlapped. */
const ATTEMPTS = 3;

/**
 * One snapshot per data version. The caller reads the current version (cheap, and another process
 * may have written); an equal cached version is served as is, concurrent callers for the same
 * version share one load, and only a consistent read is cached. Under a stream of writes a read
 * may keep overlapping one: after a few attempts the last read is returned uncached rather than
 * failing the caller.
 */
export class SnapshotCache {
  private cached: GraphSnapshot | undefined;
  private loading: { readonly version: number; readonly promise: Promise<GraphSnapshot> } | undefined;

  constructor(private readonly read: () => Promise<SnapshotRead>) {}

  get(version: number): Promise<GraphSnapshot> {
    if (this.cached?.version === version) return Promise.resolve(this.cached);
    if (this.loading?.version === version) return this.loading.promise;
    const loading = { version, promise: this.load() };
    this.loading = loading;
    const clear = () => {
      if (this.loading === loading) this.loading = undefined;
    };
    loading.promise.then(clear, clear);
    return loading.promise;
  }

  clear(): void {
    this.cached = undefined;
    this.loading = undefined;
  }

  private async load(): Promise<GraphSnapshot> {
    let last: SnapshotRead | undefined;
    for (let attempt = 0; attempt < ATTEMPTS && !last?.consistent; attempt++) last = await this.read();
    const { snapshot, consistent } = last!;
    if (consistent && (this.cached === undefined || snapshot.version >= this.cached.version)) this.cached = snapshot;
    return snapshot;
  }
}
