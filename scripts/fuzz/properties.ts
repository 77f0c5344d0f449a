import { incrementalEqualsFresh } from '../../test/unit/incremental.property';

/*
 * Property targets of `npm run fuzz`: the long runs of property tests whose short runs are in
 * `npm test`, each `(runs, seed?) => void` throwing on a counterexample. Add one with one line,
 * e.g. `incremental: incrementalEqualsFresh` (incremental re-parse equals a fresh parse).
 */
export const PROPERTY_TARGETS: Record<string, (runs: number, seed?: number) => void> = {
  incremental: incrementalEqualsFresh,
};
