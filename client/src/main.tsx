import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { loadGraph } from "./api/load-graph";
import { createStore } from "./app/store";
import { browserLang, syncUrl } from "./app/url-sync";
import { decodeView } from "./model/url-state";
import "./styles.css";

// The graph request starts before React mounts: it is the longest step to first paint.
const firstGraph = loadGraph();
const store = createStore(decodeView(location.search, browserLang()));
syncUrl(store);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} firstGraph={firstGraph} />
  </StrictMode>,
);
