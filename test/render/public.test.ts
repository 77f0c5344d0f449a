// `protokoll render --public` end to end, through the bundled CLI: HTML, JSON and PDF of minutes
// with a secret item and masked names contain none of the masked text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  KEPT_TEXTS,
  MASKED_TEXTS,
  SECRET_CONFIG,
  SECRET_MINUTES,
  survivors,
} from '../unit/render/secretFixture.js';
import { popplerTools, requireTools } from './tools.js';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');

describe('protokoll render --public (the bundled CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  let source: string;

  before(function () {
    if (!fs.existsSync(cli)) {
      if (process.env.PROTOKOLL_REQUIRE_TOOLS === '1')
        throw new Error(`${cli} missing: npm run build`);
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-public-'));
    source = path.join(dir, 'socialnamnden.protokoll');
    fs.writeFileSync(source, SECRET_MINUTES);
    fs.writeFileSync(
      path.join(dir, '.protokoll.json'),
      JSON.stringify({
        kind: SECRET_CONFIG.kind,
        archive: SECRET_CONFIG.archive,
        maskedNames: SECRET_CONFIG.maskedNames,
      }),
    );
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function render(args: string[]): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [cli, 'render', ...args, source], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  for (const format of ['html', 'json']) {
    it(`--format ${format} --public: no masked text; without --public all of it`, () => {
      const pub = render(['--format', format, '--public']);
      assert.equal(pub.code, 0, pub.stderr);
      assert.deepEqual(survivors(pub.stdout, MASKED_TEXTS), []);
      assert.ok(pub.stdout.includes('Remiss om hemtjänst'));
      if (format === 'html') {
        assert.deepEqual(
          KEPT_TEXTS.filter((t) => !pub.stdout.includes(t)),
          [],
        );
      }
      const full = render(['--format', format]);
      assert.equal(full.code, 0, full.stderr);
      assert.deepEqual(survivors(full.stdout, MASKED_TEXTS), MASKED_TEXTS);
    });
  }

  it('--format pdf --public writes name.offentlig.pdf with no masked text in it', function () {
    requireTools(this, popplerTools());
    const r = render(['--format', 'pdf', '--public']);
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(dir, 'socialnamnden.offentlig.pdf');
    assert.ok(fs.existsSync(file), r.stderr);
    assert.equal(fs.existsSync(path.join(dir, 'socialnamnden.pdf')), false);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
    assert.deepEqual(survivors(text, MASKED_TEXTS), []);
    assert.match(text.replace(/\s+/g, ' '), /Sekretessbelagd uppgift enligt OSL 26 kap\. 1 §/);
  });
});
