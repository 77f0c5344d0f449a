import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
  readConfig,
  type RenderOptions,
} from '../../../server/src/language/index.js';
import { KEYWORDS } from '../../../server/src/language/syntax/keywords.js';
import { unclassifiedSpellings } from '../../../server/src/language/render/documentLanguage.js';

const service = createProtokollService();
let version = 0;
const render = (text: string, options: RenderOptions = {}) =>
  service.render(createTextDocument('file:///k.protokoll', text, ++version), options);

const KOMMUNAL = mergeConfig({
  kind: 'kommunal',
  archive: 'Kommunkansliet',
  requiredSignatures: ['Ordförande', 'Sekreterare', 'Justerare'],
});

const MINUTES = `# Kommunstyrelsen
Organ: Kommunstyrelsen
Datum: 2024-03-05
Tid: 13:00-16:10
Plats: Kommunhuset, Sammanträdesrummet

Beslutande:
- Anna Ek (S), ordförande
- Per Ek (M), 1:e vice ordförande
- Leif Blom (C)

Tjänstgörande ersättare:
- Lisa Berg (M), ersätter Johan Lind (M)

Övriga närvarande:
- Karin Lund, kommunsekreterare
- Olle Nord, ekonomichef, § 26–27

Utses att justera: Per Ek (M), Leif Blom (C)
Justeringens plats och tid: Kommunhuset, 2024-03-12 kl. 15.00
Paragrafer: 26–27

§ 26 Budget 2025 (Dnr 2024/22)
Beslutet skickas till:
- Ekonomiavdelningen
Yrkanden:
- Anna Ek (S): bifall.
- Per Ek (M): avslag.
Propositionsordning: Bifall mot avslag.
Omröstning:
Ja för bifall, nej för avslag.
Ja: Anna Ek (S), Leif Blom (C)
Nej: Per Ek (M), Lisa Berg (M)
Beslut: Ramarna fastställs.
Reservation: Per Ek (M) reserverar sig.
Protokollsanteckning: Leif Blom (C) lämnar en anteckning.

§ 27 Markanvisning (Dnr 2023/301)
Omröstning:
Ja: 3
Nej: 1
Beslut: Avtalet godkänns.
Justeras omedelbart.

Sekreterare: Karin Lund
Ordförande: Anna Ek
`;

function section(html: string, className: string): string {
  const m = new RegExp(`<(\\w+) class="${className}[^"]*"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  assert.ok(m, `no ${className}`);
  return m[2];
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

describe('renderer: the municipal layout (kind kommunal)', () => {
  it('puts on the first page everything a registrar files the minutes by', () => {
    const { html } = render(MINUTES, { config: KOMMUNAL });
    const front = text(section(html, 'front-facts'));
    assert.match(text(html), /Sammanträdesprotokoll\s*Kommunstyrelsen/);
    assert.match(html, /<dt>Sammanträdesdatum<\/dt><dd data-line="2">2024-03-05/);
    assert.match(front, /Plats och tidKommunhuset, Sammanträdesrummet, kl\. 13\.00–16\.10/);
    assert.match(
      front,
      /BeslutandeAnna Ek \(S\), ordförandePer Ek \(M\), 1:e vice ordförandeLeif Blom \(C\)Lisa Berg \(M\), tjg ersättare för Johan Lind \(M\)/,
    );
    assert.match(
      front,
      /Övriga närvarandeKarin Lund, kommunsekreterareOlle Nord, ekonomichef, § 26–27/,
    );
    assert.match(front, /Utses att justeraPer Ek \(M\), Leif Blom \(C\)/);
    assert.match(
      front,
      /Justeringens plats och tidKommunhuset, 2024-03-12 kl\. 15\.00Paragrafer 26–27/,
    );
    // Underskrifter: the appointed adjusters' names stand under their lines before anyone signs.
    assert.match(
      front,
      /UnderskrifterSekreterare\s*Karin LundOrdförande\s*Anna EkJusterande\s*Per Ek/,
    );
    // No separate signature block at the end, no v1 header or attendance tables.
    assert.doesNotMatch(html, /class="signatures"|class="attendance/);
  });

  it('sets a list of more than six people in two columns, as the PDF does', () => {
    const { html } = render(MINUTES, { config: KOMMUNAL });
    // Four Beslutande (with the serving substitute): one column.
    assert.ok(!html.includes('people columns'));
    const many = MINUTES.replace(
      '- Leif Blom (C)\n',
      '- Leif Blom (C)\n- Maja Dahl (S)\n- Omar Said (S)\n- Marie Ek (KD)\n',
    );
    const list = /<ul class="people columns">([\s\S]*?)<\/ul>/.exec(
      render(many, { config: KOMMUNAL }).html,
    );
    assert.ok(list, 'two columns');
    assert.equal((list[1].match(/<li[ >]/g) ?? []).length, 7);
  });

  it('always carries Anslag/Bevis: blank lines until Justerat and Anslaget are written', () => {
    const draft = render(MINUTES, { config: KOMMUNAL }).html;
    const box = section(draft, 'certificate certificate-municipal');
    assert.match(box, /Anslag\/Bevis/);
    assert.match(box, /<th scope="row">Organ<\/th><td>Kommunstyrelsen<\/td>/);
    assert.match(box, /<th scope="row">Sammanträdesdatum<\/th><td>2024-03-05<\/td>/);
    assert.match(box, /Datum då anslaget sätts upp<\/th><td><span class="blank"><\/span>/);
    assert.match(box, /Datum då anslaget tas ned<\/th><td><span class="blank"><\/span>/);
    assert.match(box, /Förvaringsplats för protokollet<\/th><td>Kommunkansliet<\/td>/);
    assert.match(box, /Underskrift/);
    // The box comes on the first page, before the first §.
    assert.ok(draft.indexOf('certificate-municipal') < draft.indexOf('class="item'));

    const adjusted = render(`${MINUTES}Justerat: 2024-03-12\nAnslaget: 2024-03-13\n`, {
      config: KOMMUNAL,
    }).html;
    const filled = section(adjusted, 'certificate certificate-municipal');
    assert.match(filled, /sätts upp<\/th><td>2024-03-13</);
    assert.match(filled, /tas ned<\/th><td>2024-04-04</);
    const noArchive = render(MINUTES, { config: mergeConfig({ kind: 'kommunal' }) }).html;
    assert.match(noArchive, /Förvaringsplats för protokollet<\/th><td><span class="blank">/);
  });

  it('lays out each § with Dnr, yrkanden, propositionsordning, a vote table, the decision, marks and the foot', () => {
    const { html } = render(MINUTES, { config: KOMMUNAL });
    const first = /<section class="item"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1];
    assert.match(
      first,
      /<span class="item-title">Budget 2025<\/span> <span class="case-number"[^>]*>Dnr 2024\/22<\/span>/,
    );
    assert.match(
      first,
      /<div class="labelled labelled-motions"[^>]*><p class="labelled-head"><span class="label">Yrkanden:<\/span><\/p><ul><li data-line="\d+">Anna Ek \(S\): bifall\.<\/li>/,
    );
    assert.match(
      first,
      /Propositionsordning:<\/span> <span class="labelled-text">Bifall mot avslag\./,
    );
    assert.match(first, /<table class="vote-table">/);
    assert.match(
      first,
      /<th scope="row">Ja<\/th><td class="vote-count">2<\/td><td class="vote-names">Anna Ek \(S\), Leif Blom \(C\)<\/td>/,
    );
    assert.match(first, /<span class="vote-meaning"[^>]*>Ja för bifall, nej för avslag\./);
    assert.match(first, /<div class="decision"/);
    assert.match(first, /labelled-reservation/);
    assert.match(first, /labelled-note/);
    // "Beslutet skickas till" is written first but printed at the foot of the item.
    assert.ok(first.lastIndexOf('labelled-sendTo') > first.indexOf('labelled-note'));
    const second = html.slice(html.indexOf('§ 27'));
    assert.match(second, /<span class="immediate"[^>]*>Justeras omedelbart<\/span>/);
    assert.match(second, /<th scope="row">Nej<\/th><td class="vote-count">1<\/td><\/tr>/);
    assert.doesNotMatch(second, /vote-names/);
  });

  it('gives every meaningful line a data-line in the municipal layout too', () => {
    const { html, lineMap } = render(MINUTES, { config: KOMMUNAL });
    const attributes = [...html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      lineMap,
      [...new Set(attributes)].sort((a, b) => a - b),
    );
    MINUTES.split('\n').forEach((line, n) => {
      if (line.trim() !== '')
        assert.ok(lineMap.includes(n), `line ${n} "${line}" has no data-line`);
    });
  });

  it('renders the förening example without Anslag/Bevis or appeal date', () => {
    const dir = path.resolve(__dirname, '../../../../examples/forening');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.protokoll'))!;
    const read = readConfig(JSON.parse(fs.readFileSync(path.join(dir, '.protokoll.json'), 'utf8')));
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    assert.match(text, /^Justerat: /m, 'the example is adjusted, so v1 would show the certificate');
    const { html } = render(text, { config: mergeConfig(read.config) });
    const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
    assert.match(body, /class="protokoll layout-forening"/);
    assert.doesNotMatch(body, /certificate|Anslag|överklagande/i);
  });

  it('renders the kommunstyrelse example with its configuration', () => {
    const dir = path.resolve(__dirname, '../../../../examples/kommunstyrelse');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.protokoll'))!;
    const read = readConfig(JSON.parse(fs.readFileSync(path.join(dir, '.protokoll.json'), 'utf8')));
    assert.deepEqual(read.problems, []);
    const config = mergeConfig(read.config);
    const { html } = render(fs.readFileSync(path.join(dir, file), 'utf8'), { config });
    assert.match(html, /class="protokoll layout-kommunal/);
    assert.match(html, /Anslag\/Bevis/);
    assert.match(html, /tjg ersättare för/);
  });

  it('uses English labels for municipal minutes written with English keywords', () => {
    const english = `# Municipal Executive Board
Body: Municipal Executive Board
Date: 2024-03-05
Voting members:
- Anna Ek (S), chair
Appointed to adjust: Per Ek (M)

§ 1 Budget
Vote:
Yes: 5
No: 2
Decision: Adopted.

Secretary: Karin Lund
Chair: Anna Ek
`;
    const { html } = render(english, { config: mergeConfig({ kind: 'kommunal', locale: 'sv' }) });
    for (const label of [
      'Meeting date',
      'Voting members',
      'Appointed to adjust',
      'Notice of adjustment',
      'Where the minutes are kept',
      '>Yes<',
    ]) {
      assert.ok(html.includes(label), `missing ${label}`);
    }
    assert.doesNotMatch(html, /Beslutande|Sammanträdesdatum|Förvaringsplats/);
  });
});

describe('renderer: associations and networks', () => {
  const ADJUSTED = `# Styrelsemöte
Datum: 2024-04-18

Närvarande:
- Anna Ek (ordförande)
- Per Berg (sekreterare)

§ 1 Budget
Beslut: Budgeten antas.

Ordförande: Anna Ek
Sekreterare: Per Berg
Justerat: 2024-04-25
Anslaget: 2024-04-26
`;

  it("förening: today's layout, no Anslag/Bevis and no appeal date", () => {
    const { html } = render(ADJUSTED, { config: mergeConfig({ kind: 'förening' }) });
    assert.match(html, /class="protokoll layout-forening"/);
    assert.match(html, /<header class="minutes-header">/);
    assert.doesNotMatch(html, /certificate|Anslag\/Bevis|överklagande|front-facts/);
  });

  it('nätverk: as before, the certificate once Justerat and Anslaget are written', () => {
    const { html } = render(ADJUSTED, { config: mergeConfig({ kind: 'nätverk' }) });
    assert.match(html, /<section class="certificate"/);
    assert.match(html, /Sista dag för överklagande/);
    assert.doesNotMatch(html, /front-facts|Förvaringsplats/);
  });
});

describe('the document language table', () => {
  it('knows the language of every keyword spelling', () => {
    assert.deepEqual(
      unclassifiedSpellings(),
      [],
      'add them to SYNONYM_LANGUAGE in documentLanguage.ts',
    );
    assert.ok(Object.keys(KEYWORDS).length > 0);
  });
});
