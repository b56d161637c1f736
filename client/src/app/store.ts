/**
 * The model lives outside React (excalidraw's Scene): a value, pure updates, subscribers. React
 * reads it with useSyncExternalStore; the URL sync and the map read the same value.
 */
export interface Store<S> {
  get(): S;
  update(action: (s: S) => S): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(action) {
      const next = action(state);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
