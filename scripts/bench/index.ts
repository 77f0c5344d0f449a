import * as path from 'node:path';
import { ACTIVATION_TARGET_MS, benchActivation, describeActivation } from './activation';
import { benchCheck } from './check';
import { measureCli } from './cli';
import { benchFeatures } from './features';
import { benchHostile } from './hostile';
import { goalTable, writeResults, type Figure } from './goals';
import { measureLsp } from './lsp';
import { benchPdfExport, benchRender } from './render';

/*
 * `npm run bench`: timings of the language service, the language server and the CLI on generated
 * minutes. Speed and memory targets are checked here, never by timed tests. It ends with the
 * table of goals (issue 9) and writes the same figures to bench/results.json.
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
  const activation = benchActivation();
  console.log(`VS Code extension ${describeActivation(activation)}\n`);
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
  console.log('\nHostile documents (issue 12), parse + all checks, CPU time:\n');
  const hostileFigures = benchHostile();
  console.log('');
  await benchRender();
  const pdfFigures = benchPdfExport();

  console.log(
    '\nLanguage server over stdio (diagnosticsDelay 0), started as VS Code starts it and bare:\n',
  );
  const lsp = [
    await measureLsp(1_000),
    await measureLsp(25_000),
    await measureLsp(25_000, { bare: true }),
  ];
  console.log(
    table(
      [
        'lines',
        'started',
        'open ms',
        'key p50',
        'key p95',
        'compl. idle p99',
        'compl. after edit p99',
        'RSS open MB',
        'RSS 1k edits MB',
      ],
      lsp.map((r) => [
        r.lines,
        r.bare ? 'bare' : 'as VS Code',
        r.openMs.toFixed(1),
        r.keystrokeP50.toFixed(1),
        r.keystrokeP95.toFixed(1),
        r.completionIdleP99.toFixed(2),
        r.completionAfterEditP99.toFixed(2),
        r.rssOpenMb.toFixed(0),
        r.rssAfterEditsMb.toFixed(0),
      ]),
    ),
  );

  console.log(
    '\nCLI vs markdownlint-cli2 on the same content as Markdown (whole processes, median):\n',
  );
  const cli = measureCli();
  console.log(
    table(
      ['lines', 'protokoll ms', 'markdownlint-cli2 ms', 'ratio'],
      cli.map((r) => [
        r.lines,
        r.protokollMs.toFixed(0),
        r.markdownlintMs.toFixed(0),
        r.ratio.toFixed(2),
      ]),
    ),
  );

  const one = rows.find((r) => r.lines === 1_000)!;
  const [lsp1k, lsp25k, lsp25kBare] = lsp;
  const cli25k = cli[cli.length - 1];
  const figures: Figure[] = [
    { what: 'parse + all checks, 25k lines, in process', unit: 'ms', value: target.ms, max: 100 },
    {
      what: 'parse + all checks, 25k lines, ratio to the regex floor',
      unit: '×',
      value: target.ratio,
      max: 10,
    },
    { what: 'growth 1k → 10k lines', unit: '×', value: small.ms / one.ms, max: 11 },
    { what: 'keystroke → diagnostics p50, 25k', unit: 'ms', value: lsp25k.keystrokeP50 },
    { what: 'keystroke → diagnostics p95, 25k', unit: 'ms', value: lsp25k.keystrokeP95, max: 100 },
    { what: 'keystroke → diagnostics p50, 1k', unit: 'ms', value: lsp1k.keystrokeP50 },
    { what: 'keystroke → diagnostics p95, 1k', unit: 'ms', value: lsp1k.keystrokeP95, max: 16 },
    { what: 'open → diagnostics, 25k', unit: 'ms', value: lsp25k.openMs, max: 100 },
    { what: 'completion p99, idle, 25k', unit: 'ms', value: lsp25k.completionIdleP99, max: 10 },
    {
      what: 'completion p99 right after an edit, 25k',
      unit: 'ms',
      value: lsp25k.completionAfterEditP99,
      max: 10,
    },
    { what: 'server RSS with the 25k document open', unit: 'MB', value: lsp25k.rssOpenMb, max: 80 },
    {
      what: 'server RSS after 1,000 edits, 25k',
      unit: 'MB',
      value: lsp25k.rssAfterEditsMb,
      max: 80,
    },
    {
      what: 'server RSS with the 25k document open, started bare',
      unit: 'MB',
      value: lsp25kBare.rssOpenMb,
    },
    {
      what: 'server RSS after 1,000 edits, 25k, started bare',
      unit: 'MB',
      value: lsp25kBare.rssAfterEditsMb,
    },
    { what: 'CLI check vs markdownlint-cli2, 25k', unit: '×', value: cli25k.ratio, max: 1 },
    ...pdfFigures,
    {
      what: 'VS Code extension activation (load + activate())',
      unit: 'ms',
      value: activation.totalMs,
      max: ACTIVATION_TARGET_MS,
    },
    {
      what: 'VS Code extension: language server forked (client loaded after activation)',
      unit: 'ms',
      value: activation.serverForkMs,
    },
    ...hostileFigures,
  ];
  console.log('\nGoals:\n');
  console.log(goalTable(figures));
  const results = path.resolve(__dirname, '..', '..', '..', 'bench', 'results.json');
  writeResults(figures, results);
  console.log(`\nWritten to ${path.relative(process.cwd(), results)}.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
