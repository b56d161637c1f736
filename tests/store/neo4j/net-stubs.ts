import net from "node:net";

/** TCP listeners standing in for a broken Neo4j. Each tracks its open server-side sockets, so a
 *  test can see whether the client side let go of them. */
export interface Listener {
  readonly port: number;
  readonly sockets: ReadonlySet<net.Socket>;
  close(): Promise<void>;
}

export async function listen(onConnection: (s: net.Socket) => void): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => undefined);
    onConnection(s);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    sockets,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts connections, reads and drops what arrives (so a client's close is noticed), never answers. */
export function silentListener(): Promise<Listener> {
  return listen((s) => s.resume());
}

/** A port nobody listens on: bound once by us, then released. */
export async function deadPort(): Promise<number> {
  const l = await listen(() => undefined);
  await l.close();
  return l.port;
}

export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
