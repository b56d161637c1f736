"use strict";
// Imports a nodes.csv + edges.csv pair into an embedded data directory, using the compiled server
// (server/dist; `npm test` builds first), and reports each step as a JSON line on stdout:
// ready (store open) → imported (with timings) → closed. Used by import-crash.test.ts, which
// SIGKILLs it at chosen moments, and by import-throughput.test.ts, which reads the timings.
// Usage: node import-child.js DATA_DIR NODES.csv EDGES.csv
const { readFileSync } = require("node:fs");
const path = require("node:path");
const dist = path.resolve(__dirname, "..", "..", "..", "server", "dist");
const { EmbeddedGraphStore } = require(path.join(dist, "store", "embedded", "embedded-graph-store.js"));
const { ImportService } = require(path.join(dist, "services", "import-service.js"));

const [dir, nodesFile, edgesFile] = process.argv.slice(2);
const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main() {
  const nodes = { content: readFileSync(nodesFile), fileName: path.basename(nodesFile) };
  const edges = { content: readFileSync(edgesFile), fileName: path.basename(edgesFile) };
  const store = await EmbeddedGraphStore.open({ dir, logger: { info() {}, warn() {} } });
  say({ event: "ready" });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await new ImportService(store).importFile({ format: "csv", nodes, edges });
  const used = process.cpuUsage(cpu);
  say({ event: "imported", ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result });
  const closing = performance.now();
  await store.close();
  say({ event: "closed", ms: performance.now() - closing });
}

main().catch((e) => {
  process.stderr.write(`${e && e.code ? e.code : "ERROR"}: ${e && e.message}\n`);
  process.exit(1);
});
