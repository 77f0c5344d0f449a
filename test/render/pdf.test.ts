import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeConfig } from '../../server/src/language/index.js';
import { runRender } from '../../server/src/node/export/index.js';
import { popplerTools, requireTools } from './tools.js';

/** Minutes long enough for three pages, with å/ä/ö everywhere. */
function longMinutes(adjusted: boolean): string {
  const lines = [
    '# Barn- och utbildningsnämnden',
    'Datum: 2024-03-12',
    'Tid: 18:00-20:30',
    'Plats: Sammanträdesrummet Älgen, Skövde',
    '',
    'Närvarande:',
    '- Åsa Öberg, Skövde (ordförande)',
    '- Per Äng, Skövde (sekreterare)',
    '- Eva Lund, Hjo (justerare)',
    '',
  ];
  for (let n = 1; n <= 14; n++) {
    lines.push(`§ ${n} Ärende ${n}: Översyn av förskolans lokaler (Dnr 2024/${n})`);
    lines.push(
      'Förvaltningen redovisar *underlaget* och **kostnaderna** för år 2025, se https://skovde.se/underlag.',
    );
    lines.push('Ledamöterna diskuterar följderna för barnen och personalen i de berörda områdena.');
    lines.push(`- Hjo: Ställer sig bakom förslaget i ärende ${n}.`);
    lines.push(`Beslut: Nämnden godkänner översynen i ärende ${n}.`);
    lines.push(
      `Åtgärd: Återrapportera till nämnden. @Per Äng, 2024-04-${String(n + 10).padStart(2, '0')}`,
    );
    lines.push('');
  }
  lines.push('Ordförande: Åsa Öberg', 'Sekreterare: Per Äng', 'Justerare: Eva Lund');
  if (adjusted) lines.push('Justerat: 2024-03-15', 'Anslaget: 2024-03-18');
  return lines.join('\n') + '\n';
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
}

describe('PDF export checked with poppler', function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    requireTools(this, popplerTools());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-pdf-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function render(name: string, text: string, locale: 'sv' | 'en' = 'sv'): Promise<string> {
    const source = path.join(dir, `${name}.protokoll`);
    fs.writeFileSync(source, text);
    const result = await runRender({
      format: 'pdf',
      path: source,
      text,
      config: mergeConfig({ locale }),
    });
    assert.equal(result.exitCode, 0, result.message);
    assert.equal(result.outputFile, path.join(dir, `${name}.pdf`));
    return result.outputFile!;
  }

  it('contains every § title, the signature lines and the certificate', async () => {
    const file = await render('adjusted', longMinutes(true));
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (let n = 1; n <= 14; n++) {
      assert.ok(
        text.includes(`§ ${n} Ärende ${n}: Översyn av förskolans lokaler`),
        `§ ${n} title missing`,
      );
    }
    for (const expected of [
      'Vid protokollet',
      'Justeras',
      'Åsa Öberg',
      'Ordförande',
      'Per Äng',
      'Sekreterare',
      'Eva Lund',
      'Justerare',
      'Justerat 2024-03-15',
      'Närvarande',
      'Beslut: Nämnden godkänner',
      'Åtgärd: Återrapportera',
      'Anslag/Bevis',
      'Sista dag för överklagande 2024-04-08',
      'Datum då anslaget tas ned 2024-04-09',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" missing`);
    }
    assert.ok(!text.includes('OJUSTERAT'));
  });

  it('numbers the pages "Sida N av M" and repeats title, date and the initials box on every page', async () => {
    const file = await render('pages', longMinutes(false));
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1],
    );
    assert.ok(pages >= 2, `expected several pages, got ${pages}`);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, page);
      assert.ok(
        text.includes(`Sida ${page} av ${pages}`),
        `page ${page} has no "Sida ${page} av ${pages}"`,
      );
      assert.ok(text.includes('Justerandes signatur'), `page ${page} has no initials box`);
      assert.ok(
        text.includes('Barn- och utbildningsnämnden'),
        `page ${page} has no title in its header`,
      );
      assert.ok(text.includes('2024-03-12'), `page ${page} has no date in its header`);
      assert.ok(text.includes('OJUSTERAT'), `page ${page} is not marked OJUSTERAT`);
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    assert.match(info, /Title:\s+Barn- och utbildningsnämnden 2024-03-12/);
  });

  it('embeds every font it uses', async () => {
    const file = await render('fonts', longMinutes(false));
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.ok(rows.length >= 3, `expected regular, bold and italic faces, got ${rows.length}`);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: emb is the fifth column from the end.
      assert.equal(columns[columns.length - 5], 'yes', `font not embedded: ${row}`);
      assert.match(columns[0], /DejaVuSerif/);
    }
  });

  it('uses English labels for locale en', async () => {
    const file = await render('english', longMinutes(false), 'en');
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Page 1 of',
      "Adjusters' initials",
      'Recorded by',
      'Present',
      'NOT ADJUSTED',
    ]) {
      assert.ok(text.includes(expected), `"${expected}" missing`);
    }
  });
});
