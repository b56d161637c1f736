/**
 * Wall and CPU time per phase of a CLI command, for `--timings`: on a large file an analyst (and
 * `npm run bench`) can see where the time went — reading, validating, analysing, writing.
 * CPU time is the whole process's (all threads), so work moved to a worker thread still counts.
 */
export interface Phase {
  readonly name: string;
  readonly wallMs: number;
  readonly cpuMs: number;
}

export class PhaseTimer {
  private readonly phases: Phase[] = [];
  private wall = performance.now();
  private cpu = process.cpuUsage();

  /** Ends the current phase under `name` and starts the next. */
  mark(name: string): void {
    const cpu = process.cpuUsage(this.cpu);
    const wall = performance.now();
    this.phases.push({ name, wallMs: round(wall - this.wall), cpuMs: round((cpu.user + cpu.system) / 1000) });
    this.wall = wall;
    this.cpu = process.cpuUsage();
  }

  /** One JSON line: `{"timings":[{"name","wallMs","cpuMs"}, …],"peakRssMb":…}`. */
  toJsonLine(): string {
    return `${JSON.stringify({ timings: this.phases, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
