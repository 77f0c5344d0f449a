import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[], cwd = root): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

describe('protokoll check', () => {
  it('reports exactly the seed mistakes without configuration', () => {
    const r = run(['check', '--no-config', '--format', 'json', 'examples/sikt']);
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.stdout) as JsonProblem[];
    assert.deepEqual(problems.map((p) => p.code).sort(), [
      'municipality/form',
      'municipality/unknown',
      'signature/mismatch',
      'signature/missing',
    ]);
    const form = problems.find((p) => p.code === 'municipality/form')!;
    assert.deepEqual(
      [form.line, form.column, form.endLine, form.endColumn, form.severity],
      [16, 17, 16, 32, 'warning'],
    );
  });

  it('reports only the form and the secretary mismatch with the SIKT configuration', () => {
    const r = run(['check', '--format', 'json', 'examples/sikt']);
    assert.equal(r.code, 0);
    assert.deepEqual((JSON.parse(r.stdout) as JsonProblem[]).map((p) => p.code).sort(), [
      'municipality/form',
      'signature/mismatch',
    ]);
  });

  it('finds nothing in the other examples', () => {
    const r = run(['check', 'examples/styrelse', 'examples/english']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  it('prints compiler-style text lines', () => {
    const r = run(['check', '--no-config', 'examples/sikt']);
    assert.match(
      r.stdout,
      /^examples\/sikt\/sikt-2018-12-14\.protokoll:16:17 warning municipality\/form /m,
    );
    assert.match(r.stderr, /1 file checked: 1 errors, 3 warnings/);
  });

  it('speaks English with --locale en', () => {
    const r = run(['check', '--no-config', '--locale', 'en', 'examples/sikt']);
    assert.match(r.stdout, /The official form is Tidaholms kommun/);
  });

  it('writes valid SARIF 2.1.0', () => {
    const r = run(['check', '--no-config', '--format', 'sarif', 'examples/sikt']);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    assert.equal(runLog.tool.driver.name, 'protokoll');
    assert.equal(runLog.results.length, 4);
    for (const result of runLog.results) {
      assert.ok(runLog.tool.driver.rules[result.ruleIndex].id === result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      const region = result.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      assert.equal(
        result.locations[0].physicalLocation.artifactLocation.uri,
        'examples/sikt/sikt-2018-12-14.protokoll',
      );
    }
  });

  it('exits 0 when only warnings are found and 1 on an error', () => {
    const dir = tempDir({
      'a.protokoll': '# T\nDatum: 2024-01-01\n\n§ 1 A\n\nOrdförande: X\n',
      '.protokoll.json': '{"requiredSignatures": []}',
    });
    assert.equal(run(['check', dir]).code, 0);
    fs.writeFileSync(path.join(dir, 'b.protokoll'), '# T\n§ 1 A\n');
    assert.equal(run(['check', dir]).code, 1);
  });

  it('exits 2 with a clear message for usage errors and unreadable paths', () => {
    let r = run(['check', '--format', 'xml', 'examples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json, sarif or github/);
    r = run(['check', 'no/such/file.protokoll']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read no\/such\/file\.protokoll: no such file or directory/);
    r = run(['frobnicate']);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
  });

  it('reports a broken configuration file with its position instead of crashing', () => {
    const dir = tempDir({
      'a.protokoll': '# T\nDatum: 2024-01-01\n',
      '.protokoll.json': '{\n  "requiredSignatures": ["Kassör"],\n  "locale": "de"\n}',
    });
    const r = run(['check', '--format', 'json', dir]);
    const problems = JSON.parse(r.stdout) as JsonProblem[];
    const config = problems.filter((p) => p.code === 'config');
    assert.equal(config.length, 2);
    assert.deepEqual([config[0].line, config[0].file.endsWith('.protokoll.json')], [2, true]);
    // The file's locale is invalid and no --locale is given: Swedish.
    assert.match(config[0].message, /"Kassör" är ingen roll som skriver under protokollet/);
    assert.match(config[1].message, /^locale: "de" är inget språk som stöds; använd "sv"/);
    const broken = tempDir({ 'a.protokoll': '# T\n', '.protokoll.json': '{ "locale": }' });
    const r2 = run(['check', broken]);
    assert.match(
      r2.stdout,
      /\.protokoll\.json:1:\d+ error config ogiltig JSON: förväntade ett värde/,
    );
  });

  it('reports configuration problems in English with --locale en', () => {
    const dir = tempDir({
      'a.protokoll': '# T\nDatum: 2024-01-01\n',
      '.protokoll.json': '{\n  "requiredSignatures": ["Kassör"],\n  "locale": "de"\n}',
    });
    const r = run(['check', '--locale', 'en', dir]);
    assert.match(
      r.stdout,
      /\.protokoll\.json:2:26 error config requiredSignatures\.0: "Kassör" is not a signing role; use Ordförande, Sekreterare or Justerare/,
    );
    assert.match(
      r.stdout,
      /\.protokoll\.json:3:3 error config locale: "de" is not a supported language/,
    );
    const broken = tempDir({ 'a.protokoll': '# T\n', '.protokoll.json': '{ "locale": }' });
    const r2 = run(['check', '--locale', 'en', broken]);
    assert.match(r2.stdout, /\.protokoll\.json:1:\d+ error config invalid JSON: expected a value/);
  });

  it("reports configuration problems in the file's own locale unless --locale says otherwise", () => {
    const dir = tempDir({
      'a.protokoll': '# T\nDatum: 2024-01-01\n',
      '.protokoll.json': '{ "locale": "en", "requiredSignatures": [], "bogus": 1 }',
    });
    assert.match(run(['check', dir]).stdout, /error config bogus: unknown setting "bogus"/);
    assert.match(
      run(['check', '--locale', 'sv', dir]).stdout,
      /error config bogus: okänd inställning "bogus"/,
    );
    const explicit = run(['check', '--config', path.join(dir, '.protokoll.json'), dir]);
    assert.match(explicit.stdout, /error config bogus: unknown setting "bogus"/);
  });

  it('uses --config FILE and ignores every .protokoll.json with --no-config', () => {
    const dir = tempDir({
      'm.protokoll': '# T\nDatum: 2024-01-01\n\nNärvarande:\n- A B, Förbundet\n',
      'c.json': '{"organisations": ["Förbundet"], "requiredSignatures": []}',
      '.protokoll.json': '{"requiredSignatures": []}',
    });
    const withConfig = JSON.parse(
      run(['check', '--format', 'json', '--config', path.join(dir, 'c.json'), dir]).stdout,
    ) as JsonProblem[];
    assert.deepEqual(
      withConfig.map((p) => p.code),
      [],
    );
    const noConfig = JSON.parse(
      run(['check', '--format', 'json', '--no-config', dir]).stdout,
    ) as JsonProblem[];
    assert.ok(noConfig.some((p) => p.code === 'municipality/unknown'));
    assert.ok(noConfig.some((p) => p.code === 'signature/missing'));
  });
});

describe('protokoll check across files', () => {
  it('reports a meeting whose numbering does not continue from the previous one', () => {
    const dir = tempDir({
      'a.protokoll': '# Nämnden\nDatum: 2024-03-01\n\n§ 10 A\n\n§ 11 B\n\nOrdförande: X\n',
      'b.protokoll': '# Nämnden\nDatum: 2024-04-01\n\n§ 13 C\n\nOrdförande: X\n',
      '.protokoll.json': '{"requiredSignatures": [], "severity": {"signature/not-present": "off"}}',
    });
    const r = run(['check', '--format', 'json', dir]);
    const problems = JSON.parse(r.stdout) as JsonProblem[];
    assert.deepEqual(
      problems.map((p) => [path.basename(p.file), p.line, p.code]),
      [['b.protokoll', 4, 'numbering/gap']],
    );
    assert.equal(r.code, 1);
  });

  it('compares minutes within one folder, as the editor does', () => {
    const dir = tempDir({
      'mars/a.protokoll': '# Nämnden\nDatum: 2024-03-01\n\n§ 10 A\n\nOrdförande: X\n',
      'april/b.protokoll': '# Nämnden\nDatum: 2024-04-01\n\n§ 13 C\n\nOrdförande: X\n',
      '.protokoll.json': '{"requiredSignatures": [], "severity": {"signature/not-present": "off"}}',
    });
    const r = run(['check', '--format', 'json', dir]);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });
});

describe('files that are not UTF-8 text', () => {
  it('are refused with the reason, and format --write leaves them byte for byte', () => {
    const dir = tempDir({});
    const latin1 = Buffer.from('# M\u00f6te\nDatum: 2024-01-01\n', 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# T\n', 'utf16le')]);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    fs.writeFileSync(path.join(dir, 'latin1.protokoll'), latin1);
    fs.writeFileSync(path.join(dir, 'utf16.protokoll'), utf16);
    fs.writeFileSync(path.join(dir, 'binary.protokoll'), binary);
    const check = run(['check', dir]);
    assert.equal(check.code, 2);
    assert.match(
      check.stderr,
      /latin1\.protokoll: not UTF-8 text \(invalid byte 0xf6 at offset 3\)/,
    );
    assert.match(check.stderr, /utf16\.protokoll: the file is UTF-16; save it as UTF-8/);
    assert.match(check.stderr, /binary\.protokoll: this is a binary file/);
    assert.equal(run(['format', '--write', dir]).code, 2);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'latin1.protokoll')), latin1);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'utf16.protokoll')), utf16);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'binary.protokoll')), binary);
  });

  it('keeps the byte order mark of a UTF-8 file when formatting it', () => {
    const dir = tempDir({ 'a.protokoll': '\uFEFF#  T\n' });
    assert.equal(run(['format', '--write', dir]).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.protokoll'), 'utf8'), '\uFEFF# T\n');
  });
});

describe('protokoll format', () => {
  it('--check lists unformatted files and exits 1; --write fixes them; then --check exits 0', () => {
    const dir = tempDir({ 'a.protokoll': '#  T\ndatum:2024-01-01\n§3.  Punkt\n' });
    const check = run(['format', '--check', dir]);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /a\.protokoll: needs formatting/);
    assert.equal(run(['format', '--write', dir]).code, 0);
    assert.equal(
      fs.readFileSync(path.join(dir, 'a.protokoll'), 'utf8'),
      '# T\nDatum: 2024-01-01\n\n§ 3 Punkt\n',
    );
    assert.equal(run(['format', '--check', dir]).code, 0);
  });

  it('prints the formatted text without --check or --write', () => {
    const dir = tempDir({ 'a.protokoll': '#  T\n' });
    assert.equal(run(['format', path.join(dir, 'a.protokoll')]).stdout, '# T\n');
  });

  it('keeps the Swedish examples formatted', () => {
    assert.equal(run(['format', '--check', 'examples/sikt', 'examples/styrelse']).code, 0);
  });
});

describe('the README', () => {
  it('shows an example that passes every check and is formatted', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /## The format in brief\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has a format example');
    const dir = tempDir({ 'readme.protokoll': example });
    const check = run(['check', '--no-config', dir]);
    assert.equal(check.code, 0, check.stdout);
    assert.equal(check.stdout, '');
    assert.equal(run(['format', '--check', dir]).code, 0);
  });
});
