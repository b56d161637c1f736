import http from "node:http";
import type { AddressInfo } from "node:net";
import { ChokepointError } from "@chokepoint/graph-schema";
import { createHttpApp, type HttpAppOptions } from "./app";

export interface RunningServer {
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one). A taken port is a user-fixable error. */
export async function startHttpServer(options: HttpAppOptions & { host: string; port: number }): Promise<RunningServer> {
  const server = http.createServer();
  // Bound how long an idle or slow client may hold a socket.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  const { handle, apollo } = await createHttpApp(options, server);
  server.on("request", handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      reject(
        e.code === "EADDRINUSE"
          ? new ChokepointError("CONFIG_INVALID", `port ${options.port} on ${options.host} is already in use; set PORT to another port`)
          : new ChokepointError("CONFIG_INVALID", `cannot listen on ${options.host}:${options.port} (${e.code ?? "error"})`),
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    close: () => (closing ??= apollo.stop()),
  };
}
