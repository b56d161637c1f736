/** Runs tasks one at a time in arrival order. Writes, snapshots and close go through it, so a
 *  write is validated against the state left by the previous one and never races a snapshot. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
