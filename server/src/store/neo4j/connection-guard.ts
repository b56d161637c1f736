import type { ChokepointError } from "@chokepoint/graph-schema";
import type { Probe } from "./bolt-probe";
import { storeError } from "./store-errors";

/**
 * A circuit breaker in front of the driver. After an operation finds the database unreachable or
 * silent, the next ones first ask a cheap probe of our own (one shared probe at a time) and fail
 * fast while it gets no answer; the first answer lets traffic through to the driver again. This
 * keeps a dead database from costing every request the driver's full retry time, and keeps a hung
 * one from costing a leaked driver socket per request (see bolt-probe.ts).
 */
export class ConnectionGuard {
  private suspect = false;
  private probing: Promise<void> | undefined;

  constructor(private readonly probe: Probe) {}

  async admit(): Promise<void> {
    if (!this.suspect) return;
    this.probing ??= this.probe()
      .then((result) => {
        if (result === "answered") this.suspect = false;
        else throw storeError(result === "silent" ? "STORE_TIMEOUT" : "STORE_UNAVAILABLE");
      })
      .finally(() => {
        this.probing = undefined;
      });
    return this.probing;
  }

  observe(error: ChokepointError): void {
    if (error.code === "STORE_UNAVAILABLE" || error.code === "STORE_TIMEOUT") this.suspect = true;
  }
}
