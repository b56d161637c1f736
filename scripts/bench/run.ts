/**
 * `npm run bench`: the benchmarks of DESIGN §7, each printing ratios to a baseline measured in the
 * same run. Sizes: BENCH_SIZES (e.g. "1e3,1e4") or `--sizes 1e3,1e4`; default 1e3,1e4,1e5,1e6.
 * `--api-only` (or an empty BENCH_SIZES) skips the engine part; `--engine-only` skips the API part
 * (`npm run bench -- --api-only`).
 * Add further benchmarks as steps below.
 */
import { parseArgs } from "node:util";
import { runApiBench } from "./api";
import { runEngineBench } from "./engine";

function sizesFrom(raw: string): number[] {
  const sizes = raw.split(",").map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((s) => !Number.isFinite(s) || s < 100)) throw new Error(`bad sizes "${raw}": expected numbers ≥ 100 such as 1e3,1e4`);
  return sizes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: "string" }, "api-only": { type: "boolean" }, "engine-only": { type: "boolean" } }, strict: true });
  const rawSizes = values.sizes ?? process.env.BENCH_SIZES ?? "1e3,1e4,1e5,1e6";
  const engine = values["api-only"] !== true && rawSizes.trim() !== "";
  const api = values["engine-only"] !== true;
  const sizes = engine ? sizesFrom(rawSizes) : [];
  process.stdout.write(`chokepoint bench — node ${process.version}, ${engine ? `sizes ${sizes.join(", ")}` : "API only"}\n`);
  if (engine) await runEngineBench({ sizes });
  if (!api) return;
  runApiBench().catch((e: unknown) => {
    process.stderr.write(`API bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

void main();
