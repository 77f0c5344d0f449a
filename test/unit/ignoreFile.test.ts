import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findMinutesFiles, IgnoreRules } from '../../server/src/node/ignoreFile';

describe('.protokollignore', () => {
  let root: string;
  const write = (relative: string, text = '') => {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const found = (dir = root, top?: string) =>
    findMinutesFiles(dir, { top }).files.map((f) =>
      path.relative(root, f).split(path.sep).join('/'),
    );

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-ignore-'));
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

  it('finds every .protokoll file, sorted, without node_modules and hidden folders', () => {
    assert.deepEqual(found(), [
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
      '2024.protokoll',
      'a.protokoll',
      'arkiv/2019.protokoll',
      'utkast-1.protokoll',
    ]);
  });

  it('applies the files above a searched folder up to the top', () => {
    write('.protokollignore', 'gammalt/\n');
    assert.deepEqual(found(path.join(root, 'styrelse'), root), ['styrelse/2024.protokoll']);
    assert.deepEqual(found(path.join(root, 'styrelse')), [
      'styrelse/2024.protokoll',
      'styrelse/gammalt/2020.protokoll',
    ]);
    const rules = IgnoreRules.forFolder(path.join(root, 'styrelse'), root);
    assert.equal(rules.ignores(path.join(root, 'styrelse', 'gammalt'), true), true);
    assert.equal(rules.ignores(path.join(root, 'styrelse', '2024.protokoll')), false);
  });

  it('stops at the limit and says so', () => {
    const { files, truncated } = findMinutesFiles(root, { limit: 2 });
    assert.equal(files.length, 2);
    assert.equal(truncated, true);
  });
});
