import * as assert from 'node:assert/strict';
import { judge, type Budget } from '../../scripts/fuzz/measure';
import type { Shape } from '../../scripts/fuzz/shapes';
import type { FuzzTarget } from '../../scripts/fuzz/targets';

/*
 * The fuzz harness's growth judgement on targets whose cost is known: they spin until a given
 * amount of this process's CPU time is used, so the judgement is tested, not the machine.
 */

/** Spins until `ms` of CPU time (user + system) have been used. */
function spin(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

const letters: Shape = {
  name: 'letters',
  about: 'a run of one letter',
  build: (n) => 'a'.repeat(n),
};
/** Calibration text: the targets below spend linear time on it. */
const plain: Shape = { name: 'plain', about: 'another letter', build: (n) => 'b'.repeat(n) };
const K32 = 32 * 1024;

/** Only growth is judged: the time and memory budgets are out of reach. */
const GROWTH_ONLY: Budget = {
  msPerMb: 1e9,
  timesPlain: 1e9,
  constantMs: 1e9,
  growth: 3,
  floorMs: 20,
  memoryMb: 1e9,
  memoryPerByte: 1e9,
};

describe('fuzz growth judgement', () => {
  it('flags a cost that grows with the square of the document', async () => {
    const quadratic: FuzzTarget = {
      name: 'quadratic',
      run: (t) => spin(15 * (t.length / K32) ** (t[0] === 'a' ? 2 : 1)),
    };
    const verdicts = await judge(quadratic, letters, plain, [K32, 2 * K32], GROWTH_ONLY, 2);
    assert.match(verdicts[1].problem ?? '', /grew ×[34]\./);
  });

  it('does not flag a linear cost that one run measured high (a collection, a burst of load)', async () => {
    let largeRuns = 0;
    const linear: FuzzTarget = {
      name: 'linear with one slow run',
      // The first two runs at 64 KB are slow, as a major collection of earlier garbage makes them.
      run: (t) =>
        spin(15 * (t.length / K32) + (t.length > K32 && t[0] === 'a' && largeRuns++ < 2 ? 150 : 0)),
    };
    const verdicts = await judge(linear, letters, plain, [K32, 2 * K32], GROWTH_ONLY, 1);
    assert.ok(largeRuns > 2, 'the slow size was measured again');
    assert.equal(verdicts[1].problem, undefined);
    assert.ok(
      verdicts[1].growth !== undefined && verdicts[1].growth < 2.5,
      `growth ${verdicts[1].growth}`,
    );
  });
});
