// Activation of the VS Code extension as the editor does it: load dist/extension.js and call
// activate(), in a fresh Node process each run (nothing cached), with a stand-in `vscode` module
// that answers every call. Activation is what VS Code times as such (and waits for before it runs
// a command that activated the extension): the load of the main file, activate() and the promise
// it returns. Target: 50 ms. The language client is loaded and started just after activate()
// returns (client/src/lazyLanguageClient.ts); the time until it forks the bundled server is
// reported beside activation, so that what activation leaves out is in view.
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
  // The language client starts the server with child_process.fork (TransportKind.ipc).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const childProcess = require('node:child_process') as typeof import('node:child_process');
  const fork = childProcess.fork;
  let forked: (at: { time: bigint; cpu: NodeJS.CpuUsage }) => void = () => {};
  const serverForked = new Promise<{ time: bigint; cpu: NodeJS.CpuUsage }>(
    (resolve) => (forked = resolve),
  );
  childProcess.fork = ((...args: Parameters<typeof fork>) => {
    forked({ time: process.hrtime.bigint(), cpu: process.cpuUsage(cpuStart) });
    return fork(...args);
  }) as typeof fork;

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
  const noFork = setTimeout(() => {
    console.error('the language client did not start the server within 20 s');
    process.exit(1);
  }, 20_000);
  const report = (activated: bigint, cpu: NodeJS.CpuUsage) =>
    void serverForked.then((serverAt) => {
      clearTimeout(noFork);
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
          serverFork: Number(serverAt.time - start) / 1e6,
          cpuServerFork: cpuMs(serverAt.cpu),
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
  /**
   * From the load of the main file to the fork of the language server by the client, which is
   * loaded and started after activation: not part of activation, but what a user waits for first.
   */
  readonly serverForkMs: number;
  /** CPU time until then. */
  readonly serverForkCpuMs: number;
  readonly bundleKb: number;
}

/** The median of `runs` activations of the extension in `extensionDir` (default: this repo). */
export function benchActivation(runs = 15, extensionDir = repo): ActivationResult {
  const samples: {
    load: number;
    activate: number;
    cpuLoad: number;
    cpuTotal: number;
    serverFork: number;
    cpuServerFork: number;
  }[] = [];
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
    serverForkMs: median(samples.map((s) => s.serverFork)),
    serverForkCpuMs: median(samples.map((s) => s.cpuServerFork)),
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
  return `activation (median of fresh processes): load ${r.loadMs.toFixed(1)} ms + activate() ${r.activateMs.toFixed(1)} ms = ${r.totalMs.toFixed(1)} ms, fastest ${r.minMs.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(1)} ms (dist/extension.js ${r.bundleKb.toFixed(0)} KB) — target ≤ ${ACTIVATION_TARGET_MS} ms: ${r.totalMs <= ACTIVATION_TARGET_MS ? 'met' : 'NOT met'}; language server forked after ${r.serverForkMs.toFixed(1)} ms, CPU ${r.serverForkCpuMs.toFixed(1)} ms (the client is loaded after activation)`;
}
