import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
  type RenderOptions,
} from '../../../server/src/language/index.js';

const service = createProtokollService();
let version = 0;

function render(text: string, options: RenderOptions = {}) {
  return service.render(createTextDocument('file:///m.protokoll', text, ++version), options);
}

/** The text content of the element carrying `selector`-like class, tags stripped. */
function textOf(html: string, className: string): string[] {
  const out: string[] = [];
  const re = new RegExp(
    `<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`,
    'g',
  );
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) out.push(m[2].replace(/<[^>]+>/g, '').trim());
  return out;
}

const MINUTES = `// a comment that is never rendered
# Kultur- och fritidsnämnden
Datum: 2024-03-12
Tid: 18:00-20:30
Plats: Stadshuset, Skövde

Närvarande:
- Anna Ek, Skövde (ordförande)
- Per Berg, Skövde (sekreterare)
- Eva Lund, Hjo (justerare)

Frånvarande:
- Tibro
- Olle Holm, Skara

§ 12 Val av justerare
Eva Lund

§ 13 Budget 2025 (Dnr 2024/117)
Förvaltningen redovisar *förslaget*
i två delar.

Se **bilaga 1** på https://skovde.se/budget.
- Hjo: Stödjer förslaget.
- En punkt utan organisation
Beslut: Nämnden antar budgeten.
Åtgärd: Skicka beslutet till KS. @Per Berg, 2024-03-20
Nästa möte: 2024-04-09, Stadshuset

Ordförande: Anna Ek
Sekreterare: Per Berg
Justerare: Eva Lund
`;

describe('renderer: HTML of the minutes', () => {
  it('renders the header block with title, date, and time and place together', () => {
    const { html, title } = render(MINUTES);
    assert.equal(title, 'Kultur- och fritidsnämnden');
    assert.match(html, /<h1 class="minutes-title" data-line="1">Kultur- och fritidsnämnden<\/h1>/);
    assert.match(html, /<dt>Datum<\/dt><dd>2024-03-12<\/dd>/);
    assert.match(
      html,
      /<dt>Tid och plats<\/dt><dd><span data-line="3">kl\. 18\.00–20\.30<\/span>, <span data-line="4">Stadshuset, Skövde<\/span><\/dd>/,
    );
    assert.doesNotMatch(html, /a comment that is never rendered/);
  });

  it('lists the present with organisation and role, and the absent', () => {
    const { html } = render(MINUTES);
    assert.match(
      html,
      /<tr data-line="7"><td class="name">Anna Ek<\/td><td class="organisation">Skövde<\/td><td class="role">ordförande<\/td><\/tr>/,
    );
    assert.match(html, /<h2 data-line="11">Frånvarande<\/h2>/);
    assert.match(html, /<td class="organisation" colspan="2">Tibro<\/td>/);
    assert.match(html, /<td class="name">Olle Holm<\/td><td class="organisation">Skara<\/td>/);
  });

  it('renders each § with number, title and case number', () => {
    const { html } = render(MINUTES);
    assert.deepEqual(textOf(html, 'item-number'), ['§ 12', '§ 13']);
    assert.deepEqual(textOf(html, 'item-title'), ['Val av justerare', 'Budget 2025']);
    assert.deepEqual(textOf(html, 'case-number'), ['Dnr 2024/117']);
  });

  it('joins adjacent text lines into one paragraph and keeps each line addressable', () => {
    const { html } = render(MINUTES);
    assert.match(
      html,
      /<p data-line="19"><span class="line" data-line="19">Förvaltningen redovisar <em>förslaget<\/em><\/span>\n<span class="line" data-line="20">i två delar\.<\/span><\/p>/,
    );
    assert.match(
      html,
      /<strong>bilaga 1<\/strong> på <a href="https:\/\/skovde\.se\/budget" rel="noopener noreferrer">https:\/\/skovde\.se\/budget<\/a>\./,
    );
  });

  it('renders bullets as a list with the round-table organisation set apart', () => {
    const { html } = render(MINUTES);
    assert.match(
      html,
      /<ul><li data-line="23"><span class="round-table-organisation">Hjo:<\/span> Stödjer förslaget\.<\/li>\n<li data-line="24">En punkt utan organisation<\/li><\/ul>/,
    );
  });

  it('sets decisions apart and shows actions with owner and due date', () => {
    const { html } = render(MINUTES);
    assert.match(
      html,
      /<div class="decision" data-line="25"><span class="label">Beslut<\/span> <span class="decision-text">Nämnden antar budgeten\.<\/span><\/div>/,
    );
    assert.match(
      html,
      /<div class="action" data-line="26"><span class="label">Åtgärd<\/span> <span class="action-text">Skicka beslutet till KS\.<\/span> <span class="action-meta"><span class="action-owner"><span class="meta-label">Ansvarig:<\/span> Per Berg<\/span> <span class="action-due"><span class="meta-label">Klart senast:<\/span> 2024-03-20<\/span><\/span><\/div>/,
    );
    assert.deepEqual(textOf(html, 'next-meeting'), ['Nästa möte: 2024-04-09, Stadshuset']);
  });

  it('puts the secretary under "Vid protokollet" and chair and adjusters under "Justeras"', () => {
    const { html } = render(MINUTES);
    const recorder = /<div class="signature-group signature-recorder">(.*?)<\/div>\n/.exec(
      html,
    )![1];
    const adjusters = /<div class="signature-group signature-adjusters">(.*?)<\/div>\n/.exec(
      html,
    )![1];
    assert.match(recorder, /<h3>Vid protokollet<\/h3>.*Per Berg.*Sekreterare/);
    assert.match(adjusters, /<h3>Justeras<\/h3>.*Anna Ek.*Ordförande.*Eva Lund.*Justerare/);
    assert.equal((html.match(/class="signature-line"/g) ?? []).length, 3);
  });

  it('leaves a blank line to sign for a required signer nobody named', () => {
    const { html } = render('# N\nDatum: 2024-01-01\n\n§ 1 A\nText\n\nOrdförande: Anna Ek\n');
    assert.match(html, /<p class="signer-name">&nbsp;<\/p><p class="signer-role">Sekreterare<\/p>/);
    assert.match(html, /<p class="signer-name">&nbsp;<\/p><p class="signer-role">Justerare<\/p>/);
    const noAdjuster = render('# N\nDatum: 2024-01-01\n\n§ 1 A\n\nOrdförande: Anna Ek\n', {
      config: mergeConfig({ requiredSignatures: ['Ordförande', 'Sekreterare'] }),
    });
    assert.doesNotMatch(noAdjuster.html, /Justerare/);
  });

  it('marks the minutes OJUSTERAT until a Justerat line exists', () => {
    const draft = render(MINUTES);
    assert.match(
      draft.html,
      /<p class="ojusterat" role="note" title="Protokollet är ännu inte justerat\.">OJUSTERAT<\/p>/,
    );
    assert.match(draft.html, /class="protokoll layout-natverk is-ojusterat"/);
    const adjusted = render(`${MINUTES}Justerat: 2024-03-15\n`);
    assert.doesNotMatch(adjusted.html, /ojusterat/i);
  });

  it('adds the posting certificate with the appeal dates when Justerat and Anslaget are given', () => {
    const { html } = render(`${MINUTES}Justerat: 2024-03-15\nAnslaget: 2024-03-18\n`);
    const certificate = /<section class="certificate" data-line="33">([\s\S]*?)<\/section>/.exec(
      html,
    )![1];
    const rows = [...certificate.matchAll(/<th scope="row">(.*?)<\/th><td>(.*?)<\/td>/g)].map(
      (m) => [m[1], m[2]],
    );
    assert.deepEqual(rows, [
      ['Organ', 'Kultur- och fritidsnämnden'],
      ['Sammanträdesdatum', '2024-03-12'],
      ['Datum då anslaget sätts upp', '2024-03-18'],
      ['Datum då anslaget tas ned', '2024-04-09'],
      ['Sista dag för överklagande', '2024-04-08'],
    ]);
    assert.match(certificate, /<h2>Anslag\/Bevis<\/h2>/);
  });

  it('leaves the certificate dates blank to fill in by hand when only Justerat is given', () => {
    const { html } = render(`${MINUTES}Justerat: 2024-03-15\n`);
    const certificate = /<section class="certificate"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1];
    assert.equal((certificate.match(/<span class="blank"><\/span>/g) ?? []).length, 3);
    assert.doesNotMatch(render(MINUTES).html, /certificate/);
  });

  it('uses English labels for locale en', () => {
    const { html } = render(`${MINUTES}Justerat: 2024-03-15\nAnslaget: 2024-03-18\n`, {
      locale: 'en',
    });
    for (const label of [
      'Minutes',
      'Time and place',
      'Present',
      'Absent',
      'Decision',
      'Action',
      'Owner:',
      'Recorded by',
      'Adjusted by',
      'Last day of appeal',
    ]) {
      assert.ok(html.includes(label), `missing English label ${label}`);
    }
    assert.match(html, /<td class="role">chair<\/td>/);
    assert.match(render(MINUTES, { locale: 'en' }).html, />NOT ADJUSTED</);
    assert.doesNotMatch(html, /Närvarande|Vid protokollet|Beslut</);
  });

  it("takes the label language from the document, not from the messages' locale", () => {
    // Swedish keywords: Swedish labels, even with English messages configured.
    const swedish = render(MINUTES, { config: mergeConfig({ locale: 'en' }) }).html;
    assert.match(swedish, /<h2 data-line="6">Närvarande<\/h2>/);
    assert.match(swedish, />OJUSTERAT</);
    assert.doesNotMatch(swedish, /NOT ADJUSTED|Minutes/);
    // English keywords: English labels, even with Swedish messages.
    const english = render(
      '# Board\nDate: 2024-03-12\n\nPresent:\n- Anna Ek, Hjo (chair)\n\n§ 1 Budget\nDecision: Adopted.\n\nChair: Anna Ek\n',
      { config: mergeConfig({ locale: 'sv' }) },
    ).html;
    assert.match(english, /<h2 data-line="3">Present<\/h2>/);
    assert.match(english, />NOT ADJUSTED</);
    assert.match(english, /Recorded by/);
    // Nothing to go by (no keywords yet): the configured language.
    assert.match(
      render('# Nytt protokoll\n', { config: mergeConfig({ locale: 'en' }) }).html,
      /Minutes/,
    );
  });

  it('gives every block a data-line and reports exactly those lines in the line map', () => {
    const { html, lineMap } = render(MINUTES);
    const attributes = [...html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      lineMap,
      [...new Set(attributes)].sort((a, b) => a - b),
    );
    const sourceLines = MINUTES.split('\n');
    const meaningful = sourceLines
      .map((text, line) => ({ text, line }))
      .filter(({ text }) => text.trim() !== '' && !text.startsWith('//'));
    for (const { line, text } of meaningful) {
      assert.ok(lineMap.includes(line), `line ${line} "${text}" has no data-line`);
    }
  });

  it('shows the diagnostics of a line beside it only when asked', () => {
    const text = MINUTES.replace(
      '- Eva Lund, Hjo (justerare)',
      '- Eva Lund, Tidaholm kommun (justerare)',
    );
    const withDiagnostics = render(text, { showDiagnostics: true });
    assert.match(
      withDiagnostics.html,
      /<tr data-line="9">.*<span class="diagnostics"><span class="diagnostic diagnostic-warning" data-code="municipality\/form">[^<]*Tidaholms kommun[^<]*<\/span><\/span><\/td><\/tr>/,
    );
    assert.doesNotMatch(render(text).html, /class="diagnostics"/);
  });

  it('shows a diagnostic of a line that is not rendered beside the nearest line above', () => {
    const text =
      '# N\nDatum: 2024-01-01\n\n§ 1 A\nText\n\nOrdförande: Anna Ek\nSekreterare: Per Berg\nJusterare: Eva Lund\nnågot som inte är en underskrift\n';
    const { html } = render(text, { showDiagnostics: true });
    assert.match(html, /data-line="8".*data-code="syntax"/);
  });

  it('renders an empty or broken document without throwing', () => {
    for (const text of [
      '',
      '\n\n',
      '§',
      '# ',
      'Beslut:',
      '- x',
      '§ 1\n§\nÅtgärd: @\nNästa möte:\nJusterat:\nAnslaget: igår',
    ]) {
      const result = render(text, { showDiagnostics: true, standalone: true });
      assert.match(result.html, /<article id="protokoll-root"/);
    }
  });

  it('writes a standalone file with the stylesheet inline, a locking CSP and no script', () => {
    const { html } = render(MINUTES, { standalone: true });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="sv">/);
    assert.match(html, /<title>Kultur- och fritidsnämnden 2024-03-12<\/title>/);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/,
    );
    assert.match(html, /<style>:root \{/);
    assert.doesNotMatch(html, /<script|<link|src=/i);
  });
});
