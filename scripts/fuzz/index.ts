import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../../test/lsp/client';
import { FUZZ_BUDGET, judge, type Cost, type Verdict } from './measure';
import { PROPERTY_TARGETS } from './properties';
import { seeded, shape, SHAPES } from './shapes';
import { TARGETS } from './targets';

/*
 * `npm run fuzz` (issue 12): every adversarial shape through every target at doubling sizes,
 * each judged against a linear budget and plain minutes of the same size; then the language
 * server and the CLI as processes on the large documents; then random documents until
 * FUZZ_SECONDS (default 60) are used up. Exits 1 on any crash, hang or cost out of budget.
 *
 *   FUZZ_SECONDS=60     time box for the random phase (the fixed phases run first, whole)
 *   FUZZ_MAX_BYTES=...  largest document (default 256 KB: four doublings from 32 KB show a
 *                       quadratic cost, and the whole run fits in minutes on a shared machine)
 *   FUZZ_SEED=...       seed of the random phase and the property targets (default: the time)
 *   FUZZ_RUNS=5000      runs per property target (scripts/fuzz/properties.ts)
 *
 * `npm run fuzz -- NAME…` runs only the document and property targets of those names.
 */

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const maxBytes = Number(process.env.FUZZ_MAX_BYTES ?? 256 * 1024);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1e9);
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const deadline = Date.now() + seconds * 1000;
const only = process.argv.slice(2);
const selected = <T extends { name: string }>(targets: readonly T[]): T[] =>
  only.length ? targets.filter((t) => only.includes(t.name)) : [...targets];
const documentTargets = selected(TARGETS);

function sizesUpTo(limit: number): number[] {
  const out: number[] = [];
  for (let n = 32 * 1024; n <= limit; n *= 2) out.push(n);
  return out;
}

async function fixedShapes(failures: string[]): Promise<Verdict[]> {
  const plain = shape('plain minutes');
  const all: Verdict[] = [];
  for (const target of documentTargets) {
    const plainCosts = new Map<string, Cost>();
    const started = Date.now();
    for (const s of SHAPES) {
      const sizes = sizesUpTo(Math.min(maxBytes, target.maxBytes ?? Infinity));
      const verdicts = await judge(target, s, plain, sizes, FUZZ_BUDGET, 2, plainCosts);
      all.push(...verdicts);
      const last = verdicts[verdicts.length - 1];
      const line = `${target.name.padEnd(32)} ${s.name.padEnd(30)} ${verdicts
        .map((v) => `${(v.bytes / 1024).toFixed(0)}K ${v.cpuMs.toFixed(0)}ms`)
        .join('  ')}`;
      console.log(line);
      for (const v of verdicts.filter((x) => x.problem)) {
        const message = `${v.target} / ${v.shape} @ ${(v.bytes / 1024).toFixed(0)} KB: ${v.problem}`;
        console.log(`  FAIL ${message}`);
        failures.push(message);
      }
      void last;
    }
    console.log(`  (${target.name}: ${((Date.now() - started) / 1000).toFixed(0)} s wall)`);
  }
  return all;
}

/** The CLI as a process, on the largest document of each shape: exit 0 or 1, in time. */
function cliProcesses(failures: string[]): void {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    failures.push(`${cli} missing: run npm run build first`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-fuzz-cli-'));
  try {
    for (const s of SHAPES) {
      const file = path.join(dir, 'doc.protokoll');
      fs.writeFileSync(file, s.build(Math.min(maxBytes, 128 * 1024)));
      for (const args of [
        ['check', '--no-config'],
        ['format', '--check'],
        ['render', '--format', 'html', '--no-config'],
      ]) {
        const started = Date.now();
        const run = spawnSync(process.execPath, [cli, ...args, file], {
          encoding: 'utf8',
          timeout: 120_000,
          maxBuffer: 256 * 1024 * 1024,
        });
        const ms = Date.now() - started;
        const refused = run.status === 2 && /binary file/.test(run.stderr);
        const bad =
          run.error ||
          (run.status !== 0 && run.status !== 1 && !refused) ||
          /\n\s+at /.test(run.stderr);
        console.log(
          `cli ${args[0].padEnd(7)} ${s.name.padEnd(30)} exit ${run.status} ${ms} ms wall`,
        );
        if (bad)
          failures.push(
            `cli ${args.join(' ')} / ${s.name}: ${run.error ?? `exit ${run.status}`} ${run.stderr.slice(0, 300)}`,
          );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The language server as a process: opens each shape, must publish diagnostics and stay alive. */
async function lspProcess(failures: string[]): Promise<void> {
  let client: LspClient;
  try {
    client = await LspClient.start({ timeoutMs: 120_000 });
  } catch (e) {
    failures.push(`language server did not start: ${String(e)}`);
    return;
  }
  try {
    for (const s of SHAPES) {
      const uri = `file:///fuzz/${s.name.replace(/\W+/g, '-')}.protokoll`;
      const started = Date.now();
      try {
        await client.open(uri, s.build(Math.min(maxBytes, 128 * 1024)));
        await client.diagnostics(uri);
        await client.close(uri);
        console.log(`lsp open ${s.name.padEnd(30)} ${Date.now() - started} ms wall`);
      } catch (e) {
        failures.push(`lsp / ${s.name}: ${String(e)}`);
      }
    }
  } finally {
    await client.stop();
  }
}

/** Random documents (seeded) through every target until the time box is used. */
async function randomPhase(failures: string[]): Promise<number> {
  const random = seeded(seed);
  const randomShapes = SHAPES.filter((s) =>
    ['random lines', 'every keyword with odd blanks', 'lone surrogates and controls'].includes(
      s.name,
    ),
  );
  let runs = 0;
  // At least 50 documents, even when the fixed phases used the time box.
  while (runs < 50 || Date.now() < deadline) {
    const s = randomShapes[Math.floor(random() * randomShapes.length)];
    const bytes = 256 + Math.floor(random() * 8192);
    const docSeed = Math.floor(random() * 1e9);
    const text = s.build(bytes, seeded(docSeed));
    for (const target of documentTargets) {
      if (target.maxBytes !== undefined && runs % 10 !== 0) continue;
      try {
        await target.run(text);
      } catch (e) {
        failures.push(
          `${target.name} / ${s.name} seed ${docSeed} (${bytes} B): ${String(e).slice(0, 300)}`,
        );
      }
    }
    runs++;
  }
  return runs;
}

async function main(): Promise<void> {
  console.log(
    `fuzz: ${SHAPES.length} shapes × ${TARGETS.length} targets up to ${(maxBytes / 1024).toFixed(0)} KB, then random documents for ${seconds} s (seed ${seed}); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const failures: string[] = [];
  await fixedShapes(failures);
  console.log('');
  if (only.length === 0) {
    cliProcesses(failures);
    console.log('');
    await lspProcess(failures);
  }
  const propertyRuns = Number(process.env.FUZZ_RUNS ?? 5_000);
  for (const [name, property] of Object.entries(PROPERTY_TARGETS)) {
    if (only.length && !only.includes(name)) continue;
    const started = Date.now();
    try {
      property(propertyRuns, process.env.FUZZ_SEED === undefined ? undefined : seed);
      console.log(
        `${name}: ${propertyRuns} runs passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (e) {
      failures.push(`${name}: ${String(e).slice(0, 1000)}`);
    }
  }
  const runs = documentTargets.length ? await randomPhase(failures) : 0;
  console.log(`\nrandom documents: ${runs} (seed ${seed})`);
  if (failures.length) {
    console.log(`\n${failures.length} failure(s):`);
    for (const f of failures) console.log(`- ${f}`);
    process.exitCode = 1;
  } else {
    console.log('\nno crash, no hang, every cost within its linear budget');
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
