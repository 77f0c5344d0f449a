import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMinutesFiles, IgnoreFiles } from '../../server/src/node/minutesFiles';

describe('.protokollignore', () => {
  let root: string;
  const write = (relative: string, text = '') => {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const found = (dir = root) =>
    findMinutesFiles(dir).files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ignore-'));
    // A repository root: .protokollignore files are looked up to it, not above.
    fs.mkdirSync(path.join(root, '.git'));
    for (const f of [
      'a.protokoll',
      'utkast-1.protokoll',
      'arkiv/2019.protokoll',
      'styrelse/2024.protokoll',
      'styrelse/gammalt/2020.protokoll',
      'node_modules/x/y.protokoll',
      '.hidden/z.protokoll',
      'notes.txt',
    ])
      write(f);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds every .protokoll file, sorted, also in hidden folders, without node_modules', () => {
    assert.deepEqual(found(), [
      '.hidden/z.protokoll',
      'a.protokoll',
      'arkiv/2019.protokoll',
      'styrelse/2024.protokoll',
      'styrelse/gammalt/2020.protokoll',
      'utkast-1.protokoll',
    ]);
  });

  it('leaves out what the root file lists, in gitignore syntax, with ! to re-include', () => {
    write(
      '.protokollignore',
      '# archive\narkiv/\nutkast-*\n*.protokoll\n!a.protokoll\n!styrelse/*.protokoll\n',
    );
    assert.deepEqual(found(), ['a.protokoll', 'styrelse/2024.protokoll']);
  });

  it('applies a nested file to its own folder, relative to it', () => {
    write('styrelse/.protokollignore', 'gammalt/\n/2024.protokoll\n');
    write('2024.protokoll');
    assert.deepEqual(found(), [
      '.hidden/z.protokoll',
      '2024.protokoll',
      'a.protokoll',
      'arkiv/2019.protokoll',
      'utkast-1.protokoll',
    ]);
  });

  it('applies the files above a searched folder up to the repository root', () => {
    write('.protokollignore', 'gammalt/\n');
    assert.deepEqual(found(path.join(root, 'styrelse')), ['styrelse/2024.protokoll']);
    const ignores = new IgnoreFiles();
    assert.equal(ignores.ignores(path.join(root, 'styrelse', 'gammalt'), true), true);
    assert.equal(ignores.ignores(path.join(root, 'styrelse', '2024.protokoll')), false);
    // A repository of its own: the files above it no longer apply.
    fs.mkdirSync(path.join(root, 'styrelse', '.git'));
    assert.deepEqual(found(path.join(root, 'styrelse')), [
      'styrelse/2024.protokoll',
      'styrelse/gammalt/2020.protokoll',
    ]);
  });

  it('lets the nearest file decide: a deeper file re-includes with !, as in git', () => {
    write('.protokollignore', '2020.protokoll\n');
    assert.equal(found().includes('styrelse/gammalt/2020.protokoll'), false);
    write('styrelse/gammalt/.protokollignore', '!2020.protokoll\n');
    assert.equal(found().includes('styrelse/gammalt/2020.protokoll'), true);
  });

  it('skips only node_modules and .git; build output is left out by .protokollignore', () => {
    for (const f of ['.git/x.protokoll', 'out/x.protokoll', 'dist/x.protokoll']) write(f);
    write('.vscode-test/x.protokoll');
    const all = found();
    for (const f of ['out/x.protokoll', 'dist/x.protokoll', '.vscode-test/x.protokoll'])
      assert.ok(all.includes(f), f);
    assert.equal(
      all.some((f) => f.startsWith('.git/') || f.startsWith('node_modules/')),
      false,
    );
    write('.protokollignore', '.vscode-test/\nout/\ndist/\n');
    assert.deepEqual(
      found().filter((f) => f.includes('x.protokoll')),
      [],
    );
  });

  it('reports what it cannot read and goes on', function () {
    if (process.platform === 'win32') this.skip();
    fs.symlinkSync(path.join(root, 'missing.protokoll'), path.join(root, 'broken.protokoll'));
    fs.symlinkSync(path.join(root, 'a.protokoll'), path.join(root, 'b.protokoll'));
    const { files, errors } = findMinutesFiles(root);
    assert.deepEqual(
      errors.map((e) => path.basename(e.path)),
      ['broken.protokoll'],
    );
    assert.ok(files.includes(path.join(root, 'b.protokoll')), 'a link to a file is followed');
    assert.ok(files.includes(path.join(root, 'utkast-1.protokoll')));
  });

  it('stops at the limit and says so', () => {
    const { files, truncated } = findMinutesFiles(root, { limit: 2 });
    assert.equal(files.length, 2);
    assert.equal(truncated, true);
  });
});
