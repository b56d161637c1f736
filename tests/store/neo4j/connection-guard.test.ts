import { ChokepointError } from "@chokepoint/graph-schema";
import { boltProbe, probeTarget, type ProbeResult } from "../../../server/src/store/neo4j/bolt-probe";
import { ConnectionGuard } from "../../../server/src/store/neo4j/connection-guard";
import { storeError } from "../../../server/src/store/neo4j/store-errors";
import { deadPort, listen, settle, silentListener } from "./net-stubs";

describe("probeTarget", () => {
  it("reads host, port and TLS mode from every Bolt scheme", () => {
    expect(probeTarget("neo4j://db.example:7999")).toEqual({ host: "db.example", port: 7999, tls: "none" });
    expect(probeTarget("bolt://127.0.0.1")).toEqual({ host: "127.0.0.1", port: 7687, tls: "none" });
    expect(probeTarget("neo4j+s://x.databases.neo4j.io")).toEqual({ host: "x.databases.neo4j.io", port: 7687, tls: "verify" });
    expect(probeTarget("bolt+ssc://[::1]:7688")).toEqual({ host: "::1", port: 7688, tls: "trust-all" });
    expect(probeTarget("http://db:7474")).toBeUndefined();
    expect(probeTarget("not a uri")).toBeUndefined();
  });
});

describe("boltProbe", () => {
  it("tells a Bolt server, a silent listener and a closed port apart, and closes its socket each time", async () => {
    const bolt = await listen((s) => s.once("data", () => s.write(Buffer.from([0, 0, 4, 5]))));
    const silent = await silentListener();
    const dead = await deadPort();
    try {
      const probe = (port: number) => boltProbe({ host: "127.0.0.1", port, tls: "none" }, 300)();
      const started = Date.now();
      const results: ProbeResult[] = await Promise.all([probe(bolt.port), probe(silent.port), probe(dead)]);
      expect(results).toEqual(["answered", "silent", "refused"]);
      expect(Date.now() - started).toBeLessThan(1500);
      await settle(100);
      expect(bolt.sockets.size + silent.sockets.size).toBe(0);
    } finally {
      await bolt.close();
      await silent.close();
    }
  });
});

describe("ConnectionGuard", () => {
  it("lets everything through until a failure, then asks one shared probe until it answers", async () => {
    const answers: ProbeResult[] = ["silent", "refused", "answered"];
    let probes = 0;
    const guard = new ConnectionGuard(async () => {
      probes++;
      return answers.shift()!;
    });
    await guard.admit();
    guard.observe(storeError("STORE_ERROR"));
    guard.observe(new ChokepointError("STORE_AUTH", "x"));
    await guard.admit();
    expect(probes).toBe(0);

    guard.observe(storeError("STORE_TIMEOUT"));
    const both = await Promise.allSettled([guard.admit(), guard.admit()]);
    expect(probes).toBe(1);
    expect(both.map((r) => (r.status === "rejected" ? (r.reason as ChokepointError).code : "ok"))).toEqual(["STORE_TIMEOUT", "STORE_TIMEOUT"]);
    await expect(guard.admit()).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    await guard.admit();
    await guard.admit();
    expect(probes).toBe(3);
  });
});
