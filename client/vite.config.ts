import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { GRAPH_REQUEST_BODY } from "./src/api/load-graph";

/**
 * Starts the map's graph request from an inline script in index.html, so it runs while the app
 * bundle downloads and compiles (first paint budget, DESIGN §7). The body is a constant built from
 * the same query the client uses; no data is interpolated.
 */
function earlyGraphRequest(): Plugin {
  const body = JSON.stringify(GRAPH_REQUEST_BODY).replace(/</g, "\\u003c");
  return {
    name: "chokepoint-early-graph-request",
    transformIndexHtml: () => [
      {
        tag: "script",
        injectTo: "head",
        children: `window.__chokepointGraph=fetch("/graphql",{method:"POST",headers:{"content-type":"application/json"},body:${body}});window.__chokepointGraph.catch(function(){});`,
      },
    ],
  };
}

// The server serves client/dist at `/`; in development, proxy the API to a running server.
export default defineConfig({
  plugins: [react(), earlyGraphRequest()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
