// Activation of the VS Code extension as the editor does it: load dist/extension.js and call
// activate(), in a fresh Node process each run (nothing cached), with a stand-in `vscode` module
// that answers every call. The language client starts as in the editor: it forks the bundled
// server, which the run does not wait for (activation does not either). Target: 50 ms.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import NodeModule from 'node:module';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..', '..');
export const ACTIVATION_TARGET_MS = 50;

/** Run in the child: `node activation.js --child EXTENSION_DIR`. Prints the milliseconds. */
function child(extensionDir: string): void {
  const Module = NodeModule as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
  };
  const original = Module._resolveFilename;
  const stubPath = path.join(__dirname, 'vscode-stub');
  Module._resolveFilename = (request, ...rest) =>
    request === 'vscode' ? stubPath : original(request, ...rest);
  require.cache[stubPath] = {
    id: stubPath,
    filename: stubPath,
    loaded: true,
    exports: vscodeStub(),
  } as unknown as NodeJS.Module;
  const failures: unknown[] = [];
  process.on('unhandledRejection', (error) => failures.push(error));

  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  // As the extension host loads an extension: CommonJS require of its main file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(path.join(extensionDir, 'dist', 'extension.js')) as {
    activate(context: unknown): unknown;
  };
  const loaded = process.hrtime.bigint();
  const cpuLoaded = process.cpuUsage(cpuStart);
  const context = {
    subscriptions: [] as unknown[],
    extensionUri: uri(extensionDir),
    extensionPath: extensionDir,
  };
  // VS Code waits for the promise an async activate() returns.
  void Promise.resolve(extension.activate(context)).then(
    () => {
      const activated = process.hrtime.bigint();
      report(activated, process.cpuUsage(cpuStart));
    },
    (error: unknown) => {
      console.error(`activation failed: ${String(error)}`);
      process.exit(1);
    },
  );
  const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
  const report = (activated: bigint, cpu: NodeJS.CpuUsage) =>
    setImmediate(() => {
      if (failures.length) {
        console.error(`activation failed: ${String(failures[0])}`);
        process.exit(1);
      }
      console.log(
        JSON.stringify({
          load: Number(loaded - start) / 1e6,
          activate: Number(activated - loaded) / 1e6,
          cpuLoad: cpuMs(cpuLoaded),
          cpuTotal: cpuMs(cpu),
        }),
      );
      process.exit(0);
    });
}

function uri(fsPath: string): Record<string, unknown> {
  return { fsPath, path: fsPath, scheme: 'file', toString: () => `file://${fsPath}` };
}

/**
 * `vscode` as far as activation touches it: every name the API declares (read from
 * @types/vscode), Uri and the extension folder real, everything else a callable, constructible
 * object whose every property is another one, and which resolves to `undefined` when awaited.
 */
function vscodeStub(): Record<string, unknown> {
  const make = (): unknown =>
    new Proxy(function () {}, {
      get: (_target, key) => {
        if (key === 'then') return (resolve: (v: unknown) => void) => resolve(undefined);
        if (key === Symbol.iterator) return function* () {};
        if (key === Symbol.toPrimitive) return () => '';
        return make();
      },
      apply: () => make(),
      construct: () => make() as object,
    });
  const declarations = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const api: Record<string, unknown> = {};
  for (const [, name] of declarations.matchAll(
    /^\s*export (?:class|namespace|enum|const|function|let) (\w+)/gm,
  ))
    api[name] = make();
  api.version = '1.100.3';
  api.Uri = {
    file: (p: string) => uri(p),
    joinPath: (base: { fsPath: string }, ...parts: string[]) =>
      uri(path.join(base.fsPath, ...parts)),
    parse: (s: string) => uri(s),
  };
  return api;
}

export interface ActivationResult {
  /** The fastest run's load + activate(): what the code costs without other load on the machine. */
  readonly minMs: number;
  readonly loadMs: number;
  readonly activateMs: number;
  /** CPU time (user + system) of load + activate(): steadier than the clock on a busy machine. */
  readonly cpuMs: number;
  readonly totalMs: number;
  readonly bundleKb: number;
}

/** The median of `runs` activations of the extension in `extensionDir` (default: this repo). */
export function benchActivation(runs = 15, extensionDir = repo): ActivationResult {
  const samples: { load: number; activate: number; cpuLoad: number; cpuTotal: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [__filename, '--child', extensionDir], {
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`activation run failed:\n${result.stderr.slice(-1500)}`);
    samples.push(JSON.parse(result.stdout.trim().split('\n').pop()!));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const loadMs = median(samples.map((s) => s.load));
  const activateMs = median(samples.map((s) => s.activate));
  return {
    loadMs,
    activateMs,
    totalMs: median(samples.map((s) => s.load + s.activate)),
    minMs: Math.min(...samples.map((s) => s.load + s.activate)),
    cpuMs: median(samples.map((s) => s.cpuTotal)),
    bundleKb: fs.statSync(path.join(extensionDir, 'dist', 'extension.js')).size / 1024,
  };
}

if (process.argv[2] === '--child') child(process.argv[3]);
else if (require.main === module) {
  // `node out/scripts/bench/activation.js [EXTENSION_DIR]`: another build, e.g. an older one.
  console.log(describeActivation(benchActivation(15, path.resolve(process.argv[2] ?? repo))));
}

/** One line: median load + activate(), the fastest run, and whether the target is met. */
export function describeActivation(r: ActivationResult): string {
  return `activation (median of fresh processes): load ${r.loadMs.toFixed(1)} ms + activate() ${r.activateMs.toFixed(1)} ms = ${r.totalMs.toFixed(1)} ms, fastest ${r.minMs.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(1)} ms (dist/extension.js ${r.bundleKb.toFixed(0)} KB) — target ≤ ${ACTIVATION_TARGET_MS} ms: ${r.totalMs <= ACTIVATION_TARGET_MS ? 'met' : 'NOT met'}`;
}
