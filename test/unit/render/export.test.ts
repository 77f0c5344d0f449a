import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeConfig } from '../../../server/src/language/index.js';
import { exportPath, runRender } from '../../../server/src/node/export/index.js';

const TEXT = '# Nämnden\nDatum: 2024-03-12\n\n§ 1 Öppnande\nMötet öppnas.\n\nOrdförande: Anna Ek\n';

describe('protokoll render (runRender)', () => {
  let dir: string;
  let source: string;
  const config = mergeConfig({});

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-render-'));
    source = path.join(dir, 'möte.protokoll');
    fs.writeFileSync(source, TEXT);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends HTML and JSON to standard output when no -o is given', async () => {
    const html = await runRender({ format: 'html', path: source, text: TEXT, config });
    assert.equal(html.exitCode, 0);
    assert.match(html.stdout!.toString('utf8'), /^<!DOCTYPE html>[\s\S]*Öppnande/);
    const json = await runRender({ format: 'json', path: source, text: TEXT, config });
    const parsed = JSON.parse(json.stdout!.toString('utf8'));
    assert.equal(parsed.format, 'protokoll-ast');
    assert.equal(
      parsed.source.uri,
      `file://${source.split(path.sep).map(encodeURIComponent).join('/')}`,
    );
  });

  it('writes a PDF beside the source by default and says where', async () => {
    const result = await runRender({ format: 'pdf', path: source, text: TEXT, config });
    assert.equal(result.exitCode, 0, result.message);
    assert.equal(result.outputFile, path.join(dir, 'möte.pdf'));
    assert.equal(fs.readFileSync(result.outputFile!).subarray(0, 5).toString(), '%PDF-');
    assert.match(result.message!, /^wrote .*möte\.pdf \(\d+ bytes\)$/);
  });

  it('writes to the -o file, or to standard output for -o -', async () => {
    const file = path.join(dir, 'ut.html');
    const written = await runRender({
      format: 'html',
      output: file,
      path: source,
      text: TEXT,
      config,
    });
    assert.equal(written.exitCode, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /<title>Nämnden 2024-03-12<\/title>/);
    const piped = await runRender({ format: 'pdf', output: '-', path: source, text: TEXT, config });
    assert.equal(piped.stdout!.subarray(0, 5).toString(), '%PDF-');
  });

  it('refuses to overwrite the source and explains an unwritable output', async () => {
    const same = await runRender({
      format: 'html',
      output: source,
      path: source,
      text: TEXT,
      config,
    });
    assert.equal(same.exitCode, 2);
    assert.match(same.message!, /refusing to overwrite the source/);
    assert.equal(fs.readFileSync(source, 'utf8'), TEXT);
    const missing = path.join(dir, 'finns-inte', 'ut.pdf');
    const failed = await runRender({
      format: 'pdf',
      output: missing,
      path: source,
      text: TEXT,
      config,
    });
    assert.equal(failed.exitCode, 2);
    assert.match(
      failed.message!,
      /cannot write the PDF file \(ENOENT\); check that the folder exists/,
    );
  });

  it('explains missing PDF fonts instead of throwing', async () => {
    const result = await runRender({
      format: 'pdf',
      path: source,
      text: TEXT,
      config,
      fontDirectory: dir,
    });
    assert.equal(result.exitCode, 2);
    assert.match(result.message!, /möte\.protokoll: rendering failed: ENOENT/);
  });

  it('names export files after the source', () => {
    assert.equal(exportPath('/a/b/möte.protokoll', 'pdf'), '/a/b/möte.pdf');
    assert.equal(exportPath('/a/b/möte.protokoll', 'html'), '/a/b/möte.html');
  });
});
