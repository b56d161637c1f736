import { useEffect, useState, useSyncExternalStore } from "react";
import type { Store } from "./store";

export function useStore<S>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

export type Async<T> = { readonly status: "idle" } | { readonly status: "loading" } | { readonly status: "ok"; readonly data: T } | { readonly status: "error"; readonly message: string };

/**
 * Runs `load` whenever `key` changes (null: nothing to load) and ignores answers that arrive after
 * the key moved on, so a slow response never overwrites a newer one.
 */
export function useAsync<T>(key: string | null, load: () => Promise<T>): Async<T> {
  const [state, setState] = useState<{ key: string | null; value: Async<T> }>({ key: null, value: { status: "idle" } });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ key, value: { status: "loading" } });
    load().then(
      (data) => live && setState({ key, value: { status: "ok", data } }),
      (e: unknown) => live && setState({ key, value: { status: "error", message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
    // `load` closes over the same inputs as `key`; the key alone decides when to reload.
  }, [key]);
  if (key === null) return { status: "idle" };
  return state.key === key ? state.value : { status: "loading" };
}
