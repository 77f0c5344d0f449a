import type { Shape } from './shapes';
import type { FuzzTarget } from './targets';

/*
 * Cost of a target on a document, robust to a loaded machine: CPU time of this process (not
 * wall time), the best of a few runs, and always judged against a calibration run of plain
 * minutes of the same size in the same process, or against the cost at half the size.
 */

export interface Cost {
  /** CPU milliseconds (user + system) of the best run. */
  readonly cpuMs: number;
  /** Peak resident memory of the process after the runs, MB. */
  readonly maxRssMb: number;
}

/** Runs `target` on `text` `runs` times; the cheapest run counts. Throws what the target throws. */
export async function measure(target: FuzzTarget, text: string, runs = 2): Promise<Cost> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await target.run(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { cpuMs: best, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** The linear budget a document of `bytes` gets (issue 12: about 1 s per MB plus a constant). */
export interface Budget {
  /** Milliseconds per MB on an idle machine. */
  readonly msPerMb: number;
  /** How many times the plain document's cost (same size, same process) a shape may take. */
  readonly timesPlain: number;
  /** Fixed allowance, ms. */
  readonly constantMs: number;
  /** Largest allowed cost(2n) / cost(n) once cost(2n) is above `floorMs` (2 = linear). */
  readonly growth: number;
  readonly floorMs: number;
  /** Allowed peak memory growth: MB plus bytes of memory per byte of document. */
  readonly memoryMb: number;
  readonly memoryPerByte: number;
}

/** `npm run fuzz`: the budget, with room for a shared machine (by the calibration). */
export const FUZZ_BUDGET: Budget = {
  msPerMb: 1000,
  timesPlain: 25,
  constantMs: 250,
  growth: 3,
  floorMs: 150,
  memoryMb: 300,
  memoryPerByte: 200,
};

/** `npm test`: no timing flakiness, only gross failures (a hang, a quadratic blow-up). */
export const TEST_BUDGET: Budget = {
  msPerMb: 20_000,
  timesPlain: 200,
  constantMs: 5_000,
  growth: 3.6,
  floorMs: 150,
  memoryMb: 800,
  memoryPerByte: 1000,
};

export interface Verdict {
  readonly shape: string;
  readonly target: string;
  readonly bytes: number;
  readonly cpuMs: number;
  readonly plainMs: number;
  /** cost(n) / cost(n/2) measured against plain minutes (×2 = linear), when n/2 was measured. */
  readonly growth?: number;
  readonly maxRssMb: number;
  readonly problem?: string;
}

/**
 * Runs `target` on `shape` at each size (doubling) and on plain minutes of the same size (kept
 * in `plainCosts` for the next shape of the same target); a verdict per size, with `problem` set when the cost or memory is out of budget or the target
 * threw.
 */
export async function judge(
  target: FuzzTarget,
  shape: Shape,
  plain: Shape,
  sizes: readonly number[],
  budget: Budget,
  runs = 2,
  plainCosts = new Map<string, Cost>(),
): Promise<Verdict[]> {
  const out: Verdict[] = [];
  const rssAtStart = process.resourceUsage().maxRSS / 1024;
  let previous: number | undefined;
  let previousMs: number | undefined;
  let previousText: string | undefined;
  for (const bytes of sizes) {
    const text = shape.build(bytes);
    const base = { shape: shape.name, target: target.name, bytes: text.length };
    let cost: Cost;
    let plainCost: Cost;
    try {
      // Plain minutes of a size are measured once per target (`plainCosts`), not per shape.
      const plainKey = `${target.name}\u0000${text.length}`;
      const known = plainCosts.get(plainKey);
      plainCost = known ?? (await measure(target, plain.build(text.length), runs));
      plainCosts.set(plainKey, plainCost);
      cost = await measure(target, text, runs);
    } catch (e) {
      out.push({
        ...base,
        cpuMs: NaN,
        plainMs: NaN,
        maxRssMb: NaN,
        problem: `threw: ${String(e)}`,
      });
      return out;
    }
    const mb = text.length / 1e6;
    const allowed =
      Math.max(budget.msPerMb * mb, budget.timesPlain * plainCost.cpuMs) + budget.constantMs;
    // Growth of the cost relative to plain minutes of the same size: a change in the machine's
    // load between the two sizes cancels out; a quadratic cost still doubles it.
    const relative = cost.cpuMs / Math.max(plainCost.cpuMs, 1);
    // The smaller of that and the raw growth: a few-ms calibration is noisy too, and a real
    // quadratic cost shows in both.
    let growth =
      previous !== undefined && previous > 0 && previousMs !== undefined && previousMs > 0
        ? Math.min((relative / previous) * 2, cost.cpuMs / previousMs)
        : undefined;
    if (
      growth !== undefined &&
      previousText !== undefined &&
      cost.cpuMs > budget.floorMs &&
      growth > budget.growth
    )
      growth = await confirmGrowth(target, previousText, text, runs + 3);
    const memoryAllowed = rssAtStart + budget.memoryMb + (budget.memoryPerByte * text.length) / 1e6;
    const problems: string[] = [];
    if (cost.cpuMs > allowed)
      problems.push(`${cost.cpuMs.toFixed(0)} ms CPU > budget ${allowed.toFixed(0)} ms`);
    if (growth !== undefined && cost.cpuMs > budget.floorMs && growth > budget.growth)
      problems.push(`cost grew ×${growth.toFixed(2)} when the size doubled`);
    if (cost.maxRssMb > memoryAllowed)
      problems.push(`peak memory ${cost.maxRssMb.toFixed(0)} MB > ${memoryAllowed.toFixed(0)} MB`);
    out.push({
      ...base,
      cpuMs: cost.cpuMs,
      plainMs: plainCost.cpuMs,
      growth,
      maxRssMb: cost.maxRssMb,
      problem: problems.length ? problems.join('; ') : undefined,
    });
    previous = relative;
    previousMs = cost.cpuMs;
    previousText = text;
  }
  return out;
}

/**
 * A doubling that looked worse than linear, measured again before it counts: the two sizes in
 * alternation, the cheapest run of each. One measurement in a long process can take a major
 * collection of earlier garbage or a burst of load on a shared machine; a real quadratic cost
 * grows again, noise does not (two full runs that judged single measurements flagged a different
 * eight pairs each, all linear when measured again).
 */
async function confirmGrowth(
  target: FuzzTarget,
  smaller: string,
  larger: string,
  runs: number,
): Promise<number> {
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < runs; i++) {
    small = Math.min(small, (await measure(target, smaller, 1)).cpuMs);
    large = Math.min(large, (await measure(target, larger, 1)).cpuMs);
  }
  return (large / Math.max(small, 1)) * (smaller.length / larger.length) * 2;
}
