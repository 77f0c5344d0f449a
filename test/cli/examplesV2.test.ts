import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonProblem {
  line: number;
  code: string;
  message: string;
}

/** Copies an example folder (with its .protokoll.json), applies `edit` to its minutes, checks it. */
function checkEdited(folder: string, edit: (text: string) => string): JsonProblem[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-v2-'));
  const source = path.join(root, 'examples', folder);
  for (const name of fs.readdirSync(source)) {
    let content = fs.readFileSync(path.join(source, name), 'utf8');
    if (name.endsWith('.protokoll')) {
      const edited = edit(content);
      assert.notEqual(edited, content, 'the defect was inserted');
      content = edited;
    } else content = content.replace('"../../schemas/protokoll.schema.json"', '"x"');
    fs.writeFileSync(path.join(dir, name), content);
  }
  const r = run(['check', '--format', 'json', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as JsonProblem[];
}

const KS = 'kommunstyrelse';
const KS_FILE = fs.readFileSync(
  path.join(root, 'examples', KS, '2024-03-05-kommunstyrelsen.protokoll'),
  'utf8',
);
/** The 1-based line of the first line starting with `start` in the kommunstyrelse example. */
function ksLine(start: string): number {
  return KS_FILE.split('\n').findIndex((l) => l.startsWith(start)) + 1;
}

describe('protokoll check on the v2 examples', () => {
  it('finds nothing in the kommunstyrelse and association examples', () => {
    const r = run(['check', 'examples/kommunstyrelse', 'examples/forening']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /2 files checked: 0 errors, 0 warnings/);
    assert.equal(
      run(['format', '--check', 'examples/kommunstyrelse', 'examples/forening']).code,
      0,
    );
  });

  const defects: [string, string, string, string][] = [
    ['attendance/unknown-party', '- Marie Ek (KD)\n', '- Marie Ek (FP)\n', '- Marie Ek'],
    [
      'attendance/substitute-for-present',
      'ersätter Johan Lind (M)',
      'ersätter Per Ek (M)',
      '- Lisa Berg',
    ],
    [
      'attendance/substitute-party',
      '- Lisa Berg (M), ersätter Johan Lind (M)',
      '- Lisa Berg (L), ersätter Johan Lind (M)',
      '- Lisa Berg',
    ],
    ['vote/count', 'Ja: 6\n', 'Ja: 7\n', 'Omröstning:'],
    [
      'vote/twice',
      'Avstår: Sven Holm (SD)',
      'Avstår: Sven Holm (SD), Omar Said (S)',
      'Avstår: Sven Holm',
    ],
    [
      'vote/not-voting-member',
      'Avstår: Sven Holm (SD)',
      'Avstår: Sven Holm (SD), Eva Strand (S)',
      'Avstår: Sven Holm',
    ],
    [
      'jav/took-part',
      'Beslut: Kommunstyrelsen godkänner markanvisningsavtalet.',
      'Beslut: Kommunstyrelsen godkänner markanvisningsavtalet.\nReservation: Marie Ek (KD) reserverar sig.',
      'Beslut: Kommunstyrelsen godkänner markanvisningsavtalet.',
    ],
    [
      'reservation/for-decision',
      'Reservation: Per Ek (M) och Lisa Berg (M)',
      'Reservation: Maja Dahl (S)',
      'Reservation:',
    ],
    ['signature/paragraphs', 'Paragrafer: 26–31', 'Paragrafer: 26–38', 'Paragrafer:'],
    [
      'deadline/adjustment',
      'Kommunhuset, 2024-03-12 kl. 15.00',
      'Kommunhuset, 2024-03-25 kl. 15.00',
      'Justeringens plats och tid:',
    ],
    ['signature/missing', 'Justerare: Per Ek och Leif Blom', 'Justerare: Per Ek', 'Justerare:'],
    [
      'signature/mismatch',
      'Justerare: Per Ek och Leif Blom',
      'Justerare: Per Ek och Maja Dahl',
      'Justerare:',
    ],
  ];
  for (const [code, from, to, lineStart] of defects) {
    it(`reports ${code} on its line in the kommunstyrelse example`, () => {
      const problems = checkEdited(KS, (t) => t.replace(from, to));
      const found = problems.find((p) => p.code === code);
      assert.ok(found, `${code} not in ${JSON.stringify(problems)}`);
      // The vote's Omröstning line is the one above `Ja: 6`; a new line below its anchor is +1.
      const expected =
        code === 'vote/count'
          ? KS_FILE.split('\n').indexOf('Ja: 6')
          : ksLine(lineStart) + (code === 'jav/took-part' ? 1 : 0);
      assert.equal(found.line, expected, JSON.stringify(found));
    });
  }

  it('reports quorum/not-met on the Beslutande heading when seats grow', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-v2-'));
    fs.copyFileSync(
      path.join(root, 'examples', KS, '2024-03-05-kommunstyrelsen.protokoll'),
      path.join(dir, 'ks.protokoll'),
    );
    fs.writeFileSync(path.join(dir, '.protokoll.json'), '{"kind": "kommunal", "seats": 19}');
    const r = run(['check', '--format', 'json', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    const problems = JSON.parse(r.stdout) as JsonProblem[];
    const quorum = problems.find((p) => p.code === 'quorum/not-met');
    assert.equal(quorum?.line, ksLine('Beslutande:'));
    assert.equal(r.code, 1);
  });

  it('reports the association defects: a term officer is no meeting election, a tally is no town', () => {
    const clean = checkEdited('forening', (t) => t.replace('Ja: 3', '- Ja: 3'));
    assert.deepEqual(clean, []);
    const problems = checkEdited('forening', (t) =>
      t.replace('Ordförande: Göran Ek', 'Ordförande: Britt Andersson'),
    );
    assert.deepEqual(
      problems.map((p) => p.code),
      ['signature/mismatch'],
    );
    assert.match(problems[0].message, /Göran Ek valdes till ordförande i § 2/);
  });
});
