import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One measured figure with the goal it is held to (`max`: at most; no goal: reported only). */
export interface Figure {
  readonly what: string;
  readonly unit: string;
  readonly value: number;
  readonly max?: number;
}

export const met = (f: Figure): boolean | undefined =>
  f.max === undefined ? undefined : f.value <= f.max;

/** The figures as the text table `npm run bench` ends with. */
export function goalTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.what,
    f.max === undefined ? '—' : `≤ ${f.max} ${f.unit}`,
    `${f.value.toFixed(f.value < 10 ? 2 : 1)} ${f.unit}`,
    met(f) === undefined ? '' : met(f) ? 'met' : 'NOT met',
  ]);
  const headers = ['what', 'goal', 'measured', ''];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [
    line(headers),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ].join('\n');
}

/** Writes `bench/results.json`: every figure with its goal, and the machine it was taken on. */
export function writeResults(figures: readonly Figure[], file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    figures: figures.map((f) => ({ ...f, met: met(f) })),
  };
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
}
