import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateMinutes } from './generate';
import { toMarkdown } from './render';

const root = path.resolve(__dirname, '..', '..', '..');

export interface CliRow {
  readonly lines: number;
  /** Whole-process `protokoll check` of the minutes, median. */
  readonly protokollMs: number;
  /** Whole-process markdownlint-cli2 on the same content as Markdown, median. */
  readonly markdownlintMs: number;
  readonly ratio: number;
}

function timeProcess(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  // Output goes nowhere for both: only the work counts, not a pipe's buffering.
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === null || result.status > 1) {
    throw new Error(`${args.join(' ')} failed (status ${result.status}, ${result.error})`);
  }
  return ms;
}

/**
 * The CLI against a peer linter a secretary's IT department already knows, as whole processes
 * (start-up included), interleaved so machine load weighs on both alike.
 */
export function measureCli(sizes: readonly number[] = [1_000, 25_000], runs = 9): CliRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-bench-'));
  try {
    return sizes.map((lines) => {
      const text = generateMinutes(lines);
      const minutes = path.join(dir, `m${lines}.protokoll`);
      const markdown = path.join(dir, `m${lines}.md`);
      fs.writeFileSync(minutes, text);
      fs.writeFileSync(markdown, toMarkdown(text));
      const cli = [path.join(root, 'dist', 'cli.js'), 'check', '--no-config', minutes];
      const lint = [
        path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'),
        markdown,
      ];
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const a = timeProcess(cli, dir);
        const b = timeProcess(lint, dir);
        if (i > 0) {
          ours.push(a);
          theirs.push(b);
        }
      }
      const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      const protokollMs = med(ours);
      const markdownlintMs = med(theirs);
      return { lines, protokollMs, markdownlintMs, ratio: protokollMs / markdownlintMs };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
