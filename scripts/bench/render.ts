import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { createProtokollService, createTextDocument, mergeConfig } from '../../server/src/language';

import { shape } from '../fuzz/shapes';
import { generateMinutes } from './generate';
import type { Figure } from './goals';

const config = mergeConfig({ organisations: ['Kommunalförbundet'] });

/**
 * The same minutes written as Markdown, line for line: the title as `#`, header fields and labels
 * in bold, attendance and bullets as lists, each § as a `##` heading. What a secretary would write
 * without this project, so markdown-it's time is a fair yardstick for "rendering this content".
 */
export function toMarkdown(protokoll: string): string {
  return protokoll
    .split('\n')
    .map((line) => {
      if (line.startsWith('//')) return '';
      const item = /^§\s*(\d+\s*[a-zåäö]?)\s+(.*)$/u.exec(line);
      if (item) return `## § ${item[1]} ${item[2]}`;
      const labelled =
        /^(Datum|Tid|Plats|Beslut|Åtgärd|Nästa möte|Ordförande|Sekreterare|Justerare|Justerat|Anslaget|Närvarande|Frånvarande):\s*(.*)$/u.exec(
          line,
        );
      if (labelled) return `**${labelled[1]}:** ${labelled[2]}`.trimEnd() + '  ';
      const roundTable = /^- ([^:]{1,40}): (.*)$/u.exec(line);
      if (roundTable) return `- **${roundTable[1]}:** ${roundTable[2]}`;
      return line;
    })
    .join('\n');
}

export interface RenderBenchRow {
  readonly lines: number;
  readonly kilobytes: number;
  /** Parse + render to HTML with the line map (what the preview asks the server for). */
  readonly protokollMs: number;
  /** The same, with every check run and its diagnostics shown beside the lines. */
  readonly withDiagnosticsMs: number;
  readonly markdownItMs: number;
  /** protokollMs / markdownItMs. */
  readonly ratio: number;
}

/** Times the preview's render of generated minutes against markdown-it on the same content. */
export function measureRender(sizes: readonly number[] = [1_000, 25_000]): RenderBenchRow[] {
  const service = createProtokollService();
  const markdown = new MarkdownIt({ linkify: true });
  // Warm the JIT on both sides so the first size measured is not penalised.
  const warm = generateMinutes(2_000);
  for (let w = 0; w < 10; w++) {
    service.render(createTextDocument(`bench://warm/${w}`, warm), {
      config,
      showDiagnostics: w % 2 === 0,
    });
    markdown.render(toMarkdown(warm));
  }
  return sizes.map((lines) => {
    const text = generateMinutes(lines);
    const md = toMarkdown(text);
    const runs = lines >= 10_000 ? 11 : 31;
    let i = 0;
    // A fresh URI per run so nothing is cached, closed afterwards so that retained parses of
    // earlier runs do not weigh on the garbage collector of later ones.
    const render = (showDiagnostics: boolean) => () => {
      const uri = `bench://render/${lines}/${i++}`;
      service.render(createTextDocument(uri, text), { config, showDiagnostics });
      service.close(uri);
    };
    // Interleaved, so that the heap state left by earlier benchmarks weighs on all three alike.
    const [protokollMs, withDiagnosticsMs, markdownItMs] = interleavedMedians(runs, [
      render(false),
      render(true),
      () => void markdown.render(md),
    ]);
    return {
      lines,
      kilobytes: Buffer.byteLength(text) / 1024,
      protokollMs,
      withDiagnosticsMs,
      markdownItMs,
      ratio: protokollMs / markdownItMs,
    };
  });
}

/** `npm run bench`: prints the preview render time next to markdown-it's, as a ratio. */
export function benchRender(): void {
  const rows = measureRender();
  console.log(
    '\nPreview render: parse + HTML + line map (median, no cache) vs markdown-it on the same content as Markdown:\n',
  );
  console.log('| lines | KB | protokoll ms | with diagnostics ms | markdown-it ms | ratio |');
  console.log('|------:|---:|-------------:|--------------------:|---------------:|------:|');
  for (const r of rows) {
    console.log(
      `| ${r.lines} | ${r.kilobytes.toFixed(0)} | ${r.protokollMs.toFixed(1)} | ${r.withDiagnosticsMs.toFixed(1)} | ${r.markdownItMs.toFixed(1)} | ${r.ratio.toFixed(2)} |`,
    );
  }
}

/**
 * CPU seconds (user + system) used so far by finished child processes, from /proc on Linux
 * (`cutime` + `cstime`); undefined elsewhere. On a machine shared with other work the wall clock
 * says little, the CPU time of the process much more.
 */
function childCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Median wall-clock and CPU seconds of `runs` whole-process runs of the bundled CLI. */
function cliSeconds(
  runs: number,
  args: string[],
): { seconds: number; cpu?: number; exitCode: number | null } {
  const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
  const times: number[] = [];
  const cpus: number[] = [];
  let exitCode: number | null = 0;
  for (let i = 0; i < runs; i++) {
    const cpuBefore = childCpuSeconds();
    const start = process.hrtime.bigint();
    exitCode = spawnSync(process.execPath, [cli, ...args], { stdio: 'ignore' }).status;
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpuAfter = childCpuSeconds();
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpus.push(cpuAfter - cpuBefore);
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { seconds: median(times), cpu: cpus.length ? median(cpus) : undefined, exitCode };
}

/**
 * `protokoll render --format pdf` against `protokoll check` on the same generated file, both whole
 * processes (start-up, reading, writing included). Targets: 1,000 lines at most 4× the check,
 * 25,000 lines under 5 s. Then hostile text (a 200 KB word, a 200 KB § title, 100 KB of
 * combining marks, 64 KB of signature lines in both layouts), which must finish and grow
 * linearly, not take minutes or run out of memory.
 */
/** Prints the PDF export timings and returns the two held to goals (issue 8). */
export function benchPdfExport(): Figure[] {
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bench-pdf-'));
  try {
    const file = (name: string, text: string) => {
      const source = path.join(dir, `${name}.protokoll`);
      fs.writeFileSync(source, text);
      return source;
    };
    const pdf = (source: string) => ['render', '--format', 'pdf', '-o', `${source}.pdf`, source];
    console.log(
      '\nPDF export, whole process (node dist/cli.js render --format pdf vs check; medians of wall clock, and of CPU time where /proc has it):\n',
    );
    console.log(
      '| lines | runs | check s | pdf s | pdf / check | check CPU s | pdf CPU s | CPU ratio | target |',
    );
    console.log(
      '|------:|-----:|--------:|------:|------------:|------------:|----------:|----------:|:-------|',
    );
    for (const [lines, runs] of [
      [1_000, 7],
      [25_000, 3],
    ] as const) {
      const source = file(`minutes-${lines}`, generateMinutes(lines));
      const check = cliSeconds(runs, ['check', source]);
      const render = cliSeconds(runs, pdf(source));
      const ratio = render.seconds / check.seconds;
      figures.push(
        lines === 1_000
          ? { what: 'PDF export ÷ check, 1k lines, whole process', unit: '×', value: ratio, max: 4 }
          : {
              what: 'PDF export, 25k lines, whole process',
              unit: 's',
              value: render.seconds,
              max: 5,
            },
      );
      const target =
        lines === 1_000
          ? `≤ 4× check: ${ratio <= 4 ? 'met' : 'NOT met'}`
          : `< 5 s: ${render.seconds < 5 ? 'met' : 'NOT met'}`;
      const cpu = (s: number | undefined) => (s === undefined ? '–' : s.toFixed(2));
      const cpuRatio =
        check.cpu && render.cpu !== undefined ? (render.cpu / check.cpu).toFixed(1) : '–';
      console.log(
        `| ${lines} | ${runs} | ${check.seconds.toFixed(2)} | ${render.seconds.toFixed(2)} | ${ratio.toFixed(1)} | ${cpu(check.cpu)} | ${cpu(render.cpu)} | ${cpuRatio} | ${target} |`,
      );
    }
    const head = '# Hostile\nDatum: 2024-03-12\n\n';
    // Minutes of a municipal body: the configuration beside the file says so.
    fs.mkdirSync(path.join(dir, 'kommunal'));
    fs.writeFileSync(path.join(dir, 'kommunal', '.protokoll.json'), '{ "kind": "kommunal" }\n');
    const signatures = shape('many signatures').build(64 * 1024);
    console.log('\n| hostile text (PDF) | s | CPU s | exit |');
    console.log('|:-------------------|--:|------:|-----:|');
    for (const [name, text] of [
      ['200 KB word', `${head}§ 1 Ord\n${'x'.repeat(200 * 1024)}\n`],
      ['200 KB § title', `${head}§ 1 ${'Titel'.repeat(40 * 1024)}\nText.\n`],
      ['100 KB combining marks', `${head}§ 1 Tecken\na${'\u0301'.repeat(50 * 1024)}\n`],
      // Issue 12: a box per adjuster in every footer and a page per signer on a municipal first
      // page made this quadratic (8 s and 1.9 GB; over 5 minutes for the municipal layout).
      ['64 KB of signature lines', signatures],
      ['64 KB of signature lines, kommunal', signatures],
    ] as const) {
      const base = name.replace(/\W+/g, '-');
      const result = cliSeconds(
        1,
        pdf(file(name.endsWith('kommunal') ? path.join('kommunal', base) : base, text)),
      );
      console.log(
        `| ${name} | ${result.seconds.toFixed(2)} | ${result.cpu?.toFixed(2) ?? '–'} | ${result.exitCode} |`,
      );
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchRender();
  benchPdfExport();
}

/** The median time of each function, running them in turn `runs` times after one warm-up. */
function interleavedMedians(runs: number, fns: (() => void)[]): number[] {
  const times = fns.map(() => [] as number[]);
  for (let run = 0; run <= runs; run++) {
    fns.forEach((fn, k) => {
      const start = process.hrtime.bigint();
      fn();
      if (run > 0) times[k].push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}
