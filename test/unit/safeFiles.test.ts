// Bounded reads, atomic writes that never land on an input, and a folder walk that survives
// unreadable folders (issue 13), below the CLI.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectFiles, type WalkFileSystem } from '../../server/src/node/cli/files.js';
import { MAX_CONFIG_PROBLEMS, parseConfigText } from '../../server/src/node/configFiles.js';
import { freeExportPath } from '../../server/src/node/export/index.js';
import {
  inputAt,
  readRegularFile,
  WriteError,
  writeFileAtomically,
} from '../../server/src/node/safeFiles.js';

describe('safe files', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-safe-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('readRegularFile', () => {
    it('reads a file up to the limit and refuses one byte more', () => {
      const file = path.join(dir, 'f');
      fs.writeFileSync(file, 'abcd');
      assert.deepEqual(readRegularFile(file, 4), { bytes: Buffer.from('abcd') });
      const refused = readRegularFile(file, 3);
      assert.ok('error' in refused);
      assert.equal(refused.error.code, 'EFBIG');
      assert.match(refused.error.reason, /the file is 4 bytes, more than the 3 bytes allowed/);
    });

    it('refuses a folder and a device by what they are', function () {
      const folder = readRegularFile(dir, 10);
      assert.ok('error' in folder);
      assert.equal(folder.error.kind, 'directory');
      if (!fs.existsSync('/dev/zero')) this.skip();
      const device = readRegularFile('/dev/zero', 10);
      assert.ok('error' in device);
      assert.equal(device.error.kind, 'device');
    });
  });

  describe('writeFileAtomically', () => {
    it('replaces a file in one step, keeping its mode, and leaves no temporary file', () => {
      const file = path.join(dir, 'out.html');
      fs.writeFileSync(file, 'old');
      fs.chmodSync(file, 0o604);
      writeFileAtomically(file, 'new');
      assert.equal(fs.readFileSync(file, 'utf8'), 'new');
      assert.equal(fs.statSync(file).mode & 0o777, 0o604);
      assert.deepEqual(fs.readdirSync(dir), ['out.html']);
    });

    it('refuses an input under its own name, a symbolic link or a hard link', () => {
      const source = path.join(dir, 'm.protokoll');
      fs.writeFileSync(source, '# M\n');
      fs.symlinkSync(source, path.join(dir, 'soft.html'));
      fs.linkSync(source, path.join(dir, 'hard.html'));
      for (const target of [source, path.join(dir, 'soft.html'), path.join(dir, 'hard.html')]) {
        assert.equal(inputAt(target, [source]), source);
        assert.throws(
          () => writeFileAtomically(target, 'x', [source]),
          (e: unknown) => e instanceof WriteError && e.refused && e.code === 'ESOURCE',
        );
      }
      assert.equal(fs.readFileSync(source, 'utf8'), '# M\n');
      assert.equal(inputAt(path.join(dir, 'other.html'), [source]), undefined);
    });

    it('fails with the reason and removes its temporary file when the folder is missing', () => {
      assert.throws(
        () => writeFileAtomically(path.join(dir, 'missing', 'out.pdf'), 'x'),
        (e: unknown) => e instanceof WriteError && !e.refused && e.code === 'ENOENT',
      );
      assert.deepEqual(fs.readdirSync(dir), []);
    });
  });

  it('numbers an export that must not replace an existing file', () => {
    const taken = new Set(['/a/m (2).pdf']);
    assert.equal(
      freeExportPath('/a/m.pdf', (p) => taken.has(p)),
      '/a/m (3).pdf',
    );
    assert.equal(
      freeExportPath('/a/m.pdf', () => false),
      '/a/m (2).pdf',
    );
  });
});

describe('the folder walk', () => {
  it('reports a folder it cannot list (EACCES injected) and still returns every other file', () => {
    const real = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-walk-'));
    try {
      fs.mkdirSync(path.join(real, 'locked'));
      fs.mkdirSync(path.join(real, 'open'));
      fs.writeFileSync(path.join(real, 'a.protokoll'), '');
      fs.writeFileSync(path.join(real, 'locked', 'b.protokoll'), '');
      fs.writeFileSync(path.join(real, 'open', 'c.protokoll'), '');
      const failing: WalkFileSystem = {
        statSync: (p) => fs.statSync(p),
        readdirSync: (p, options) => {
          if (path.basename(p) === 'locked') {
            throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), {
              code: 'EACCES',
            });
          }
          return fs.readdirSync(p, options);
        },
      };
      const { files, errors } = collectFiles([real], { fileSystem: failing });
      assert.deepEqual(
        files.map((f) => path.relative(real, f)),
        ['a.protokoll', path.join('open', 'c.protokoll')],
      );
      assert.deepEqual(errors, [
        {
          path: path.join(real, 'locked'),
          reason: 'cannot list this folder: permission denied',
        },
      ]);
    } finally {
      fs.rmSync(real, { recursive: true, force: true });
    }
  });
});

describe('configuration text that is hostile', () => {
  it('refuses nesting beyond the limit at the first too-deep bracket', () => {
    const { config, problems } = parseConfigText('['.repeat(40) + ']'.repeat(40), 'c.json', {
      locale: 'en',
    });
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0].range.start, { line: 0, character: 32 });
    assert.match(problems[0].message, /nested deeper than 32 levels/);
  });

  it('reports the first problems and how many more, for syntax errors too', () => {
    const text = '{"a": [' + '@, '.repeat(500) + ']}';
    const { problems } = parseConfigText(text, 'c.json', { locale: 'en' });
    assert.equal(problems.length, MAX_CONFIG_PROBLEMS + 1);
    assert.match(problems[MAX_CONFIG_PROBLEMS].message, /^\d+ more problems in this configuration/);
  });
});
