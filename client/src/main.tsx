import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createStore } from "./app/store";
import { browserLang, syncUrl } from "./app/url-sync";
import { decodeView } from "./model/url-state";
import "./styles.css";

const store = createStore(decodeView(location.search, browserLang()));
syncUrl(store);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
