import { createProtokollService, createTextDocument, mergeConfig } from '../../server/src/language';
import { generateMinutes } from './generate';

const config = mergeConfig({ organisations: ['Kommunalförbundet'] });

/** Median of `runs` timings of `fn`, in milliseconds, after one warm-up. */
export function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The cheapest conceivable pass: split into lines and match each against a regular expression. */
function floor(text: string): number {
  let matches = 0;
  for (const line of text.split(/\r?\n/))
    if (/^(§\s*\d+|[-*]\s|[A-ZÅÄÖ][a-zåäö ]+:)/.test(line)) matches++;
  return matches;
}

export interface CheckRow {
  lines: number;
  bytes: number;
  ms: number;
  mbPerS: number;
  floorMs: number;
  ratio: number;
  diagnostics: number;
}

/**
 * Parse + every check on generated documents, each run on a fresh URI so nothing is cached, and
 * closed afterwards: the service would otherwise keep up to 50 earlier parses of the same
 * 25,000-line text alive, and collecting that heap is not the cost of checking one document.
 */
export function benchCheck(sizes: number[]): CheckRow[] {
  const service = createProtokollService();
  return sizes.map((lines) => {
    const text = generateMinutes(lines);
    const bytes = Buffer.byteLength(text);
    let i = 0;
    let diagnostics = 0;
    const runs = lines >= 100_000 ? 5 : lines >= 10_000 ? 11 : 31;
    const ms = median(runs, () => {
      const uri = `bench://${lines}/${i++}`;
      diagnostics = service.getDiagnostics(createTextDocument(uri, text), config).length;
      service.close(uri);
    });
    const floorMs = median(runs, () => void floor(text));
    return {
      lines,
      bytes,
      ms,
      mbPerS: bytes / 1e6 / (ms / 1000),
      floorMs,
      ratio: ms / floorMs,
      diagnostics,
    };
  });
}
