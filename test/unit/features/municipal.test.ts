import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  mergeConfig,
  type DocumentSymbol,
  type ProtokollConfig,
  type WorkspaceEdit,
} from '../../../server/src/language/index';
import { document, fixture, positionOf } from '../fixture';

/** Hover, outline, folding, references and rename on a municipal body's minutes. */

const service = createProtokollService();
const URI = 'file:///test/fixture.protokoll';
const SV = mergeConfig({ kind: 'kommunal' });
const EN = mergeConfig({ kind: 'kommunal', locale: 'en' });

const MINUTES = `# Kommunstyrelsen
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
- Nils Åberg (V), ersätter Sara Nyström (V), § 26–27

Övriga närvarande:
- Karin Lund, kommunsekreterare, § 26–27

Frånvarande:
- Johan Lind (M)
- Sara Nyström (V)

Utses att justera: Per Ek (M), Leif Blom (C)
Justeringens plats och tid: Kommunhuset, 2024-03-12 kl. 15.00

§ 26 Val av justerare
Till justerare utses Per Ek (M) och Leif Blom (C).

§ 27 Budget 2025 (Dnr 2024/22)
Beslutsunderlag:
- Tjänsteskrivelse
- Budgetförslag
Yrkanden:
- Anna Ek (S): bifall till förslaget.
- Per Ek (M): avslag.
Omröstning:
Ja för förslaget, nej för Per Eks avslagsyrkande.
Ja: Anna Ek (S), Maja Dahl (S), Leif Blom (C), Nils Åberg (V)
Nej: Per Ek (M), Lisa Berg (M)
Avstår: Marie Ek (KD)
Beslut: Ramarna fastställs.
Reservation: Per Ek (M) reserverar sig.
Protokollsanteckning: Marie Ek (KD) lämnar en anteckning.

§ 28 Markanvisning
Jäv: Marie Ek (KD) anmäler jäv.
Omröstning:
Ja: 3
Nej: 3
Beslut: Avtalet godkänns med ordförandens utslagsröst.
Justeras omedelbart.

Sekreterare: Karin Lund
Ordförande: Anna Ek
Justerande: Per Ek och Leif Blom
Justerat: 2024-03-14
`;

/** MINUTES with the cursor `offset` characters into the `occurrence`-th `needle`. */
function at(needle: string, offset = 1, occurrence = 0): string {
  const p = positionOf(MINUTES, needle, offset, occurrence);
  const lines = MINUTES.split('\n');
  lines[p.line] = lines[p.line].slice(0, p.character) + '|' + lines[p.line].slice(p.character);
  return lines.join('\n');
}

function hover(source: string, config: ProtokollConfig = SV): string {
  const { doc, position } = fixture(source);
  const answer = service.getHover(doc, position, config);
  assert.ok(answer, 'expected a hover');
  return answer.contents.value;
}

function find(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol {
  for (const s of symbols) {
    if (s.name === name) return s;
    const inner = s.children ? findOrUndefined(s.children, name) : undefined;
    if (inner) return inner;
  }
  assert.fail(`no symbol ${name}`);
}

function findOrUndefined(
  symbols: readonly DocumentSymbol[],
  name: string,
): DocumentSymbol | undefined {
  try {
    return find(symbols, name);
  } catch {
    return undefined;
  }
}

const lineOf = (needle: string, occurrence = 0): number =>
  positionOf(MINUTES, needle, 0, occurrence).line;

function apply(text: string, edit: WorkspaceEdit): string {
  const lines = text.split('\n');
  const edits = [...edit.changes[URI]].sort(
    (a, b) =>
      b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  for (const e of edits) {
    const line = lines[e.range.start.line];
    lines[e.range.start.line] =
      line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
  }
  return lines.join('\n');
}

describe('features on municipal minutes', () => {
  describe('hover', () => {
    it('gives a party’s full name on its letters, in Swedish and English', () => {
      assert.match(
        hover(at('(S), ordförande', 1)),
        /\*\*S\*\* — Socialdemokraterna \(riksdagsparti\)/,
      );
      assert.match(
        hover(at('(KD)', 1, 2), EN),
        /\*\*KD\*\* — Kristdemokraterna \(party in the Riksdag\)/,
      );
      assert.match(hover(at('Johan Lind (M)', 12)), /Moderaterna/);
    });

    it('names a configured party and explains an unknown one', () => {
      const config = mergeConfig({
        kind: 'kommunal',
        parties: [{ short: 'SoL', name: 'Sjukvårdspartiet' }],
      });
      const text = at('(C)', 1).replace('Leif Blom (|C)\n', 'Leif Blom (|SoL)\n');
      assert.match(hover(text, config), /Sjukvårdspartiet/);
      assert.match(hover(text.replace('SoL', 'FP')), /Okänd partibeteckning `FP`/);
    });

    it('shows a serving substitute’s party, whom they replace and for which items', () => {
      const value = hover(at('Nils Åberg (V), ersätter'));
      assert.match(value, /Tjänstgörande ersättare \(V\), ersätter Sara Nyström \(V\), § 26–27/);
      assert.match(value, /Röstade ja i § 27/);
      assert.match(value, /Deltar i besluten i § 26–27/);
    });

    it('shows the function and § of someone under Övriga närvarande', () => {
      assert.match(
        hover(at('Karin Lund, kommun')),
        /Övriga närvarande, kommunsekreterare, § 26–27/,
      );
    });

    it('shows who replaces an absent member', () => {
      assert.match(hover(at('Johan Lind (M)\n', 2)), /Frånvarande \(M\)\n- Ersätts av Lisa Berg/);
    });

    it('lists what a member did in the items: vote, yrkande, reservation, jäv', () => {
      const per = hover(at('Per Ek (M), 1:e'));
      assert.match(per, /Yrkande i § 27/);
      assert.match(per, /Röstade nej i § 27/);
      assert.match(per, /Reserverade sig i § 27/);
      assert.match(per, /Utsedd att justera/);
      const marie = hover(at('Marie Ek (KD)\n'), EN);
      assert.match(marie, /Voted abstain in § 27/);
      assert.match(marie, /Conflict of interest \(jäv\) in § 28/);
      assert.match(marie, /Note for the minutes in § 27/);
    });

    it('gives a vote’s result and what Ja and Nej stand for', () => {
      const value = hover(at('Omröstning:', 2, 0));
      assert.match(value, /Omröstning i § 27/);
      assert.match(value, /- Ja: 4 \(Anna Ek, Maja Dahl, Leif Blom, Nils Åberg\)/);
      assert.match(value, /Ja står för: förslaget/);
      assert.match(value, /Nej står för: Per Eks avslagsyrkande/);
      assert.match(value, /\*\*Ja vinner\*\* med 4 mot 2: förslaget\./);
      assert.match(value, /7 av 7 som deltar i beslutet/);
      assert.match(hover(at('Nej: Per', 1)), /Ja vinner/);
    });

    it('shows at most 101 names of a vote, and what Ja means as written (markdown escaped)', () => {
      // Ledamot Aa, Ledamot Ab, …: names are letters.
      const name = (i: number) =>
        `Ledamot ${'ABCDEF'[Math.floor(i / 26)]}${'abcdefghijklmnopqrstuvwxyz'[i % 26]}`;
      const many = Array.from({ length: 150 }, (_, i) => `${name(i)} (S)`).join(', ');
      const text = at('Omröstning:', 2, 0)
        .replace(
          'Ja: Anna Ek (S), Maja Dahl (S), Leif Blom (C), Nils Åberg (V)',
          `Ja: Anna Ek (S), ${many}`,
        )
        .replace('Ja för förslaget', 'Ja för *förslaget*');
      const value = hover(text);
      assert.match(value, /- Ja: 151 \(Anna Ek, Ledamot Aa, Ledamot Ab, /);
      assert.ok(value.includes(`${name(99)} och 50 till)`), value);
      assert.ok(!value.includes(name(100)), value);
      assert.match(value, /Ja står för: \\\*förslaget\\\*/);
    });

    it('names the chair’s casting vote on a tie, in Swedish and English', () => {
      assert.match(
        hover(at('Omröstning:', 2, 1)),
        /Lika röstetal\*\* \(3–3\): ordföranden har utslagsröst \(kommunallagen 5 kap\. 57 §.*6 kap\. 34 §/,
      );
      assert.match(
        hover(at('Omröstning:', 2, 1), EN),
        /the chair has the casting vote \(utslagsröst/,
      );
    });

    it('says a vote with No winning carries No', () => {
      const text = at('Omröstning:', 2, 1).replace('Ja: 3\nNej: 3', 'Ja: 2\nNej: 4');
      assert.match(hover(text), /\*\*Nej vinner\*\* med 4 mot 2/);
    });

    it('explains Justeras omedelbart', () => {
      const value = hover(at('Justeras omedelbart', 3));
      assert.match(value, /räknas som justerad på sammanträdesdagen, 2024-03-05/);
      assert.match(
        hover(at('Justeras omedelbart', 3), EN),
        /counts as adjusted on the meeting day/,
      );
    });

    it('compares Justeringens plats och tid with the deadline and with Justerat', () => {
      const value = hover(at('Kommunhuset, 2024', 3));
      assert.match(value, /Planerad justering 2024-03-12, 7 dagar efter sammanträdet/);
      assert.match(value, /✓ i tid/);
      assert.match(value, /`Justerat` är när protokollet faktiskt justerades \(2024-03-14\)/);
      assert.match(hover(at('Justerat: 2024', 12)), /planeras \(2024-03-12\)/);
      const same = at('Kommunhuset, 2024', 3).replace(
        'Justerat: 2024-03-14',
        'Justerat: 2024-03-12',
      );
      assert.match(hover(same), /Justerades som planerat/);
    });
  });

  describe('outline and folding', () => {
    const { doc } = fixture(MINUTES + '|');
    const symbols = service.getDocumentSymbols(doc, SV);

    it('has the v2 lists with party, role, ersätter, function and § as details', () => {
      assert.equal(find(symbols, 'Beslutande').detail, '5 personer');
      assert.equal(find(symbols, 'Anna Ek').detail, 'S, ordförande');
      assert.equal(find(symbols, 'Nils Åberg').detail, 'V, ersätter Sara Nyström (V), § 26–27');
      assert.equal(find(symbols, 'Karin Lund').detail, 'kommunsekreterare, § 26–27');
      assert.equal(find(symbols, 'Övriga närvarande').detail, '1 person');
    });

    it('speaks English in the details with locale en', () => {
      const english = service.getDocumentSymbols(doc, EN);
      assert.equal(find(english, 'Beslutande').detail, '5 people');
      assert.equal(find(english, 'Övriga närvarande').detail, '1 person');
      assert.equal(find(english, 'Lisa Berg').detail, 'M, replaces Johan Lind (M)');
    });

    it('keeps the header fields in document order among the lists', () => {
      const names = symbols[0].children!.map((s) => s.name);
      assert.ok(names.indexOf('Utses att justera') > names.indexOf('Frånvarande'));
    });

    it('has the item labels as children of the item, lists and votes spanning their lines', () => {
      const item = find(symbols, '§ 27 Budget 2025');
      const names = item.children!.map((s) => s.name);
      assert.deepEqual(names.slice(0, 3), ['Beslutsunderlag', 'Yrkanden', 'Omröstning']);
      assert.ok(names.includes('Reservation: Per Ek (M) reserverar sig.'));
      const basis = item.children![0];
      assert.equal(basis.range.end.line, lineOf('- Budgetförslag'));
      const vote = item.children![2];
      assert.equal(vote.detail, 'Ja 4 · Nej 2 · Avstår 1');
      assert.equal(vote.range.end.line, lineOf('Avstår: Marie'));
      const item28 = find(symbols, '§ 28 Markanvisning');
      assert.ok(item28.children!.some((s) => s.name === 'Justeras omedelbart.'));
      assert.ok(find(symbols, '§ 26 Val av justerare').children!.length === 1);
    });

    it('folds each list, each label with its list and each vote with its tallies', () => {
      const folds = service.getFoldingRanges(doc).map((f) => [f.startLine, f.endLine]);
      for (const [from, to] of [
        [lineOf('Beslutande:'), lineOf('- Marie Ek')],
        [lineOf('Tjänstgörande ersättare:'), lineOf('- Nils Åberg')],
        [lineOf('Beslutsunderlag:'), lineOf('- Budgetförslag')],
        [lineOf('Yrkanden:'), lineOf('- Per Ek (M): avslag')],
        [lineOf('Omröstning:'), lineOf('Avstår: Marie')],
        [lineOf('Omröstning:', 1), lineOf('Nej: 3')],
      ]) {
        assert.ok(
          folds.some(([a, b]) => a === from && b === to),
          `a fold ${from}–${to} in ${JSON.stringify(folds)}`,
        );
      }
    });
  });

  describe('references and rename', () => {
    it('finds Per Ek in every place a person is named', () => {
      const doc = document(MINUTES);
      const refs = service.getReferences(doc, positionOf(MINUTES, 'Per Ek (M), 1:e', 1), true);
      const lines = refs.map((r) => MINUTES.split('\n')[r.range.start.line]);
      for (const expected of [
        '- Per Ek (M), 1:e vice ordförande',
        'Utses att justera: Per Ek (M), Leif Blom (C)',
        'Till justerare utses Per Ek (M) och Leif Blom (C).',
        '- Per Ek (M): avslag.',
        'Ja för förslaget, nej för Per Eks avslagsyrkande.',
        'Nej: Per Ek (M), Lisa Berg (M)',
        'Reservation: Per Ek (M) reserverar sig.',
        'Justerande: Per Ek och Leif Blom',
      ]) {
        assert.ok(lines.includes(expected), `a reference on "${expected}"`);
      }
    });

    it('renames a member everywhere, keeping party letters and the genitive', () => {
      const doc = document(MINUTES);
      const edit = service.rename(doc, positionOf(MINUTES, 'Per Ek (M), 1:e', 1), 'Per Öberg', SV);
      assert.ok(!('error' in edit));
      const renamed = apply(MINUTES, edit as WorkspaceEdit);
      assert.ok(!/Per Ek\b/.test(renamed), renamed);
      assert.match(renamed, /- Per Öberg \(M\), 1:e vice ordförande/);
      assert.match(renamed, /Utses att justera: Per Öberg \(M\), Leif Blom \(C\)/);
      assert.match(renamed, /nej för Per Öbergs avslagsyrkande/);
      assert.match(renamed, /Nej: Per Öberg \(M\), Lisa Berg \(M\)/);
      assert.match(renamed, /Justerande: Per Öberg och Leif Blom/);
    });

    it('renames an absent member in the ersätter of the substitute', () => {
      const doc = document(MINUTES);
      const edit = service.rename(
        doc,
        positionOf(MINUTES, 'Sara Nyström (V)\n', 1),
        'Sara Nylund',
        EN,
      );
      const renamed = apply(MINUTES, edit as WorkspaceEdit);
      assert.match(renamed, /ersätter Sara Nylund \(V\), § 26–27/);
      assert.match(renamed, /^- Sara Nylund \(V\)$/m);
    });

    it('finds the people of a jäv and a protokollsanteckning', () => {
      const doc = document(MINUTES);
      const refs = service.getReferences(doc, positionOf(MINUTES, 'Marie Ek (KD)\n', 1), false);
      const lines = refs.map((r) => MINUTES.split('\n')[r.range.start.line]);
      assert.ok(lines.includes('Jäv: Marie Ek (KD) anmäler jäv.'));
      assert.ok(lines.includes('Protokollsanteckning: Marie Ek (KD) lämnar en anteckning.'));
      assert.ok(lines.includes('Avstår: Marie Ek (KD)'));
    });
  });
});
