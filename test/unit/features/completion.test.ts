import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  DEFAULT_CONFIG,
  type CompletionItem,
  type CompletionList,
  type ProtokollConfig,
} from '../../../server/src/language/index';
import { rankMunicipalities } from '../../../server/src/language/municipalities/index';
import { fixture, SEED } from '../fixture';

const service = createProtokollService();

function complete(source: string, config: ProtokollConfig = DEFAULT_CONFIG): CompletionList {
  const { doc, position } = fixture(source);
  return service.getCompletions(doc, position, config);
}

/**
 * Items in the order the server ranks them, as a client sees it: by sortText alone (the list is
 * reversed first, so an order that only the array carries does not survive).
 */
function ranked(list: CompletionList): CompletionItem[] {
  return [...list.items]
    .reverse()
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const labels = (list: CompletionList): string[] => ranked(list).map((i) => i.label);

/** The seed with one line replaced by a line holding the cursor. */
const seedWith = (line: string, replacement: string): string => {
  assert.ok(SEED.includes(line), `the seed has the line ${line}`);
  return SEED.replace(line, replacement);
};

const MINIMAL = (body: string): string => `# Styrelsemöte
Datum: 2024-05-14

Närvarande:
- Anna Ek, Hjo (ordförande)
- Per Berg, Tibro

§ 1 Mötets öppnande
${body}

Ordförande: Anna Ek
`;

/** The labels of an item in a network's minutes: v1's three first, then those of v2. */
const ITEM_LABELS = [
  'Beslut:',
  'Åtgärd:',
  'Nästa möte:',
  'Beslutsunderlag:',
  'Förslag till beslut:',
  'Yrkanden:',
  'Propositionsordning:',
  'Omröstning:',
  'Reservation:',
  'Jäv:',
  'Protokollsanteckning:',
  'Beslutet skickas till:',
  'Bilagor:',
  'Sekretess:',
];

describe('completion', () => {
  describe('municipalities', () => {
    it('offers Gullspång after "- Ulf Andersson, Gull" with county, code and official form', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Gull|'),
      );
      const [first] = ranked(list);
      assert.equal(first.label, 'Gullspång');
      assert.match(first.detail ?? '', /Västra Götalands län/);
      assert.match(first.detail ?? '', /1447/);
      assert.match(first.documentation?.value ?? '', /Gullspångs kommun/);
      assert.equal(list.isIncomplete, true);
    });

    it('replaces exactly the typed prefix with the short name', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Gull|'),
      );
      const edit = ranked(list)[0].textEdit!;
      assert.equal(edit.newText, 'Gullspång');
      assert.deepEqual(edit.range, {
        start: { line: 6, character: 17 },
        end: { line: 6, character: 21 },
      });
    });

    it('finds Götene for "Gota" with the ö left out, first in a Skaraborg document', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Gota|'),
      );
      assert.equal(labels(list)[0], 'Götene');
    });

    it('keeps the order of rankMunicipalities through sortText', () => {
      const text = '# Möte\nDatum: 2024-05-14\n\nNärvarande:\n- Anna Ek, Sk|\n';
      const expected = rankMunicipalities('Sk').map((r) => r.municipality.name);
      assert.deepEqual(labels(complete(text)), expected);
    });

    it('inserts the official form when the user typed a genitive "Gullspångs k"', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Gullspångs k|'),
      );
      const [first] = ranked(list);
      assert.equal(first.label, 'Gullspång');
      assert.equal(first.textEdit?.newText, 'Gullspångs kommun');
      assert.equal(first.textEdit?.range.start.character, 17);
    });

    it('inserts the official form when the typed words include "kommun"', () => {
      const list = complete(
        seedWith('- Eva Karlsson, Tidaholm kommun', '- Eva Karlsson, Tidaholm kommun|'),
      );
      assert.equal(ranked(list)[0].textEdit?.newText, 'Tidaholms kommun');
    });

    it('inserts the official form a city uses ("Stockholm s" → Stockholms stad)', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Stockholm s|'),
      );
      assert.equal(ranked(list)[0].textEdit?.newText, 'Stockholms stad');
    });

    it('inserts Region Gotland when the user typed "Region G"', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Region G|'),
      );
      assert.equal(ranked(list)[0].textEdit?.newText, 'Region Gotland');
    });

    it('inserts the short name when the typed "S" is part of the name ("Malung S")', () => {
      const list = complete(
        seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf Andersson, Malung S|'),
      );
      const [first] = ranked(list);
      assert.equal(first.label, 'Malung-Sälen');
      assert.equal(first.textEdit?.newText, 'Malung-Sälen');
    });

    it('offers municipalities in an absence list line without a comma', () => {
      const list = complete(seedWith('- Falköpings kommun', '- Falk|'));
      assert.equal(labels(list)[0], 'Falköping');
      assert.equal(ranked(list)[0].textEdit?.range.start.character, 2);
    });

    it('offers configured organisations, ranked with the municipalities', () => {
      const config = { ...DEFAULT_CONFIG, organisations: ['Kommunalförbundet'] };
      const list = complete(seedWith('- Kommunalförbundet', '- Kommunal|'), config);
      const [first] = ranked(list);
      assert.equal(first.label, 'Kommunalförbundet');
      assert.equal(first.textEdit?.newText, 'Kommunalförbundet');
    });

    it('does not offer an organisation that is not configured', () => {
      const list = complete(seedWith('- Kommunalförbundet', '- Kommunal|'));
      assert.ok(!labels(list).includes('Kommunalförbundet'));
    });

    it('lists the members nobody has accounted for first in an empty absence line', () => {
      const config = { ...DEFAULT_CONFIG, members: ['Götene', 'Vara', 'Falköping', 'Skövde'] };
      const list = complete(seedWith('- Kommunalförbundet', '- Kommunalförbundet\n- |'), config);
      // Vara is present and Falköping already absent; Götene and Skövde are unaccounted for.
      assert.deepEqual(labels(list).slice(0, 2), ['Götene', 'Skövde']);
    });

    it('offers the organisations present at a round-table bullet, those not yet heard first', () => {
      const list = complete(seedWith('- Hjo: Sluta leasa? Räknar på köp istället.', '- |'));
      const top = labels(list).slice(0, 5);
      // Tidaholm has already reported in this item; Hjo is replaced by the cursor line.
      assert.deepEqual(top.slice(0, 4), ['Grästorp', 'Gullspång', 'Tibro', 'Vara']);
      assert.ok(!top.slice(0, 4).includes('Tidaholm'));
    });

    it('completes a typed round-table organisation ("- Gull")', () => {
      const list = complete(seedWith('- Hjo: Sluta leasa? Räknar på köp istället.', '- Gull|'));
      assert.equal(labels(list)[0], 'Gullspång');
      assert.equal(ranked(list)[0].textEdit?.newText, 'Gullspång');
    });

    it('offers no municipalities in a bullet that is a sentence', () => {
      const list = complete(
        seedWith('- Hjo: Sluta leasa? Räknar på köp istället.', '- Vi tar fram en plan|'),
      );
      assert.deepEqual(list.items, []);
    });

    it('offers no municipalities after the colon of a round-table bullet', () => {
      const list = complete(seedWith('- Hjo: Sluta leasa? Räknar på köp istället.', '- Hjo: Slu|'));
      assert.deepEqual(list.items, []);
    });

    it('offers no municipalities while the attendee name is typed (before the comma)', () => {
      assert.deepEqual(
        complete(seedWith('- Ulf Andersson, Gullspångs kommun', '- Ulf|')).items,
        [],
      );
    });
  });

  describe('roles', () => {
    it('offers the five roles after "(" on an attendance line and closes the parenthesis', () => {
      const list = complete(
        seedWith('- Thomas Hansson, Vara kommun', '- Thomas Hansson, Vara kommun (|'),
      );
      assert.deepEqual(labels(list), [
        'ordförande',
        'sekreterare',
        'justerare',
        'adjungerad',
        'ersättare',
      ]);
      assert.equal(ranked(list)[0].textEdit?.newText, 'ordförande)');
    });

    it('filters by the typed text, in Swedish or English ("chai" → ordförande)', () => {
      const list = complete(
        seedWith('- Thomas Hansson, Vara kommun', '- Thomas Hansson, Vara kommun (chai|'),
      );
      assert.deepEqual(labels(list), ['ordförande']);
    });

    it('does not add ")" when the parenthesis is already closed', () => {
      const list = complete(seedWith('(ordförande)', '(ju|)'));
      assert.equal(ranked(list)[0].textEdit?.newText, 'justerare');
    });

    it('offers no roles after "(" in an item body', () => {
      assert.deepEqual(
        complete(seedWith('Inga övriga frågor.', 'Inga övriga frågor (|')).items,
        [],
      );
    });
  });

  describe('people', () => {
    it('offers the attendees after "Ordförande: ", the chair by the attendance list first', () => {
      const list = complete(seedWith('Ordförande: Mattias Gustafsson', 'Ordförande: |'));
      const [first] = ranked(list);
      assert.equal(first.label, 'Mattias Gustafsson');
      assert.equal(first.preselect, true);
      assert.equal(list.items.length, 6);
    });

    it('puts the person elected secretary first after "Sekreterare: "', () => {
      const list = complete(seedWith('Sekreterare: Hannes Berggren', 'Sekreterare: |'));
      assert.equal(labels(list)[0], 'Britt Andersson');
      assert.match(ranked(list)[0].detail ?? '', /§ 1/);
    });

    it('offers the remaining adjusters after "Justerare: Thomas Hansson, ", never the chair', () => {
      const list = complete(
        seedWith(
          'Sekreterare: Hannes Berggren',
          'Sekreterare: Hannes Berggren\nJusterare: Thomas Hansson, |',
        ),
      );
      const names = labels(list);
      assert.ok(!names.includes('Thomas Hansson'), 'already written on the line');
      assert.ok(!names.includes('Mattias Gustafsson'), 'the chair may not adjust');
      assert.ok(names.includes('Eva Karlsson'));
    });

    it('inserts a space when the cursor is right after the colon', () => {
      const list = complete(
        seedWith('Sekreterare: Hannes Berggren', 'Sekreterare: Hannes Berggren\nJusterare:|'),
      );
      assert.equal(ranked(list)[0].textEdit?.newText, ' Ulf Andersson');
    });

    it('filters the attendees by the typed part of any name', () => {
      const list = complete(
        seedWith('Sekreterare: Hannes Berggren', 'Sekreterare: Hannes Berggren\nJusterare: Kar|'),
      );
      assert.deepEqual(labels(list), ['Eva Karlsson']);
      assert.equal(ranked(list)[0].textEdit?.range.start.character, 11);
    });

    it('offers the attendees after "@" in an action, the person the action names first', () => {
      const list = complete(
        seedWith(
          'Åtgärd: Ulf planerar förmiddagen med hjälp av Magnus. @Ulf Andersson, 2019-01-15',
          'Åtgärd: Eva planerar förmiddagen. @|',
        ),
      );
      const [first] = ranked(list);
      assert.equal(first.label, 'Eva Karlsson');
      assert.equal(first.textEdit?.newText, 'Eva Karlsson');
      assert.equal(list.items.length, 6);
    });

    it('offers only people who are present after "@"', () => {
      const text = MINIMAL('Åtgärd: Boka lokal. @|').replace(
        '- Per Berg, Tibro',
        '- Per Berg, Tibro\n\nFrånvarande:\n- Olle Ek, Vara',
      );
      assert.deepEqual(labels(complete(text)), ['Anna Ek', 'Per Berg']);
    });

    it('offers no people after the comma that starts the due date', () => {
      assert.deepEqual(complete(MINIMAL('Åtgärd: Boka lokal. @Per Berg, |')).items, []);
    });
  });

  describe('keywords', () => {
    it('finds Beslut for "Dec" through its English alias', () => {
      const list = complete(MINIMAL('Dec|'));
      const [first] = ranked(list);
      assert.equal(first.label, 'Beslut:');
      assert.match(first.filterText ?? '', /Decision/);
      assert.equal(first.textEdit?.newText, 'Beslut: ');
      assert.deepEqual(first.textEdit?.range.start, { line: 8, character: 0 });
    });

    it('offers the item labels inside an item, and no header fields or signatures', () => {
      const list = complete(MINIMAL('Upprop.\n|\nMer text.'));
      assert.deepEqual(labels(list), [...ITEM_LABELS, 'Justeras omedelbart.', 'paragraf']);
    });

    it('offers the missing header fields and sections before the first §, not Datum again', () => {
      const list = complete('# Möte\nDatum: 2024-05-14\n|\n\n§ 1 Öppnande\n');
      assert.deepEqual(labels(list), [
        'Tid:',
        'Plats:',
        'Närvarande:',
        'Frånvarande:',
        'Organ:',
        'Beslutande:',
        'Tjänstgörande ersättare:',
        'Ersättare:',
        'Övriga närvarande:',
        'Utses att justera:',
        'Justeringens plats och tid:',
        'Paragrafer:',
      ]);
    });

    it('offers Datum when the document has none', () => {
      assert.ok(labels(complete('# Möte\nDa|\n')).includes('Datum:'));
    });

    it('offers labels and the missing signatures after the last item', () => {
      const text = MINIMAL('Upprop.\n\n|').replace('\nOrdförande: Anna Ek\n', '\n');
      assert.deepEqual(labels(complete(text)), [
        ...ITEM_LABELS,
        'Ordförande:',
        'Sekreterare:',
        'Justerare:',
        'Justerat:',
        'Anslaget:',
        'Justeras omedelbart.',
        'paragraf',
        'underskrifter',
      ]);
    });

    it('offers only the signatures not yet written once signing has begun', () => {
      const text = MINIMAL('Upprop.').replace('Ordförande: Anna Ek\n', 'Ordförande: Anna Ek\n|\n');
      assert.deepEqual(labels(complete(text)), [
        'Sekreterare:',
        'Justerare:',
        'Justerat:',
        'Anslaget:',
        'underskrifter',
      ]);
    });

    it('offers no keywords when the line has text after the cursor', () => {
      assert.deepEqual(complete(MINIMAL('|Upprop.')).items, []);
    });

    it('offers no keywords inside a sentence', () => {
      assert.deepEqual(complete(MINIMAL('Inga synpunkter på|')).items, []);
    });
  });

  describe('§ numbers', () => {
    it('offers the number after the highest one at the end', () => {
      const last = 'Inga övriga frågor. Mattias önskar god jul och tack för i år!';
      const list = complete(seedWith(last, `${last}\n\n§|`));
      const [first] = ranked(list);
      assert.equal(first.label, '§ 7');
      assert.equal(first.textEdit?.newText, '§ 7 ');
      assert.deepEqual(first.textEdit?.range.start, { line: 38, character: 0 });
    });

    it('offers the number following the item above when inserting between items', () => {
      const list = complete(
        seedWith('§ 3 Föregående protokoll', '§ |\n\n§ 3 Föregående protokoll'),
      );
      assert.deepEqual(labels(list), ['§ 3', '§ 2 a']);
    });

    it('offers the next free letter for an inserted item', () => {
      const list = complete(
        seedWith('§ 3 Föregående protokoll', '§ 2 a Extra\n\n§ |\n\n§ 3 Föregående protokoll'),
      );
      assert.deepEqual(labels(list), ['§ 3', '§ 2 b']);
    });

    it('offers § 1 in a document without items', () => {
      assert.deepEqual(labels(complete('# Möte\nDatum: 2024-05-14\n\n§|\n')), ['§ 1']);
    });

    it('ignores the item being edited on the cursor line', () => {
      const list = complete(seedWith('§ 6 Övrigt', '§ | Övrigt'));
      assert.equal(labels(list)[0], '§ 6');
      assert.equal(ranked(list)[0].textEdit?.newText, '§ 6');
    });
  });

  it('completes the same on NFD text and CRLF line ends', () => {
    for (const text of [SEED.normalize('NFD'), SEED.replace(/\n/g, '\r\n')]) {
      const at = text.indexOf('- Ulf Andersson, ') + '- Ulf Andersson, Gull'.length;
      const line = text.slice(at).search(/\r?\n/) + at;
      const list = complete(text.slice(0, at) + '|' + text.slice(line));
      assert.equal(labels(list)[0], 'Gullspång');
      assert.deepEqual(ranked(list)[0].textEdit?.range, {
        start: { line: 6, character: 17 },
        end: { line: 6, character: 21 },
      });
      const item = text.indexOf('§ 6');
      assert.deepEqual(labels(complete(`${text.slice(0, item)}Bes|\n${text.slice(item)}`)), [
        'Beslut:',
        'Beslutsunderlag:',
        'Beslutet skickas till:',
      ]);
    }
  });

  it('answers an empty list for a position outside the document', () => {
    const { doc } = fixture('# Möte|');
    assert.deepEqual(service.getCompletions(doc, { line: 99, character: 0 }).items, []);
  });
});
