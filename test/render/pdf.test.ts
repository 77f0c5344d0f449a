import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { mergeConfig, readConfig, type ProtokollConfig } from '../../server/src/language/index.js';
import { PDF_LIMITS, runRender } from '../../server/src/node/export/index.js';
import { capCombiningMarks } from '../../server/src/node/export/pdfText.js';
import { popplerTools, requireTools } from './tools.js';
import {
  KEPT_TEXTS,
  MASKED_TEXTS,
  SECRET_CONFIG,
  SECRET_MINUTES,
  survivors,
} from '../unit/render/secretFixture.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

function example(folder: string): { text: string; config: Partial<ProtokollConfig> } {
  const dir = path.join(EXAMPLES, folder);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.protokoll'))!;
  const read = readConfig(JSON.parse(fs.readFileSync(path.join(dir, '.protokoll.json'), 'utf8')));
  assert.deepEqual(read.problems, []);
  return { text: fs.readFileSync(path.join(dir, file), 'utf8'), config: read.config };
}

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

/** The same minutes with English keywords: the labels follow the document's language. */
function englishMinutes(): string {
  const words: [RegExp, string][] = [
    [/^Datum:/gm, 'Date:'],
    [/^Tid:/gm, 'Time:'],
    [/^Plats:/gm, 'Place:'],
    [/^Närvarande:/gm, 'Present:'],
    [/^Beslut:/gm, 'Decision:'],
    [/^Åtgärd:/gm, 'Action:'],
    [/^Ordförande:/gm, 'Chair:'],
    [/^Sekreterare:/gm, 'Secretary:'],
    [/^Justerare:/gm, 'Adjuster:'],
  ];
  return words.reduce((text, [from, to]) => text.replace(from, to), longMinutes(false));
}

function pdfTool(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(pdfTool('pdfinfo', [file]))![1]);
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
}

/** How many times `operator` occurs in the (deflated) content streams of a PDF. */
function contentOperators(file: string, operator: RegExp): number {
  const bytes = fs.readFileSync(file);
  const text = bytes.toString('latin1');
  let count = 0;
  for (const m of text.matchAll(/(?<!end)stream\n/g)) {
    const start = m.index + m[0].length;
    const stream = bytes.subarray(start, text.indexOf('\nendstream', start));
    let content: string;
    try {
      content = zlib.inflateSync(stream).toString('latin1');
    } catch {
      continue; // not deflated: not a page's content
    }
    count += content.match(operator)?.length ?? 0;
  }
  return count;
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

  async function render(
    name: string,
    text: string,
    locale: 'sv' | 'en' = 'sv',
    config: Partial<ProtokollConfig> = {},
  ): Promise<string> {
    const source = path.join(dir, `${name}.protokoll`);
    fs.writeFileSync(source, text);
    const result = await runRender({
      format: 'pdf',
      path: source,
      text,
      config: mergeConfig({ locale, ...config }),
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

  it("uses English labels for minutes written in English, whatever the messages' locale", async () => {
    const file = await render('english', englishMinutes(), 'sv');
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

  describe('accessible PDF', () => {
    let file: string;
    before(async () => {
      file = await render('tagged', longMinutes(true));
    });

    it('is tagged PDF 1.7 with the title in the metadata and shown in the window title', () => {
      const info = pdfTool('pdfinfo', [file]);
      assert.match(info, /Tagged:\s+yes/);
      assert.match(info, /PDF version:\s+1\.7/);
      const meta = pdfTool('pdfinfo', ['-meta', file]);
      assert.match(
        meta,
        /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>Barn- och utbildningsnämnden 2024-03-12</,
      );
      assert.match(meta, /<pdfuaid:part>1<\/pdfuaid:part>/);
      const bytes = fs.readFileSync(file).toString('latin1');
      assert.match(bytes, /\/DisplayDocTitle true/);
      assert.match(bytes, /\/Lang \(sv-SE\)/);
    });

    it('has a structure tree: H1 title, a section with an H2 per §, lists, tables, links', () => {
      const tree = pdfTool('pdfinfo', ['-struct-text', file]);
      assert.match(tree, /^Document/m);
      assert.match(tree, /H1 \(block\)\s+"Barn- och utbildningsnämnden"/);
      assert.match(tree, /H2 \(block\)\s+"Närvarande"\s+Table/);
      for (let n = 1; n <= 14; n++) {
        const heading = new RegExp(
          `Sect\\s+H2 \\(block\\)\\s+"§ ?${n}"\\s+"Ärende ${n}: Översyn av förskolans lokaler\\s+Dnr 2024/${n}"`,
        );
        assert.match(tree, heading, `no H2 for § ${n} in the structure tree`);
      }
      assert.match(
        tree,
        /L \(block\)\s+LI \(block\)\s+Lbl \(block\)\s+"•"\s+LBody \(block\)\s+"Hjo: Ställer sig bakom förslaget i ärende 1\."/,
      );
      assert.match(tree, /Link \(inline\)\s+"https:\/\/skovde\.se\/underlag"\s+Object \d+/);
      assert.match(tree, /H2 \(block\)\s+"Anslag\/Bevis"/);
      assert.match(tree, /TD\s+"Sista dag för överklagande"\s+TD\s+"2024-04-08"/);
      // Page furniture is an artifact: "Sida N av M" and the initials box are not in the tree.
      assert.doesNotMatch(tree, /Sida \d+ av/);
      assert.doesNotMatch(tree, /Justerandes signatur/);
    });

    it('has one bookmark per §, in order', () => {
      const xml = pdfTool('pdftohtml', ['-xml', '-stdout', '-q', '-i', '-f', '1', '-l', '1', file]);
      const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
      assert.deepEqual(
        outline,
        Array.from(
          { length: 14 },
          (_, i) => `§ ${i + 1} Ärende ${i + 1}: Översyn av förskolans lokaler`,
        ),
      );
    });

    it('keeps the text in reading order', () => {
      const text = pdfText(file).replace(/\s+/g, ' ');
      let at = text.indexOf('Närvarande');
      assert.ok(at > text.indexOf('Barn- och utbildningsnämnden'), 'attendance before the title');
      for (let n = 1; n <= 14; n++) {
        const heading = text.indexOf(`§ ${n} Ärende ${n}:`, at);
        const decision = text.indexOf(
          `Beslut: Nämnden godkänner översynen i ärende ${n}.`,
          heading,
        );
        assert.ok(heading > at && decision > heading, `§ ${n} out of order`);
        at = decision;
      }
      assert.ok(text.indexOf('Vid protokollet', at) > at, 'signatures before the last §');
      assert.ok(text.indexOf('Anslag/Bevis', at) > text.indexOf('Vid protokollet', at));
    });

    it('is in English (lang en) when the minutes are', async () => {
      const english = await render('lang-en', englishMinutes(), 'sv');
      assert.match(fs.readFileSync(english).toString('latin1'), /\/Lang \(en\)/);
    });
  });

  describe('municipal layout (kind kommunal)', () => {
    let file: string;
    before(async () => {
      const { text, config } = example('kommunstyrelse');
      file = await render('kommunstyrelse', text, 'sv', { ...config, archive: 'Kommunkansliet' });
    });

    it('has the first page a registrar files: facts, signatures, Anslag/Bevis, Sida 1 (N)', () => {
      const first = pdfText(file, 1).replace(/\s+/g, ' ');
      const pages = pageCount(file);
      for (const expected of [
        'SAMMANTRÄDESPROTOKOLL',
        'Kommunstyrelsen',
        'Sammanträdesdatum 2024-03-05',
        `Sida 1 (${pages})`,
        'Plats och tid Kommunhuset, Sammanträdesrummet, kl. 13.00–16.10',
        'Beslutande Anna Ek (S), ordförande',
        'tjg ersättare för',
        'Övriga närvarande Karin Lund, kommunsekreterare',
        'Olle Nord, ekonomichef, § 26–28',
        'Utses att justera Per Ek (M), Leif Blom (C)',
        'Paragrafer 26–31',
        'Underskrifter',
        'Sekreterare',
        'Karin Lund',
        'Justerande',
        'Anslag/Bevis',
        'Förvaringsplats för',
        'Kommunkansliet',
        'Datum då anslaget tas ned 2024-04-04',
      ]) {
        assert.ok(first.includes(expected), `"${expected}" missing on page 1: ${first}`);
      }
      // The items begin on page 2.
      assert.doesNotMatch(first, /§ 26 Val av justerare/);
      assert.match(pdfText(file, 2).replace(/\s+/g, ' '), /§ 26 Val av justerare/);
      assert.doesNotMatch(pdfText(file).replace(/\s+/g, ' '), /Sida \d+ av/);
    });

    it('tags the first page and the new blocks: table headers, vote table, lists', () => {
      const tree = pdfTool('pdfinfo', ['-struct-text', file]);
      assert.match(tree, /H1 \(block\)\s+"Kommunstyrelsen"/);
      assert.match(tree, /TR\s+TH\s+"Beslutande"\s+TD\s+"Anna Ek \(S\), ordförande/);
      assert.match(tree, /TH\s+"Underskrifter"/);
      assert.match(tree, /TH\s+"Ja"\s+TD\s+"5"\s+TD\s+"Anna Ek \(S\), Maja Dahl \(S\)/);
      assert.match(tree, /P \(block\)\s+"Yrkanden: "\s+L \(block\)\s+LI/);
      assert.match(
        tree,
        /H2 \(block\)\s+"§ ?30"\s+"Markanvisning Norra industriområdet\s+Justeras omedelbart"\s+"Dnr 2023\/301"/,
      );
      assert.doesNotMatch(tree, /Sida \d+ \(\d+\)/, 'page numbers are artifacts');
    });

    it('renders the förening example without Anslag/Bevis or an appeal date', async () => {
      const { text, config } = example('forening');
      const forening = await render('forening', text, 'sv', config);
      const all = pdfText(forening).replace(/\s+/g, ' ');
      assert.doesNotMatch(all, /Anslag|överklagande|Förvaringsplats/i);
      assert.match(all, /Sida 1 av/);
    });
  });

  describe('public version', () => {
    it('keeps no masked text anywhere in the PDF text or metadata', async () => {
      const source = path.join(dir, 'Greta Åkesson.protokoll');
      fs.writeFileSync(source, SECRET_MINUTES);
      const result = await runRender({
        format: 'pdf',
        path: source,
        text: SECRET_MINUTES,
        config: SECRET_CONFIG,
        public: true,
      });
      assert.equal(result.exitCode, 0, result.message);
      assert.equal(result.outputFile, path.join(dir, '[namn maskerat].offentlig.pdf'));
      const file = result.outputFile!;
      const text = pdfText(file);
      assert.deepEqual(survivors(text, MASKED_TEXTS), []);
      const flat = text.replace(/\s+/g, ' ');
      assert.deepEqual(
        KEPT_TEXTS.filter((t) => !flat.includes(t)),
        [],
      );
      assert.match(flat, /Sekretessbelagd uppgift enligt OSL 26 kap\. 1 §/);
      const meta = pdfTool('pdfinfo', ['-meta', file]) + pdfTool('pdfinfo', [file]);
      assert.deepEqual(survivors(meta, MASKED_TEXTS), []);
      const structure = pdfTool('pdfinfo', ['-struct-text', file]);
      assert.deepEqual(survivors(structure, MASKED_TEXTS), []);
      // The bookmarks (outline) too.
      const xml = pdfTool('pdftohtml', ['-xml', '-stdout', '-q', '-i', file]);
      assert.deepEqual(survivors(xml, MASKED_TEXTS), []);
    });
  });

  describe('hostile text', () => {
    const head = '# Hostile\nDatum: 2024-03-12\n\n';

    it('breaks a 200 KB word to the column width', async () => {
      const file = await render('word', `${head}§ 1 Ord\n${'x'.repeat(200 * 1024)}\nSlut.\n`);
      const pages = pageCount(file);
      assert.ok(pages >= 20 && pages <= 200, `${pages} pages`);
      const lines = pdfText(file, 2)
        .split('\n')
        .filter((l) => /^\s*x+\s*$/.test(l));
      assert.ok(lines.length > 30, 'page 2 is not full of the word');
      // Every line is cut at the column: about as long as the others, never past the margin.
      const widths = lines.map((l) => l.trim().length);
      assert.ok(Math.max(...widths) - Math.min(...widths) <= 2, `uneven lines ${widths}`);
      assert.ok(pdfText(file).includes('Slut.'));
    });

    it('wraps a 200 KB § title and bookmarks it shortened', async () => {
      const title = 'Titel'.repeat(40 * 1024);
      const file = await render('title', `${head}§ 1 ${title}\nText efter rubriken.\n`);
      const pages = pageCount(file);
      assert.ok(pages >= 20 && pages <= 200, `${pages} pages`);
      assert.ok(pdfText(file).includes('Text efter rubriken.'));
      const xml = pdfTool('pdftohtml', ['-xml', '-stdout', '-q', '-i', '-f', '1', '-l', '1', file]);
      const bookmark = /<item page="1">([^<]*)<\/item>/.exec(xml)![1];
      assert.ok(bookmark.startsWith('§ 1 TitelTitel') && bookmark.endsWith('…'), bookmark);
      assert.ok(bookmark.length <= 200);
    });

    it('lays out 100 KB of combining marks, keeping every mark', async () => {
      const marks = 50 * 1024; // U+0301 is two bytes in UTF-8
      const file = await render('marks', `${head}§ 1 Tecken\na${'\u0301'.repeat(marks)} slut\n`);
      const pages = pageCount(file);
      assert.ok(pages >= 1 && pages <= 20, `${pages} pages`);
      const text = pdfText(file);
      // Runs of more than 30 marks continue on U+25CC DOTTED CIRCLE, every mark kept (poppler
      // drops glyphs drawn on top of each other, so the marks themselves cannot be counted).
      const circles = [...text.matchAll(/\u25cc/g)].length;
      assert.equal(circles, Math.ceil(marks / 30) - 1);
      assert.ok(/a\u0301/.test(text));
      assert.ok(text.includes('slut'));
    });

    it('caps combining-mark runs without losing a mark', () => {
      const text = `e${'\u0301'.repeat(95)}x\u0308`;
      const capped = capCombiningMarks(text);
      assert.equal(capped.replace(/\u25cc/g, ''), text);
      assert.deepEqual(
        capped.split('\u25cc').map((part) => part.length),
        [31, 30, 30, 7],
      );
    });

    // Issue 12: every footer drew a box per adjuster, and a municipal first page put each signer
    // past the first page on a page of its own (quadratic: minutes and gigabytes at 64 KB).
    for (const kind of ['nätverk', 'kommunal'] as const) {
      it(`lays out 600 signers on as many pages as they fill (${kind})`, async () => {
        const lines = Array.from(
          { length: 200 },
          (_, i) => `Justerare: Anna Ö${i}, Per Ö${i} och Eva Ö${i}`,
        );
        const text = `${head}§ 1 Ärende\nText.\n\n${lines.join('\n')}\nJusterat: 2024-03-15\n`;
        const file = await render(`signatures-${kind}`, text, 'sv', { kind });
        const pages = pageCount(file);
        // 58 points a signer in one column, 24 in the municipal table: tens of pages, not 600.
        const [least, most] = kind === 'kommunal' ? [20, 40] : [50, 80];
        assert.ok(pages >= least && pages <= most, `${pages} pages`);
        // A page's text is its own: no page holds more signers than fit on it.
        const perPage = kind === 'kommunal' ? 30 : 12;
        const seen = new Set<string>();
        const all = pdfText(file);
        // pdftotext ends every page with a form feed.
        all.split('\f').forEach((page, i) => {
          const names = [...page.matchAll(/(?:Anna|Per|Eva) Ö\d+\b/g)].map((m) => m[0]);
          assert.ok(names.length <= perPage, `page ${i + 1}: ${names.length} signers`);
          for (const name of names) seen.add(name);
        });
        assert.equal(seen.size, 600);
        assert.ok(all.includes('2024-03-15'));
        // The footer of every page has a row of boxes for initials, not 600.
        const rectangles = contentOperators(file, /\bre$/gm);
        assert.ok(rectangles <= pages * 12, `${rectangles} rectangles on ${pages} pages`);
      });
    }

    it('sets a large council\'s Beslutande in two full columns, going on under "Beslutande (forts.)"', async () => {
      const parties = ['S', 'M', 'SD', 'C', 'V', 'KD', 'L', 'MP'];
      const members = Array.from(
        { length: 101 },
        (_, i) => `- Ledamot Nummer${i + 1} (${parties[i % parties.length]})`,
      );
      const text = `# Kommunfullmäktige\nDatum: 2024-03-12\n\nBeslutande:\n${members.join('\n')}\n\nFrånvarande:\n- Anna Ek (S)\n\n§ 1 Ärende\nText.\n`;
      const file = await render('council', text, 'sv', { kind: 'kommunal', seats: 101 });
      const names = (page: string) => [...page.matchAll(/Nummer(\d+)\b/g)].map((m) => Number(m[1]));
      const [first, second] = pdfText(file).split('\f');
      // Both columns of the first page filled (they used to run over its foot), the rest after.
      assert.ok(names(first).length >= 60, `${names(first).length} on page 1`);
      assert.match(second, /Beslutande \(forts\.\)/);
      assert.deepEqual(
        [...names(first), ...names(second)].sort((a, b) => a - b),
        Array.from({ length: 101 }, (_, i) => i + 1),
      );
      assert.match(second, /Frånvarande\s+Anna Ek \(S\)/);
    });

    it('refuses a document beyond the limit with one clear line', async () => {
      const source = path.join(dir, 'huge.protokoll');
      const text = `${head}${'Text.\n'.repeat(PDF_LIMITS.lines)}`;
      const result = await runRender({
        format: 'pdf',
        path: source,
        text,
        config: mergeConfig({}),
      });
      assert.equal(result.exitCode, 2);
      assert.equal(result.outputFile, undefined);
      assert.match(
        result.message!,
        /^.*huge\.protokoll: too large for a PDF: [\d,]+ lines \(the limit is 50,000\); split the minutes/,
      );
      assert.ok(!result.message!.includes('\n'));
      assert.ok(!fs.existsSync(path.join(dir, 'huge.pdf')));
    });
  });
});
