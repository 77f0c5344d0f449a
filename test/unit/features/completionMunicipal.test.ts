import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  DEFAULT_CONFIG,
  mergeConfig,
  type CompletionItem,
  type CompletionList,
  type ProtokollConfig,
} from '../../../server/src/language/index';
import { fixture } from '../fixture';

const service = createProtokollService();
const KOMMUNAL = mergeConfig({ kind: 'kommunal' });
const ENGLISH = mergeConfig({ kind: 'kommunal', locale: 'en' });

function complete(source: string, config: ProtokollConfig = KOMMUNAL): CompletionList {
  const { doc, position } = fixture(source);
  return service.getCompletions(doc, position, config);
}

function ranked(list: CompletionList): CompletionItem[] {
  return [...list.items]
    .reverse()
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const labels = (list: CompletionList): string[] => ranked(list).map((i) => i.label);

/** Municipal minutes; `{{header}}`, `{{item}}` and `{{signatures}}` take the cursor line. */
function minutes(parts: { header?: string; item?: string; signatures?: string } = {}): string {
  return `# Kommunstyrelsen
Organ: Kommunstyrelsen
Datum: 2024-03-05

Beslutande:
- Anna Ek (S), ordförande
- Per Ek (M), 1:e vice ordförande
- Maja Dahl (S)
- Leif Blom (C)
- Marie Ek (KD)

Tjänstgörande ersättare:
- Lisa Berg (M), ersätter Johan Lind (M)

Ersättare:
- Eva Strand (S)

Övriga närvarande:
- Karin Lund, kommunsekreterare
${parts.header ?? ''}
Frånvarande:
- Johan Lind (M)
- Sara Nyström (V)
- Olof Berg (S)

Utses att justera: Per Ek (M), Leif Blom (C)

§ 26 Budget 2025
Jäv: Marie Ek (KD) anmäler jäv.
Omröstning:
${parts.item ?? 'Ja: 3'}
Beslut: Ramarna fastställs.

§ 27 Anmälningsärenden
Beslut: Anmälningarna läggs till handlingarna.
${parts.signatures ?? ''}
`;
}

describe('completion (municipal minutes)', () => {
  describe('party letters', () => {
    it('offers the national parties after "- Name (" with their full names', () => {
      const list = complete(
        minutes({ header: '- Olle Nord (|' }).replace(
          'Övriga närvarande:\n- Karin Lund, kommunsekreterare\n',
          'Ersättare:\n',
        ),
      );
      const items = ranked(list);
      assert.deepEqual(
        items.slice(0, 8).map((i) => i.label),
        ['S', 'M', 'SD', 'C', 'V', 'KD', 'L', 'MP'],
      );
      assert.equal(items[0].detail, 'Socialdemokraterna');
      assert.equal(items[0].textEdit?.newText, 'S)');
      assert.ok(labels(list).includes('ordförande'), 'roles follow the parties');
    });

    it('puts the party the person has elsewhere first and adds configured parties', () => {
      const config = mergeConfig({
        kind: 'kommunal',
        parties: [{ short: 'SoL', name: 'Sjukvårdspartiet' }],
      });
      const text = minutes({ signatures: '\nJusterare: Sara Nyström (|' });
      const items = ranked(complete(text, config));
      assert.equal(items[0].label, 'V');
      assert.equal(items[0].preselect, true);
      const sol = items.find((i) => i.label === 'SoL');
      assert.equal(sol?.detail, 'Sjukvårdspartiet');
    });

    it('filters parties by letters or full name ("Mil" → MP)', () => {
      const text = minutes({ item: 'Ja: Anna Ek (S), Olle Nord (Mil|' });
      assert.deepEqual(labels(complete(text)), ['MP']);
    });

    it('offers only roles after "(" once the party is written', () => {
      const text = minutes({ header: '- Olle Nord (S) (|' });
      assert.deepEqual(labels(complete(text)), [
        'ordförande',
        'sekreterare',
        'justerare',
        'adjungerad',
        'ersättare',
      ]);
    });
  });

  describe('attendance lines', () => {
    it('offers roles with the vice chairs after "- Name (S), "', () => {
      const text = minutes().replace('- Maja Dahl (S)', '- Maja Dahl (S), |');
      const names = labels(complete(text));
      assert.deepEqual(names.slice(0, 4), [
        'ordförande',
        'vice ordförande',
        '1:e vice ordförande',
        '2:e vice ordförande',
      ]);
    });

    it('filters the roles after a comma in English ("vice ch")', () => {
      const text = minutes().replace('- Maja Dahl (S)', '- Maja Dahl (S), vice ch|');
      assert.deepEqual(labels(complete(text, ENGLISH)), ['vice ordförande']);
    });

    it('offers "ersätter" first after the comma of a serving substitute', () => {
      const text = minutes().replace(
        '- Lisa Berg (M), ersätter Johan Lind (M)',
        '- Lisa Berg (M), ersätter Johan Lind (M)\n- Nils Åberg (V), |',
      );
      const [first] = ranked(complete(text));
      assert.equal(first.label, 'ersätter');
      assert.equal(first.textEdit?.newText, 'ersätter ');
    });

    it('offers the absent members of the same party first after "ersätter "', () => {
      const text = minutes().replace(
        '- Lisa Berg (M), ersätter Johan Lind (M)',
        '- Lisa Berg (M), ersätter Johan Lind (M)\n- Nils Åberg (V), ersätter |',
      );
      const items = ranked(complete(text));
      assert.equal(items[0].label, 'Sara Nyström (V)');
      assert.equal(items[0].textEdit?.newText, 'Sara Nyström (V)');
      assert.equal(items[0].preselect, true);
      assert.equal(items[1].label, 'Olof Berg (S)', 'then the other absent member');
      const johan = items.findIndex((i) => i.label === 'Johan Lind (M)');
      assert.equal(johan, items.length - 1, 'already replaced by Lisa Berg: last');
      assert.match(items[johan].detail ?? '', /Lisa Berg/);
      assert.ok(
        items.some((i) => i.label === 'Anna Ek (S)'),
        'voting members come after',
      );
    });

    it('offers functions under Övriga närvarande, the document’s own first', () => {
      const text = minutes({ header: '- Olle Nord, |' });
      const names = labels(complete(text));
      assert.equal(names[0], 'kommunsekreterare');
      assert.ok(names.includes('ekonomichef'));
      assert.ok(!names.includes('Gullspång'), 'a function, never a municipality');
    });

    it('offers the configured members not yet listed at "- " in Beslutande and Frånvarande', () => {
      const config = mergeConfig({
        kind: 'kommunal',
        memberPersons: [
          { name: 'Anna Ek', party: 'S', role: 'ordförande' },
          { name: 'Omar Said', party: 'S', role: 'ledamot' },
          { name: 'Sven Holm', party: 'SD', role: '2:e vice ordförande' },
        ],
      });
      const voting = minutes().replace('- Marie Ek (KD)', '- Marie Ek (KD)\n- |');
      const items = ranked(complete(voting, config));
      assert.deepEqual(
        items.map((i) => i.label),
        ['Omar Said (S)', 'Sven Holm (SD)'],
      );
      assert.equal(items[0].textEdit?.newText, 'Omar Said (S)');
      assert.equal(items[1].textEdit?.newText, 'Sven Holm (SD), 2:e vice ordförande');
      const absent = minutes().replace('- Olof Berg (S)', '- Olof Berg (S)\n- Sv|');
      assert.deepEqual(labels(complete(absent, config)), ['Sven Holm (SD)']);
      const noMember = minutes().replace('- Olof Berg (S)', '- Olof Berg (S)\n- Gull|');
      assert.equal(labels(complete(noMember, config))[0], 'Gullspång', 'else organisations');
    });

    it('still offers municipalities after the comma of a network attendance line', () => {
      const text = '# Nätverk\nNärvarande:\n- Ulf Andersson, Gull|\n';
      assert.equal(labels(complete(text, DEFAULT_CONFIG))[0], 'Gullspång');
    });
  });

  describe('votes', () => {
    it('offers the item’s voters after "Ja: " with their party letters', () => {
      const names = labels(complete(minutes({ item: 'Ja: |' })));
      assert.deepEqual(names, [
        'Anna Ek (S)',
        'Per Ek (M)',
        'Maja Dahl (S)',
        'Leif Blom (C)',
        'Lisa Berg (M)',
      ]);
      assert.ok(!names.includes('Marie Ek (KD)'), 'jäv in this item');
      assert.ok(!names.includes('Eva Strand (S)'), 'a substitute who does not serve');
    });

    it('leaves out the names already on the vote’s other lines and on this line', () => {
      const text = minutes({ item: 'Ja: Anna Ek (S), Maja Dahl (S)\nNej: Per Ek (M), |' });
      assert.deepEqual(labels(complete(text)), ['Leif Blom (C)', 'Lisa Berg (M)']);
    });

    it('completes after " och " and by a typed part of the name', () => {
      const text = minutes({ item: '- Avstår: Anna Ek (S) och Bl|' });
      const items = ranked(complete(text));
      assert.deepEqual(
        items.map((i) => i.label),
        ['Leif Blom (C)'],
      );
      assert.equal(items[0].textEdit?.newText, 'Leif Blom (C)');
    });

    it('offers nothing while a count is written', () => {
      assert.deepEqual(complete(minutes({ item: 'Ja: 7|' })).items, []);
    });

    it('offers Ja:, Nej:, Avstår: on the lines below Omröstning:, not those written', () => {
      const text = minutes({ item: 'Ja: 3\n|' });
      const names = labels(complete(text));
      assert.deepEqual(names.slice(0, 2), ['Nej:', 'Avstår:']);
    });
  });

  describe('reservations, jäv, yrkanden', () => {
    it('offers those who voted no first after "Reservation: "', () => {
      const text = minutes({
        item: 'Ja: Anna Ek (S), Maja Dahl (S)\nNej: Per Ek (M), Lisa Berg (M)',
      }).replace('Beslut: Ramarna fastställs.', 'Beslut: Ramarna fastställs.\nReservation: |');
      const items = ranked(complete(text));
      assert.deepEqual(
        items.slice(0, 2).map((i) => i.label),
        ['Per Ek (M)', 'Lisa Berg (M)'],
      );
      assert.match(items[0].detail ?? '', /röstade nej/);
    });

    it('offers no names once the reservation’s prose has begun', () => {
      const text = minutes().replace(
        'Beslut: Ramarna fastställs.',
        'Beslut: Ramarna fastställs.\nReservation: Per Ek (M) reserverar sig mot |',
      );
      assert.deepEqual(complete(text).items, []);
    });

    it('offers the voting members after "Jäv: ", not one who already declared it', () => {
      const text = minutes().replace('Omröstning:', 'Jäv: |\nOmröstning:');
      const names = labels(complete(text));
      assert.ok(names.includes('Anna Ek (S)'));
      assert.ok(!names.includes('Marie Ek (KD)'));
    });

    it('offers the people present at a Yrkanden bullet, voters first', () => {
      const text = minutes().replace(
        '§ 27 Anmälningsärenden',
        '§ 27 Anmälningsärenden\nYrkanden:\n- Anna Ek (S): bifall.\n- |',
      );
      const items = ranked(complete(text));
      assert.equal(items[0].label, 'Per Ek (M)');
      const anna = items.findIndex((i) => i.label === 'Anna Ek (S)');
      assert.ok(anna > items.findIndex((i) => i.label === 'Lisa Berg (M)'), 'moved already: later');
      const karin = items.find((i) => i.label === 'Karin Lund');
      assert.ok(karin, 'present though not voting');
      assert.match(karin.detail ?? '', /deltar inte i beslutet/);
    });
  });

  describe('adjusters and signatures', () => {
    it('offers the people present after "Utses att justera: ", not those written', () => {
      const text = minutes().replace(
        'Utses att justera: Per Ek (M), Leif Blom (C)',
        'Utses att justera: Per Ek (M), |',
      );
      const names = labels(complete(text));
      assert.ok(!names.includes('Per Ek (M)'));
      assert.ok(names.includes('Leif Blom (C)'));
      assert.equal(names[names.length - 1], 'Anna Ek (S)', 'the chair signs anyway: last');
    });

    it('offers people after "Till justerare utses "', () => {
      const text = minutes().replace(
        'Beslut: Anmälningarna läggs till handlingarna.',
        'Till justerare utses Per Ek (M) och |',
      );
      const names = labels(complete(text));
      assert.ok(names.includes('Leif Blom (C)'));
      assert.ok(!names.includes('Per Ek (M)'));
    });

    it('puts the appointed adjusters first after "Justerande: "', () => {
      const text = minutes({ signatures: '\nOrdförande: Anna Ek\nJusterande: |' });
      const items = ranked(complete(text));
      assert.deepEqual(
        items.slice(0, 2).map((i) => i.label),
        ['Per Ek', 'Leif Blom'],
      );
      assert.match(items[0].detail ?? '', /utsedd att justera/);
      assert.ok(!items.some((i) => i.label === 'Anna Ek'), 'the chair does not adjust');
    });

    it('offers the chair, then the vice chair after "Ordförande: "', () => {
      const names = labels(complete(minutes({ signatures: '\nOrdförande: |' })));
      assert.deepEqual(names.slice(0, 2), ['Anna Ek', 'Per Ek']);
    });

    it('offers the secretary by function after "Protokollförare: "', () => {
      const names = labels(complete(minutes({ signatures: '\nProtokollförare: |' })));
      assert.equal(names[0], 'Karin Lund');
    });

    it('offers the signature synonyms and Paragrafer after the last item', () => {
      const names = labels(complete(minutes({ signatures: '\n|' })));
      for (const label of ['Sekreterare:', 'Protokollförare:', 'Justerande:', 'Paragrafer:']) {
        assert.ok(names.includes(label), label);
      }
    });
  });

  describe('header keywords', () => {
    it('offers the municipal header fields and lists not yet written', () => {
      const text = '# Kommunstyrelsen\nOrgan: Kommunstyrelsen\n|\n\n§ 1 Öppnande\n';
      const names = labels(complete(text));
      assert.deepEqual(names.slice(0, 4), ['Datum:', 'Tid:', 'Plats:', 'Beslutande:']);
      assert.ok(!names.includes('Organ:'));
      assert.ok(names.includes('Utses att justera:'));
      assert.ok(names.includes('Justeringens plats och tid:'));
    });

    it('finds Utses att justera by its English alias', () => {
      const names = labels(complete('# K\nAppointed|\n\n§ 1 Öppnande\n', ENGLISH));
      assert.deepEqual(names, ['Utses att justera:']);
    });

    it('offers Sekretess: in an item, after the labels of the ordinary order', () => {
      const names = labels(complete(minutes({ item: 'Sek|' })));
      assert.deepEqual(names, ['Sekretess:']);
      const all = labels(complete(minutes({ item: '|' })));
      assert.ok(all.indexOf('Sekretess:') > all.indexOf('Beslut:'), all.join(', '));
    });

    it('offers no item labels before the first §', () => {
      const names = labels(complete('# K\nOmr|\n\n§ 1 Öppnande\n'));
      assert.deepEqual(names, []);
    });
  });

  describe('snippets', () => {
    it('offers "paragraf" with the next free number after the last item', () => {
      const text = minutes().replace(
        'Beslut: Anmälningarna läggs till handlingarna.',
        'Beslut: Anmälningarna läggs till handlingarna.\n\npar|',
      );
      const snippet = ranked(complete(text)).find((i) => i.label === 'paragraf');
      assert.ok(snippet);
      assert.equal(snippet.textEdit?.newText, '§ 28 ${1:Rubrik}');
      assert.equal(snippet.insertTextFormat, 2);
    });

    it('offers "paragraf" with the next letter between items whose numbers follow', () => {
      const text = minutes().replace('§ 27 Anmälningsärenden', '|\n\n§ 27 Anmälningsärenden');
      const snippet = ranked(complete(text)).find((i) => i.label === 'paragraf');
      assert.equal(snippet?.textEdit?.newText, '§ 26 a ${1:Rubrik}');
    });

    it('writes the placeholder title in English for an English locale', () => {
      const text = minutes().replace(
        'Beslut: Anmälningarna läggs till handlingarna.',
        'Beslut: Anmälningarna läggs till handlingarna.\n\n|',
      );
      const snippet = ranked(complete(text, ENGLISH)).find((i) => i.label === 'paragraf');
      assert.equal(snippet?.textEdit?.newText, '§ 28 ${1:Title}');
    });

    it('offers "underskrifter" with the people present, likeliest signer first', () => {
      const config = { ...KOMMUNAL, signatureCounts: { adjuster: 2 } };
      const snippet = ranked(complete(minutes({ signatures: '\nund|' }), config)).find(
        (i) => i.label === 'underskrifter',
      );
      assert.ok(snippet);
      assert.equal(snippet.insertTextFormat, 2);
      const lines = snippet.textEdit!.newText.split('\n');
      assert.match(lines[0], /^Sekreterare: \$\{1\|Karin Lund,/);
      assert.match(lines[1], /^Ordförande: \$\{2\|Anna Ek,Per Ek,/);
      assert.match(lines[2], /^Justerande: \$\{3\|Per Ek,Leif Blom,/);
      assert.match(lines[3], /^Justerande: \$\{4\|Leif Blom,Per Ek,/);
      assert.ok(!lines[2].includes('Anna Ek'), 'the chair does not adjust');
      assert.equal(lines[4], '$0');
    });

    it('offers only the signature lines still missing, in the v1 order for a network', () => {
      const text = `# Nätverk
Närvarande:
- Anna Ek, Hjo (ordförande)
- Per Berg, Tibro

§ 1 Öppnande
Upprop.

Ordförande: Anna Ek
|
`;
      const snippet = ranked(complete(text, DEFAULT_CONFIG)).find(
        (i) => i.label === 'underskrifter',
      );
      assert.equal(
        snippet?.textEdit?.newText,
        'Sekreterare: ${1|Per Berg,Anna Ek|}\nJusterare: ${2|Per Berg|}\n$0',
      );
    });
  });
});
