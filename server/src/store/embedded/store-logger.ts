/** Where the store reports what recovery dropped or what a background snapshot could not do.
 *  Injected so that tests and the server's structured logger can capture it. */
export interface StoreLogger {
  warn(message: string): void;
  info(message: string): void;
}

export const stderrLogger: StoreLogger = {
  warn: (message) => process.stderr.write(`[embedded store] warning: ${message}\n`),
  info: () => undefined,
};
