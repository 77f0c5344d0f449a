// The npm package as a user gets it: `npm pack` of the built repository, installed globally into
// an empty prefix, then `protokoll` and `protokoll-language-server` run from that prefix on a copy
// of the examples in a folder outside the clone, with a PATH that has only the prefix and Node.
// Needs the bundles (npm run build); packs with --ignore-scripts so the prepack build is not
// repeated.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot } from '../lsp/client';

// js-yaml has no types of its own; one function of it is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const MAX_TARBALL_BYTES = 1.5 * 1024 * 1024;
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

describe('the npm package, installed from its tarball', function () {
  this.timeout(180_000);
  let temp: string;
  let prefix: string;
  let bin: string;
  let work: string;
  let tarball: string;
  /** Only the installed programs and Node: no node_modules/.bin of the clone, no clone paths. */
  let env: NodeJS.ProcessEnv;

  function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
    const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env } });
    assert.equal(
      result.status,
      0,
      `npm ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`,
    );
    return result;
  }

  function run(command: string, args: string[]): SpawnSyncReturns<string> {
    return spawnSync(path.join(bin, command), args, { cwd: work, encoding: 'utf8', env });
  }

  before(() => {
    for (const file of Object.values(manifest.bin)) {
      assert.ok(
        fs.existsSync(path.join(repoRoot, file)),
        `${file} is missing: build first (npm run build)`,
      );
    }
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-npm-'));
    prefix = path.join(temp, 'prefix');
    work = path.join(temp, 'minutes');
    const packed = npm(
      ['pack', '--ignore-scripts', '--json', '--pack-destination', temp],
      repoRoot,
    );
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    tarball = path.join(temp, info.filename);
    // No registry needed: the programs are bundled, so the package has no dependencies.
    npm(
      ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
      temp,
    );
    bin = path.join(prefix, 'bin');
    fs.cpSync(path.join(repoRoot, 'examples', 'sikt'), path.join(work, 'sikt'), {
      recursive: true,
    });
    env = {
      PATH: [bin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter),
      HOME: temp,
      NO_COLOR: '1',
    };
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it(`is at most ${MAX_TARBALL_BYTES / 1024 / 1024} MB and has no dependencies to install`, () => {
    const size = fs.statSync(tarball).size;
    assert.ok(size <= MAX_TARBALL_BYTES, `the tarball is ${(size / 1024).toFixed(0)} KB`);
    const installed = path.join(prefix, 'lib', 'node_modules', 'protokoll');
    assert.ok(fs.existsSync(path.join(installed, 'package.json')));
    assert.equal(fs.existsSync(path.join(installed, 'node_modules')), false);
    assert.ok(fs.existsSync(path.join(installed, 'LICENSE')));
  });

  it('installs `protokoll`, which checks the examples', () => {
    const version = run('protokoll', ['--version']);
    assert.equal(version.stdout.trim(), manifest.version);
    // With the network's .protokoll.json beside the minutes: two warnings, no error.
    const check = run('protokoll', ['check', 'sikt']);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /sikt-2018-12-14\.protokoll:\d+:\d+ warning municipality\/form /);
    // Without it, the missing adjuster's signature is an error: exit code 1.
    const strict = run('protokoll', ['check', '--no-config', 'sikt']);
    assert.equal(strict.status, 1, strict.stderr);
    assert.match(strict.stdout, /:\d+:\d+ error signature\/missing /);
  });

  it('exports a PDF with the shipped fonts', () => {
    const result = run('protokoll', [
      'render',
      '--format',
      'pdf',
      '-o',
      'out.pdf',
      'sikt/sikt-2018-12-14.protokoll',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const pdf = fs.readFileSync(path.join(work, 'out.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.toString('latin1'), /DejaVuSerif/);
  });

  it('runs the GitHub Actions workflow of docs/ci.md: SARIF for code scanning, failing on errors', () => {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8');
    const block = /```yaml\n(name: Minutes\n[\s\S]*?)```/.exec(doc);
    assert.ok(block, 'docs/ci.md has no workflow');
    const workflow = yaml.load(block[1]) as {
      permissions: Record<string, string>;
      jobs: { check: { steps: { name?: string; run?: string; id?: string; uses?: string }[] } };
    };
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = workflow.jobs.check.steps;
    assert.ok(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')));
    assert.match(
      steps.find((s) => s.name === 'Install Protokoll')?.run ?? '',
      /npm install --global protokoll/,
    );

    /** The steps after the install (done above from the tarball), as the runner's bash runs them. */
    const runWorkflow = () => {
      const output = path.join(temp, 'github-output');
      fs.writeFileSync(output, '');
      const outputs: Record<string, string> = {};
      let status = 0;
      for (const step of steps) {
        if (!step.run || step.name === 'Install Protokoll') continue;
        const script = step.run.replace(
          /\$\{\{\s*steps\.check\.outputs\.(\w+)\s*\}\}/g,
          (_, key: string) => outputs[key] ?? '',
        );
        const result = spawnSync('bash', ['-e', '-c', script], {
          cwd: work,
          encoding: 'utf8',
          env: { ...env, GITHUB_OUTPUT: output },
        });
        for (const line of fs.readFileSync(output, 'utf8').split('\n')) {
          const [key, ...value] = line.split('=');
          if (key) outputs[key] = value.join('=');
        }
        status = result.status ?? -1;
        if (status !== 0) return { status, step: step.name, stderr: result.stderr };
      }
      return { status, step: undefined, stderr: '' };
    };

    // The examples have warnings but no error: the job passes, and the SARIF lists the warnings.
    const clean = runWorkflow();
    assert.equal(clean.status, 0, `${clean.step}: ${clean.stderr}`);
    const sarif = JSON.parse(fs.readFileSync(path.join(work, 'protokoll.sarif'), 'utf8')) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string } };
        results: { ruleId: string }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.version, manifest.version);
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'municipality/form'));

    // An error fails the last step, after the upload.
    fs.mkdirSync(path.join(work, 'broken'));
    fs.writeFileSync(
      path.join(work, 'broken', 'gap.protokoll'),
      '# Möte\nDatum: 2024-01-01\n\n§ 1 A\n§ 3 B\n',
    );
    try {
      const failing = runWorkflow();
      assert.equal(failing.status, 1);
      assert.equal(failing.step, 'Fail on errors');
    } finally {
      fs.rmSync(path.join(work, 'broken'), { recursive: true });
    }
  });

  it('runs the hooks of .pre-commit-hooks.yaml as pre-commit does', () => {
    const hooks = yaml.load(
      fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'),
    ) as {
      id: string;
      entry: string;
      language: string;
      files: string;
    }[];
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['protokoll-check', 'protokoll-format'],
    );
    const broken = path.join(work, 'gap.protokoll');
    fs.writeFileSync(broken, '# Möte\nDatum:   2024-01-01\n\n§ 1 A\n§ 3 B\n');
    try {
      const candidates = [
        'sikt/sikt-2018-12-14.protokoll',
        'sikt/.protokoll.json',
        'gap.protokoll',
      ];
      for (const hook of hooks) {
        assert.equal(hook.language, 'node');
        // pre-commit passes the staged files that match `files`, after the entry's own arguments.
        const files = candidates.filter((f) => new RegExp(hook.files).test(f));
        assert.deepEqual(files, ['sikt/sikt-2018-12-14.protokoll', 'gap.protokoll']);
        const [command, ...args] = hook.entry.split(' ');
        const good = run(command, [...args, files[0]]);
        assert.equal(good.status, 0, `${hook.id} on the example: ${good.stdout}${good.stderr}`);
        const bad = run(command, [...args, ...files]);
        assert.equal(bad.status, 1, `${hook.id} on a broken file: ${bad.stdout}${bad.stderr}`);
        assert.match(bad.stdout + bad.stderr, /gap\.protokoll/);
      }
    } finally {
      fs.rmSync(broken);
    }
  });

  it('installs `protokoll-language-server`, which answers over stdio', async () => {
    assert.equal(run('protokoll-language-server', ['--version']).stdout.trim(), manifest.version);
    const client = await LspClient.start({
      command: [path.join(bin, 'protokoll-language-server'), '--stdio'],
      rootPath: work,
    });
    try {
      assert.deepEqual(client.initializeResult.serverInfo, {
        name: 'protokoll',
        version: manifest.version,
      });
      const file = path.join(work, 'sikt', 'sikt-2018-12-14.protokoll');
      const uri = await client.open(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
      const { diagnostics } = await client.diagnostics(uri);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('municipality/form'), codes.join(', '));
    } finally {
      await client.stop();
    }
  });
});
