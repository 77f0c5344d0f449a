// Issue 10 item 3: the CLI follows the conventions of its peers (ESLint, Prettier, Ruff).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatGithub, useColour, type CliProblem } from '../../server/src/node/cli/output.js';
import { formatDocsAnchors } from '../formatDocs';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {},
): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...env, ...options.env },
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-conv-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CLEAN = '# T\nDatum: 2024-01-01\n\n§ 1 A\n\nOrdförande: X\n';
const NO_SIGNERS = '{"requiredSignatures": []}';

describe('protokoll CLI conventions', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const dir = tempDir(files);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe('standard input', () => {
    it('checks - under the --stdin-filename, with that folder’s configuration', () => {
      const dir = make({ 'sub/.protokoll.json': NO_SIGNERS });
      const named = run(['check', '--stdin-filename', 'sub/m.protokoll', '-'], {
        cwd: dir,
        input: '# T\nDatum: 2024-01-01\n§ 1 A\n§ 3 B\n',
      });
      assert.equal(named.code, 1);
      assert.match(named.stdout, /^sub\/m\.protokoll:4:3 error numbering\/gap /m);
      assert.doesNotMatch(named.stdout, /signature\/missing/);
      const anonymous = run(['check', '-'], { cwd: dir, input: '# T\nDatum: 2024-01-01\n' });
      assert.match(anonymous.stdout, /^<stdin>:\d+:\d+ error signature\/missing/m);
    });

    it('formats - to standard output and renders - as HTML', () => {
      assert.equal(run(['format', '-'], { input: '#  T\n' }).stdout, '# T\n');
      const check = run(['format', '--check', '-'], { input: '#  T\n' });
      assert.equal(check.code, 1);
      assert.match(check.stdout, /<stdin>: needs formatting/);
      const html = run(['render', '-'], { input: '# Nämnden\nDatum: 2024-03-12\n' });
      assert.equal(html.code, 0);
      assert.match(html.stdout, /<title>Nämnden 2024-03-12<\/title>/);
    });

    it('refuses format --write - and --stdin-filename without -', () => {
      const write = run(['format', '--write', '-']);
      assert.equal(write.code, 2);
      assert.match(write.stderr, /format --write cannot write standard input back/);
      const name = run(['check', '--stdin-filename', 'a.protokoll', 'examples/sikt']);
      assert.equal(name.code, 2);
      assert.match(name.stderr, /--stdin-filename names standard input: also give -/);
    });
  });

  describe('finding files', () => {
    it('expands globs, and searches folders named dist, out and .hidden too', () => {
      const dir = make({
        '.protokoll.json': NO_SIGNERS,
        'dist/a.protokoll': CLEAN,
        'out/b.protokoll': CLEAN,
        '.hidden/c.protokoll': CLEAN,
        'node_modules/x/d.protokoll': CLEAN,
        '2024/e.protokoll': CLEAN,
        '2024/notes.txt': 'x',
      });
      const all = run(['check', '--debug', '.'], { cwd: dir });
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stderr, /4 files checked/);
      assert.match(all.stderr, /debug: found dist\/a\.protokoll/);
      assert.match(all.stderr, /debug: found \.hidden\/c\.protokoll/);
      assert.match(all.stderr, /debug: skipped node_modules\/ \(node_modules is never searched\)/);
      const glob = run(['check', '--debug', '2024/**/*.protokoll'], { cwd: dir });
      assert.match(
        glob.stderr,
        /debug: found 2024\/e\.protokoll \(matches 2024\/\*\*\/\*\.protokoll\)/,
      );
      assert.match(glob.stderr, /1 file checked/);
      const none = run(['check', 'nothing/**/*.protokoll'], { cwd: dir });
      assert.equal(none.code, 2);
      assert.match(
        none.stderr,
        /cannot read nothing\/\*\*\/\*\.protokoll: no files match this pattern/,
      );
    });

    it('leaves out what .protokollignore lists, in folders and globs, and says so with --debug', () => {
      const dir = make({
        '.protokoll.json': NO_SIGNERS,
        '.protokollignore': 'utkast/\n*.old.protokoll\n',
        'a.protokoll': CLEAN,
        'a.old.protokoll': '# broken\n§ 2 X\n',
        'utkast/b.protokoll': '# broken\n§ 2 X\n',
        'arkiv/.protokollignore': '!*.old.protokoll\n',
        'arkiv/c.old.protokoll': CLEAN,
      });
      const r = run(['check', '--debug', '.'], { cwd: dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stderr, /2 files checked/);
      assert.match(
        r.stderr,
        /skipped a\.old\.protokoll \(\.protokollignore in .*: \*\.old\.protokoll\)/,
      );
      assert.match(r.stderr, /skipped utkast\/ \(\.protokollignore in .*: utkast\/\)/);
      assert.match(r.stderr, /found arkiv\/c\.old\.protokoll/);
      const glob = run(['check', '**/*.protokoll'], { cwd: dir });
      assert.equal(glob.code, 0, glob.stdout);
      // A file named on the command line is checked even when ignored.
      assert.equal(run(['check', 'a.old.protokoll'], { cwd: dir }).code, 1);
    });
  });

  describe('--fix', () => {
    it('fixes examples/sikt until only the warning no fix can solve is left', () => {
      const dir = make({});
      fs.cpSync(path.join(root, 'examples/sikt'), dir, { recursive: true });
      const file = path.join(dir, 'sikt-2018-12-14.protokoll');
      const before = fs.readFileSync(file, 'utf8');
      const r = run(['check', '--fix', '--format', 'json', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /fixed .*sikt-2018-12-14\.protokoll/);
      const left = JSON.parse(r.stdout) as { code: string; severity: string }[];
      assert.deepEqual(
        left.map((p) => [p.code, p.severity]),
        [['signature/mismatch', 'warning']],
      );
      const after = fs.readFileSync(file, 'utf8');
      assert.equal(after, before.replace('Tidaholm kommun', 'Tidaholms kommun'));
      // Nothing more to fix: a second run changes nothing.
      const again = run(['check', '--fix', dir]);
      assert.doesNotMatch(again.stderr, /fixed/);
      assert.equal(fs.readFileSync(file, 'utf8'), after);
    });

    it('prints the fixed standard input and reports what is left on standard error', () => {
      const dir = make({ '.protokoll.json': NO_SIGNERS });
      const r = run(['check', '--fix', '--stdin-filename', 'm.protokoll', '-'], {
        cwd: dir,
        input: '# T\nDatum: 2024-01-01\n\nNärvarande:\n- A B, Tidaholm kommun\n',
      });
      assert.equal(r.stdout, '# T\nDatum: 2024-01-01\n\nNärvarande:\n- A B, Tidaholms kommun\n');
      assert.match(r.stderr, /1 file checked: 0 errors, 0 warnings, 0 notes left after fixing/);
    });
  });

  describe('output formats', () => {
    it('writes GitHub Actions annotations', () => {
      const r = run(['check', '--no-config', '--format', 'github', 'examples/sikt']);
      assert.equal(r.code, 1);
      assert.match(
        r.stdout,
        /^::warning file=examples\/sikt\/sikt-2018-12-14\.protokoll,line=16,col=17,endLine=16,endColumn=32,title=protokoll municipality\/form::"Tidaholm kommun" är inte kommunens namn/m,
      );
      assert.match(r.stdout, /^::error file=.*title=protokoll signature\/missing::/m);
      assert.equal(r.stdout.trim().split('\n').length, 4);
    });

    it('escapes GitHub annotation properties and messages', () => {
      const problem: CliProblem = {
        file: 'a,b:c.protokoll',
        line: 1,
        column: 2,
        endLine: 3,
        endColumn: 4,
        severity: 'information',
        code: 'x/y',
        message: '100% sure\r\nsecond line',
      };
      assert.equal(
        formatGithub([problem]),
        '::notice file=a%2Cb%3Ac.protokoll,line=1,col=2,endLine=3,endColumn=4,title=protokoll x/y::100%25 sure%0D%0Asecond line',
      );
    });

    it("gives every SARIF rule a helpUri to its code's section of docs/format.md and a real informationUri", () => {
      const log = JSON.parse(
        run(['check', '--no-config', '--format', 'sarif', 'examples/sikt']).stdout,
      );
      const driver = log.runs[0].tool.driver;
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const anchors = formatDocsAnchors();
      for (const rule of driver.rules) {
        const [document, anchor] = rule.helpUri.split('#');
        assert.match(document, /docs\/format\.md$/);
        assert.equal(anchors.get(anchor), `\`${rule.id}\``, `${rule.id}: ${rule.helpUri}`);
      }
      if (pkg.repository || pkg.homepage) {
        assert.match(driver.informationUri, /^https:\/\//);
      } else {
        // No public address is known yet: the documentation shipped beside the program.
        assert.ok(fs.existsSync(fileURLToPath(driver.informationUri)));
        assert.ok(fs.existsSync(fileURLToPath(driver.rules[0].helpUri.replace(/#.*/, ''))));
      }
    });

    it('colours text output with --color or FORCE_COLOR, never with NO_COLOR or --no-color', () => {
      const args = ['check', '--no-config', 'examples/sikt'];
      const escape = /\x1b\[/;
      assert.doesNotMatch(run(args).stdout, escape);
      assert.match(run([...args, '--color']).stdout, escape);
      assert.match(run(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout, escape);
      assert.doesNotMatch(
        run(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '0' } }).stdout,
        escape,
      );
      assert.doesNotMatch(
        run([...args, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout,
        escape,
      );
      assert.match(run([...args, '--color'], { env: { NO_COLOR: '1' } }).stdout, escape);
    });

    it('decides colour from flag, NO_COLOR, FORCE_COLOR and the terminal, in that order', () => {
      assert.equal(useColour(undefined, {}, true), true);
      assert.equal(useColour(undefined, {}, false), false);
      assert.equal(useColour(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true), false);
      assert.equal(useColour(undefined, { NO_COLOR: '' }, true), true);
      assert.equal(useColour(undefined, { FORCE_COLOR: 'false' }, true), false);
      assert.equal(useColour(undefined, { FORCE_COLOR: '2' }, false), true);
      assert.equal(useColour(false, { FORCE_COLOR: '1' }, true), false);
    });
  });

  describe('argument parsing (util.parseArgs)', () => {
    it('accepts --option=value and -o, and explains mistakes', () => {
      const json = run(['check', '--no-config', '--format=json', 'examples/sikt']);
      assert.equal(JSON.parse(json.stdout).length, 4);
      let r = run(['check', '--frobnicate', 'examples']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /unknown option "--frobnicate" for check/);
      r = run(['format', '--locale', 'en', 'examples']);
      assert.match(
        r.stderr,
        /option --locale does not apply to format \(only to check and render\)/,
      );
      r = run(['check', '--format']);
      assert.match(r.stderr, /--format needs a value/);
      r = run(['check', '--color', '--no-color', 'examples']);
      assert.match(r.stderr, /--color and --no-color cannot be combined/);
      for (const bad of [r]) assert.doesNotMatch(bad.stderr, /\n\s+at /);
    });
  });
});
