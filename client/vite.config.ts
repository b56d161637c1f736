import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The server serves client/dist at `/`; in development, proxy the API to a running server.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
});
