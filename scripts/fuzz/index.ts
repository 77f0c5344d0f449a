import { incrementalEqualsFresh } from '../../test/unit/incremental.property';

/*
 * `npm run fuzz [target…]`: the long runs of the property tests whose short runs are in
 * `npm test`. Add a target with one line below. FUZZ_RUNS sets the number of runs per target,
 * FUZZ_SEED replays a failure fast-check reported.
 */
const TARGETS: Record<string, (runs: number, seed?: number) => void> = {
  incremental: incrementalEqualsFresh,
};

const runs = Number(process.env.FUZZ_RUNS ?? 5_000);
const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const names = process.argv.slice(2);
for (const name of names.length > 0 ? names : Object.keys(TARGETS)) {
  const target = TARGETS[name];
  if (!target) {
    console.error(`Unknown fuzz target ${name}; known: ${Object.keys(TARGETS).join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  const start = Date.now();
  target(runs, seed);
  console.log(`${name}: ${runs} runs passed in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
