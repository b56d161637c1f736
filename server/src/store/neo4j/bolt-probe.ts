import net from "node:net";
import tls from "node:tls";

/**
 * A Bolt handshake on a socket of our own, to ask "does the server answer at all?" without the
 * driver. Needed because neo4j-driver 6 has no handshake timeout: against a server that accepts
 * connections but never replies, each failed acquisition leaves its socket open for good, and
 * driver.close() does not reap it. The store asks this probe instead of the driver while the
 * database is suspect, so a hung server costs one socket, not one per request.
 */

export type ProbeResult = "answered" | "refused" | "silent";
export type Probe = () => Promise<ProbeResult>;

/** Magic preamble, then four version proposals (5.0–5.4, 4.4, 4.3, 4.2): any 4-byte reply, even
 *  "none of these", proves a live Bolt server. */
const HANDSHAKE = Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 4, 4, 5, 0, 0, 4, 4, 0, 0, 3, 4, 0, 0, 2, 4]);

export interface ProbeTarget {
  readonly host: string;
  readonly port: number;
  /** `+s` schemes verify the certificate, `+ssc` accept a self-signed one. */
  readonly tls: "none" | "verify" | "trust-all";
}

export function probeTarget(uri: string): ProbeTarget | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.replace(/:$/, "");
  if (!/^(neo4j|bolt)(\+s|\+ssc)?$/.test(scheme)) return undefined;
  return {
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port === "" ? 7687 : Number(url.port),
    tls: scheme.endsWith("+ssc") ? "trust-all" : scheme.endsWith("+s") ? "verify" : "none",
  };
}

export function boltProbe(target: ProbeTarget, timeoutMs: number): Probe {
  return () =>
    new Promise<ProbeResult>((resolve) => {
      let received = 0;
      let done = false;
      const socket =
        target.tls === "none"
          ? net.connect({ host: target.host, port: target.port })
          : tls.connect({ host: target.host, port: target.port, servername: target.host, rejectUnauthorized: target.tls === "verify" });
      const finish = (result: ProbeResult) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.removeAllListeners("data");
        socket.destroy();
        resolve(result);
      };
      const timer = setTimeout(() => finish("silent"), timeoutMs);
      socket.once(target.tls === "none" ? "connect" : "secureConnect", () => socket.write(HANDSHAKE));
      socket.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received >= 4) finish("answered");
      });
      // Refused, reset, unresolvable host or a TLS failure: nothing there we can talk to.
      socket.on("error", () => finish("refused"));
      socket.on("close", () => finish(received >= 4 ? "answered" : "refused"));
    });
}
