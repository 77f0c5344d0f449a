import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../server/src/language';
import { CLEAN, service } from './checks/helpers';

function format(text: string): string {
  return service.formatText(createTextDocument(`file:///fmt/${Math.random()}.protokoll`, text));
}

describe('formatting', () => {
  it('leaves canonical minutes unchanged', () => {
    assert.equal(format(CLEAN), CLEAN);
  });

  it('normalises § marks, keyword spelling, list markers and spacing', () => {
    const messy =
      '#   Styrelsen  \ndatum:2024-04-18\nNÄRVARANDE :\n*   Anna Ek ,Skövde(ordförande)\n\n\n\n§2.   Budget\nbeslut :  Ja.\n•  punkt\nChair: Anna Ek\n';
    assert.equal(
      format(messy),
      '# Styrelsen\nDatum: 2024-04-18\n\nNärvarande:\n- Anna Ek, Skövde (ordförande)\n\n§ 2 Budget\nBeslut: Ja.\n- punkt\n\nOrdförande: Anna Ek\n',
    );
  });

  it('keeps CRLF line endings and a BOM', () => {
    const text = '\uFEFF# T\r\nDatum: 2024-01-01\r\n';
    assert.equal(format(text), text);
  });

  it('leaves a line it cannot read as written', () => {
    const text = CLEAN.replace(
      '- Per Berg, Hjo (sekreterare)',
      '-   Per Berg, Hjo, x   (sekreterare',
    );
    assert.match(format(text), /-   Per Berg, Hjo, x   \(sekreterare/);
  });

  it('formats only the requested lines', () => {
    const text = CLEAN.replace('Beslut: Budgeten', 'beslut:Budgeten').replace(
      '§ 3 Nästa',
      '§3 Nästa',
    );
    const doc = createTextDocument('file:///fmt/range.protokoll', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('beslut'));
    const edits = service.format(doc, {
      start: { line, character: 0 },
      end: { line, character: 5 },
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, line);
  });

  describe('v2 (municipal minutes)', () => {
    it('keeps party letters, roles, functions, ersätter and § ranges of every list', () => {
      const text = `# Kommunstyrelsen
Organ: Kommunstyrelsen
Datum: 2024-03-05

Beslutande:
- Anna Ek (S), ordförande
- Per Ek (M), 1:e vice ordförande

Tjänstgörande ersättare:
- Lisa Berg (M), ersätter Johan Lind (M), § 26–30

Övriga närvarande:
- Karin Lund, kommunsekreterare, § 26–28

Frånvarande:
- Johan Lind (M)
Utses att justera: Per Ek (M)
Paragrafer: 26–27

KS § 26 Budget
Omröstning:
Ja: 7
- Nej: Anna Ek (S), Per Ek (M)
Avstår: 0

§ 27 Avslutning
Justeras omedelbart.

Justerande: Per Ek (M)
Protokollförare: Karin Lund
`;
      assert.equal(format(text), text);
    });

    it('writes party letters as (S) with one blank before, ersätter and commas spaced', () => {
      const messy = `# K
Beslutande:
-   Anna Ek( S ) ,ordförande
- Per Ek (Kd),  vice ordförande
Tjänstgörande ersättare:
- Lisa Berg (M),ersätter   Johan Lind ( Mp ),§26 - 30
`;
      assert.equal(
        format(messy),
        `# K

Beslutande:
- Anna Ek (S), ordförande
- Per Ek (KD), vice ordförande

Tjänstgörande ersättare:
- Lisa Berg (M), ersätter Johan Lind (MP), § 26–30
`,
      );
    });

    it('writes § ranges with an en dash in Paragrafer and attendance lines', () => {
      const text = format(
        '# K\nParagrafer: 26 -31\nÖvriga närvarande:\n- Olle Nord, ekonomichef,§ 26 - 28\n',
      );
      assert.match(text, /^Paragrafer: 26–31$/m);
      assert.match(text, /^- Olle Nord, ekonomichef, § 26–28$/m);
    });

    it('writes vote tallies as Ja: 7 and English tallies in Swedish', () => {
      const text = format(
        '# K\n§ 1 Budget\nOmröstning:\n   ja:  7\n- Nej :   Anna Ek (S) , Per Ek (M)\nAbstain: 2\nYes: 3\n',
      );
      assert.match(text, /^Ja: 7$/m);
      assert.match(text, /^- Nej: Anna Ek \(S\), Per Ek \(M\)$/m);
      assert.match(text, /^Avstår: 2$/m);
      assert.match(text, /^Ja: 3$/m);
    });

    it('writes English aliases in Swedish and keeps Swedish synonyms', () => {
      const english = format(
        '# Board\nBody: Board\nVoting members:\n- Anna Ek (S), chair\nAlso present:\n- Karin Lund, clerk\n§ 1 Budget\nDissent: Anna Ek (S) dissents.\nSend to:\n- Finance\nSecretary: Karin Lund\nAdjusters: Anna Ek\n',
      );
      assert.match(english, /^Organ: Board$/m);
      assert.match(english, /^Beslutande:$/m);
      assert.match(english, /^Övriga närvarande:$/m);
      assert.match(english, /^Reservation: Anna Ek \(S\) dissents\.$/m);
      assert.match(english, /^Beslutet skickas till:$/m);
      assert.match(english, /^Justerare: Anna Ek$/m);
      const swedish = format(
        '# K\nledamöter:\n- Anna Ek (S)\nÖvriga deltagande:\n- Karin Lund, sekreterare\n§ 1 Budget\nexpedieras till:\n- Ekonomi\nBilaga: 1\nProtokollförare: Karin Lund\njusterande: Anna Ek\n',
      );
      assert.match(swedish, /^Ledamöter:$/m);
      assert.match(swedish, /^Övriga deltagande:$/m);
      assert.match(swedish, /^Expedieras till:$/m);
      assert.match(swedish, /^Bilaga: 1$/m);
      assert.match(swedish, /^Protokollförare: Karin Lund$/m);
      assert.match(swedish, /^Justerande: Anna Ek$/m);
    });

    it('keeps the body prefix of an item mark', () => {
      assert.match(format('# K\nKS §45 Budget\n'), /^KS § 45 Budget$/m);
    });

    it('upper-cases party letters on signature, Utses att justera and reservation lines', () => {
      const text = format(
        '# K\nBeslutande:\n- Anna Ek (Kd)\nUtses att justera: Anna Ek(Kd)\n§ 1 Budget\nReservation: Anna Ek ( Kd ) reserverar sig.\nJusterare: Anna Ek (Kd)\n',
      );
      assert.match(text, /^Utses att justera: Anna Ek \(KD\)$/m);
      assert.match(text, /^Reservation: Anna Ek \(KD\) reserverar sig\.$/m);
      assert.match(text, /^Justerare: Anna Ek \(KD\)$/m);
    });
  });
});
