import type { Store } from "./store";
import type { ViewState } from "../model/view-state";
import { decodeView, encodeView } from "../model/url-state";

/**
 * Keeps the address bar equal to the view. Focus and scenario changes get their own history entry
 * (Back undoes them); everything else replaces the current one. Back/forward decode the URL.
 */
export function syncUrl(store: Store<ViewState>): () => void {
  let last = store.get();
  const unsubscribe = store.subscribe(() => {
    const v = store.get();
    const query = encodeView(v);
    if (query === location.search) {
      last = v;
      return;
    }
    const significant = v.focus !== last.focus || v.fail.join("\n") !== last.fail.join("\n");
    if (significant) history.pushState(null, "", query);
    else history.replaceState(null, "", query);
    last = v;
  });
  const onPop = () => store.update(() => decodeView(location.search, store.get().lang));
  window.addEventListener("popstate", onPop);
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPop);
  };
}

export function browserLang(): "zh" | "en" {
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}
