import type { Command } from "../command";

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const GRACE_MS = 10_000;

export const serveCommand: Command = {
  name: "serve",
  summary: "start the HTTP server (GraphQL at /graphql, risk map at /)",
  usage: "chokepoint serve   (PORT, HOST, CHOKEPOINT_DATA_DIR, NEO4J_URI … from the environment)",
  async run(args, ctx) {
    if (args.length > 0) {
      ctx.stderr(`chokepoint: USAGE: serve takes no arguments (configure it with environment variables)\n`);
      return 2;
    }
    const app = await ctx.serve();
    ctx.stdout(`Chokepoint is serving the ${app.storeKind} store at ${app.url}  (GraphQL: ${app.url}/graphql)\n`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      ctx.stdout(`${signal}: draining requests and closing the store\n`);
      const timer = setTimeout(() => {
        ctx.stderr(`chokepoint: shutdown took longer than ${GRACE_MS / 1000}s; exiting\n`);
        process.exit(1);
      }, GRACE_MS);
      timer.unref();
      app.stop().then(
        () => process.exit(0),
        (e: unknown) => {
          ctx.stderr(`chokepoint: INTERNAL: shutdown failed: ${String(e)}\n`);
          process.exit(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
    return 0;
  },
};
