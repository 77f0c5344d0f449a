import { benchActivation, describeActivation } from './activation';
import { benchCheck } from './check';
import { benchFeatures } from './features';
import { benchRender } from './render';

/*
 * `npm run bench`: timings of the language service on generated minutes. Speed targets are
 * checked here, never by timed tests: the full check of a 25,000-line (~1 MB) document should
 * take under 100 ms on the reference machine (2 cores), and cost should grow linearly.
 */
function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    '| ' + cells.map((c, i) => String(c).padStart(widths[i])).join(' | ') + ' |';
  return [
    line(headers),
    '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|',
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log(`VS Code extension ${describeActivation(benchActivation())}\n`);
  console.log('Parse + all checks (median of repeated runs, no cache):\n');
  const rows = benchCheck([1_000, 10_000, 25_000, 100_000]);
  console.log(
    table(
      [
        'lines',
        'KB',
        'ms/doc',
        'MB/s',
        'floor ms',
        'ratio to floor',
        'ms per 1k lines',
        'diagnostics',
      ],
      rows.map((r) => [
        r.lines,
        (r.bytes / 1024).toFixed(0),
        r.ms.toFixed(1),
        r.mbPerS.toFixed(1),
        r.floorMs.toFixed(2),
        r.ratio.toFixed(1),
        ((r.ms / r.lines) * 1000).toFixed(2),
        r.diagnostics,
      ]),
    ),
  );
  const target = rows.find((r) => r.lines === 25_000)!;
  const small = rows.find((r) => r.lines === 10_000)!;
  const large = rows.find((r) => r.lines === 100_000)!;
  const growth = large.ms / large.lines / (small.ms / small.lines);
  console.log(
    `\n25,000 lines (${(target.bytes / 1e6).toFixed(2)} MB): ${target.ms.toFixed(1)} ms — target < 100 ms: ${target.ms < 100 ? 'met' : 'NOT met'}`,
  );
  console.log(`cost per line at 100k vs 10k lines: ×${growth.toFixed(2)} (1.0 = linear)`);
  console.log('\nEditor requests on a 25,000-line document (cached parse, median):\n');
  console.log(
    table(
      ['request', 'ms'],
      benchFeatures(25_000).map((r) => [r.name, r.ms.toFixed(2)]),
    ),
  );
  console.log('');
  await benchRender();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
