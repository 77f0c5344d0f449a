// Issue 13: hostile files, links and configuration. Each case is built in a temporary folder; the
// source minutes' checksum is compared before and after every run, and every run must end with
// a clear message (a hang is killed by the spawn timeout and fails the test).
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
/** Long enough for a loaded machine, short enough that a hang fails rather than stalls. */
const HANG_TIMEOUT_MS = 20_000;

const MINUTES = '# Styrelsemöte\nDatum: 2024-01-01\n\n§ 1 Öppnande\n\nOrdförande: Anna\n';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: SpawnSyncOptions = {}, command: string[] = []): Run {
  const [program, ...prefix] = command.length ? command : [process.execPath];
  const r = spawnSync(
    program,
    [...prefix, ...(command.length ? [process.execPath] : []), cli, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: HANG_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      ...options,
    },
  );
  assert.equal(r.signal, null, `protokoll ${args.join(' ')} did not finish (${r.signal})`);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function checksum(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The CLI's whole answer has no stack trace and no "internal error". */
function assertClear(r: Run): void {
  assert.doesNotMatch(r.stderr + r.stdout, /internal error|\n\s+at .*:\d+:\d+/);
}

describe('hostile files, links and configuration (issue 13)', () => {
  let dir: string;
  let source: string;
  let sum: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-hostile-'));
    source = path.join(dir, 'src.protokoll');
    fs.writeFileSync(source, MINUTES);
    sum = checksum(source);
  });

  afterEach(() => {
    assert.equal(checksum(source), sum, 'the source minutes changed');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('an output never replaces its source', () => {
    it('refuses -o that is a symbolic link to the source', () => {
      fs.symlinkSync('src.protokoll', path.join(dir, 'alias.html'));
      const r = run(['render', '-o', path.join(dir, 'alias.html'), source]);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /alias\.html: refusing to write: this is the source document .*src\.protokoll under another name \(a link\)/,
      );
      assertClear(r);
    });

    it('refuses -o that is a hard link to the source', () => {
      fs.linkSync(source, path.join(dir, 'alias.html'));
      const r = run(['render', '-o', path.join(dir, 'alias.html'), source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /refusing to write: this is the source document/);
    });

    it('refuses the default PDF output when it is a link to the source', () => {
      fs.symlinkSync('src.protokoll', path.join(dir, 'src.pdf'));
      const r = run(['render', '--format', 'pdf', source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /src\.pdf: refusing to write: this is the source document/);
      assert.ok(fs.lstatSync(path.join(dir, 'src.pdf')).isSymbolicLink());
    });

    it('refuses the source by its own name, and the configuration file it read', () => {
      let r = run(['render', '-o', source, source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /refusing to overwrite the source document/);
      const config = path.join(dir, '.protokoll.json');
      fs.writeFileSync(config, '{"requiredSignatures": []}');
      r = run(['render', '-o', config, source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /refusing to overwrite the source document/);
      assert.equal(fs.readFileSync(config, 'utf8'), '{"requiredSignatures": []}');
    });

    it('writes through a link to another file: the link stays, the file is replaced, its mode kept', () => {
      const real = path.join(dir, 'published.html');
      fs.writeFileSync(real, 'old');
      fs.chmodSync(real, 0o640);
      fs.symlinkSync('published.html', path.join(dir, 'latest.html'));
      const r = run(['render', '-o', path.join(dir, 'latest.html'), source]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'latest.html')).isSymbolicLink());
      assert.match(fs.readFileSync(real, 'utf8'), /<title>Styrelsemöte 2024-01-01<\/title>/);
      assert.equal(fs.statSync(real).mode & 0o777, 0o640);
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
        'no temporary file left',
      );
    });

    it('refuses a dangling link and a folder as output, with the reason', () => {
      fs.symlinkSync('nowhere/x.html', path.join(dir, 'dangling.html'));
      let r = run(['render', '-o', path.join(dir, 'dangling.html'), source]);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /dangling\.html: is a link to nowhere\/x\.html, which cannot be followed/,
      );
      fs.mkdirSync(path.join(dir, 'folder.html'));
      r = run(['render', '-o', path.join(dir, 'folder.html'), source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /folder\.html: is a directory; choose another output file/);
    });

    it('format --write through a link writes the linked file, keeping the link, line endings, BOM and mode', () => {
      const real = path.join(dir, 'real.protokoll');
      fs.writeFileSync(real, '\uFEFF#  T\r\nDatum: 2024-01-01\r\n');
      fs.chmodSync(real, 0o600);
      const link = path.join(dir, 'sub', 'link.protokoll');
      fs.mkdirSync(path.dirname(link));
      fs.symlinkSync('../real.protokoll', link);
      const r = run(['format', '--write', link]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(real, 'utf8'), '\uFEFF# T\r\nDatum: 2024-01-01\r\n');
      assert.equal(fs.statSync(real).mode & 0o777, 0o600);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'sub')), ['link.protokoll']);
    });
  });

  describe('reading is bounded', () => {
    const config = () => path.join(dir, '.protokoll.json');

    for (const levels of [5_000, 100_000]) {
      it(`reports configuration nested ${levels} levels deep as a configuration problem with a position`, () => {
        fs.writeFileSync(config(), '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
        const r = run(['check', '--locale', 'en', source]);
        assertClear(r);
        assert.equal(r.code, 1);
        assert.match(
          r.stdout,
          /\.protokoll\.json:1:161 error config invalid configuration: objects and arrays nested deeper than 32 levels/,
        );
      });
    }

    it('refuses a 50 MB configuration file that does not parse, without reading it', () => {
      fs.writeFileSync(config(), Buffer.alloc(50 * 1024 * 1024, '{'));
      const r = run(['check', '--locale', 'en', source]);
      assertClear(r);
      assert.match(
        r.stdout,
        /\.protokoll\.json:1:1 error config the configuration file is larger than 1 MB and is not read/,
      );
    });

    it('refuses a configuration file of 200,000 wrong entries and 100,000 unknown codes by its size', () => {
      const severity = Object.fromEntries(
        Array.from({ length: 100_000 }, (_, i) => [`code/${i}`, 'error']),
      );
      const wrong = Array.from({ length: 200_000 }, (_, i) => `Kassör ${i}`);
      fs.writeFileSync(config(), JSON.stringify({ requiredSignatures: wrong, severity }));
      const r = run(['check', '--locale', 'en', source]);
      assertClear(r);
      assert.match(r.stdout, /error config the configuration file is larger than 1 MB/);
    });

    it('reports the first 100 of 270,000 problems of a configuration file under the limit, then how many more', () => {
      const keys = Array.from({ length: 70_000 }, (_, i) => `"${i.toString(36)}":0`);
      const text = `{"requiredSignatures":[${Array(200_000).fill(0).join(',')}],"severity":{${keys.join(',')}}}`;
      assert.ok(text.length < 1024 * 1024);
      fs.writeFileSync(config(), text);
      const r = run(['check', '--locale', 'en', '--format', 'json', source]);
      assertClear(r);
      const problems = (JSON.parse(r.stdout) as { code: string; message: string }[]).filter(
        (p) => p.code === 'config',
      );
      assert.equal(problems.length, 101);
      assert.match(problems[0].message, /^requiredSignatures\.0: must be a name in double quotes/);
      assert.equal(
        problems[100].message,
        '269900 more problems in this configuration file not shown; fix the ones above first',
      );
    });

    const devices: [string, () => string][] = [
      ['/dev/zero', () => '/dev/zero'],
      ['/dev/urandom', () => '/dev/urandom'],
    ];
    for (const [name, target] of devices) {
      it(`refuses a configuration file that is a link to ${name}`, function () {
        if (!fs.existsSync(target())) this.skip();
        fs.symlinkSync(target(), config());
        const r = run(['check', '--locale', 'en', source]);
        assertClear(r);
        assert.match(
          r.stdout,
          /\.protokoll\.json:1:1 error config the configuration file is a device, not a regular file and is not read/,
        );
      });
    }

    it('refuses a configuration file that is a named pipe, without waiting for a writer', function () {
      const mkfifo = spawnSync('mkfifo', [config()]);
      if (mkfifo.status !== 0) this.skip();
      const r = run(['check', '--locale', 'en', source]);
      assertClear(r);
      assert.match(r.stdout, /error config the configuration file is a named pipe \(FIFO\)/);
    });

    it('refuses minutes that are a device or a pipe, and still checks the other files', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.protokoll'));
      const r = run([
        'check',
        '--no-config',
        '--locale',
        'en',
        path.join(dir, 'zero.protokoll'),
        source,
      ]);
      assertClear(r);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /zero\.protokoll: is a device, not a regular file/);
      assert.match(r.stderr, /1 file checked/);
    });

    it('keeps the clear messages for link loops, dangling links and a folder named .protokoll.json', () => {
      fs.symlinkSync('loop-b.protokoll', path.join(dir, 'loop-a.protokoll'));
      fs.symlinkSync('loop-a.protokoll', path.join(dir, 'loop-b.protokoll'));
      fs.symlinkSync('gone.protokoll', path.join(dir, 'dangling.protokoll'));
      let r = run([
        'check',
        path.join(dir, 'loop-a.protokoll'),
        path.join(dir, 'dangling.protokoll'),
      ]);
      assertClear(r);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /loop-a\.protokoll: too many levels of symbolic links/);
      assert.match(r.stderr, /dangling\.protokoll: no such file or directory/);
      fs.mkdirSync(config());
      r = run(['check', '--locale', 'en', source]);
      assertClear(r);
      assert.match(
        r.stdout,
        /error config the configuration file is a directory, not a file and is not read/,
      );
    });

    it('lets __proto__ and constructor keys pollute nothing', () => {
      fs.writeFileSync(
        config(),
        '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "requiredSignatures": []}',
      );
      const r = run(['check', '--locale', 'en', '--format', 'json', source]);
      assertClear(r);
      const messages = (JSON.parse(r.stdout) as { message: string }[]).map((p) => p.message);
      assert.ok(
        messages.some((m) => /unknown setting "__proto__"/.test(m)),
        messages.join('\n'),
      );
      assert.ok(messages.some((m) => /unknown setting "constructor"/.test(m)));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('exits 2 without a stack trace for usage errors', () => {
      const r = run(['render', '--format', 'docx', source]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--format must be html, pdf or json/);
      assertClear(r);
    });
  });

  describe('an unreadable folder', () => {
    it('is reported with the reason while every readable file is still checked; exit 2 (run as nobody)', function () {
      // Root reads every folder whatever its mode, so the CLI runs as `nobody` through setpriv.
      const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
      if (process.getuid?.() !== 0 || !setpriv) this.skip();
      fs.chmodSync(dir, 0o755);
      fs.mkdirSync(path.join(dir, 'locked'));
      fs.writeFileSync(path.join(dir, 'locked', 'hidden.protokoll'), MINUTES);
      fs.writeFileSync(path.join(dir, 'unreadable.protokoll'), MINUTES);
      fs.chmodSync(path.join(dir, 'unreadable.protokoll'), 0o000);
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      try {
        const r = run(['check', '--no-config', '--locale', 'en', dir], {}, [
          setpriv!,
          '--reuid=nobody',
          '--regid=nogroup',
          '--clear-groups',
        ]);
        assertClear(r);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /cannot read .*locked: cannot list this folder: permission denied/);
        assert.match(r.stderr, /cannot read .*unreadable\.protokoll: permission denied/);
        assert.match(r.stdout, /src\.protokoll:6:1 error signature\/missing/);
        assert.match(r.stderr, /1 file checked/);
      } finally {
        fs.chmodSync(path.join(dir, 'locked'), 0o755);
      }
    });
  });
});
