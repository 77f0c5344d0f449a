import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  DEFAULT_CONFIG,
  type Range,
  type WorkspaceEdit,
} from '../../../server/src/language/index';
import { document, fixture, positionOf, SEED } from '../fixture';

const service = createProtokollService();
const URI = 'file:///test/fixture.protokoll';

function covered(text: string, range: Range): string {
  assert.equal(range.start.line, range.end.line);
  return text.split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

/** "line:text" of each range, in document order. */
function texts(text: string, ranges: Range[]): string[] {
  return ranges.map((r) => `${r.start.line}:${covered(text, r)}`);
}

/** The text after applying a rename's edits. */
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

const TEAM = `# Styrelsemöte
Datum: 2024-05-14

Närvarande:
- Anna Ek, Hjo (ordförande)
- Per Berg, Tibro
- Eva Lund, Vara
- Eva Karlsson, Skara

Frånvarande:
- Olle Ek, Tibro

§ 1 Val av justerare
Per Berg

§ 2 Budget
Anna presenterar. Pers förslag och Per Bergs kalkyl diskuteras. Eva håller med.
Olle har skickat synpunkter. Annas sammanfattning godkänns. Annika och Annaberg nämns inte.
Åtgärd: Per skickar ut budgeten. @Per, 2024-06-01

Ordförande: Anna Ek
Justerare: Per Berg
`;

describe('persons', () => {
  describe('definition', () => {
    it('goes from a first-name mention in body text to the attendance line', () => {
      const { doc, position } = fixture(
        SEED.replace('Mattias sammanfattar', 'Mat|tias sammanfattar'),
      );
      const [location] = service.getDefinition(doc, position);
      assert.equal(location.uri, URI);
      assert.deepEqual(location.range, {
        start: { line: 7, character: 2 },
        end: { line: 7, character: 20 },
      });
    });

    it('goes from a signature and from an @owner to the attendance line', () => {
      const doc = document(SEED);
      const fromSignature = service.getDefinition(doc, positionOf(SEED, 'Hannes Berggren', 3, 1));
      const fromOwner = service.getDefinition(doc, positionOf(SEED, '@Ulf', 2));
      assert.equal(covered(SEED, fromSignature[0].range), 'Hannes Berggren');
      assert.equal(fromSignature[0].range.start.line, 10);
      assert.equal(fromOwner[0].range.start.line, 6);
    });

    it('finds nothing on a word that is not a person', () => {
      const doc = document(SEED);
      assert.deepEqual(service.getDefinition(doc, positionOf(SEED, 'sammanfattar', 2)), []);
      assert.deepEqual(service.getDefinition(doc, positionOf(SEED, 'Magnus', 2)), []);
    });
  });

  describe('references', () => {
    it('lists attendance, elections, text mentions, genitives, owners and signatures', () => {
      const doc = document(TEAM);
      const refs = service.getReferences(doc, positionOf(TEAM, 'Per Berg', 1), true);
      assert.deepEqual(
        texts(
          TEAM,
          refs.map((r) => r.range),
        ),
        ['5:Per Berg', '13:Per Berg', '16:Per', '16:Per Berg', '18:Per', '18:Per', '21:Per Berg'],
      );
    });

    it('finds the same mentions in NFD text with CRLF line ends', () => {
      const text = TEAM.normalize('NFD').replace(/\n/g, '\r\n');
      const refs = service.getReferences(document(text), positionOf(text, 'Per Berg', 1), true);
      assert.deepEqual(
        refs.map(
          (r) => `${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`,
        ),
        // Columns count UTF-16 units of the NFD text: `ö`, `Å` and `ä` take two each.
        ['5:2-10', '13:0-8', '16:18-21', '16:36-44', '18:10-13', '18:36-39', '21:11-19'],
      );
    });

    it('leaves out the attendance line without includeDeclaration', () => {
      const doc = document(TEAM);
      const refs = service.getReferences(doc, positionOf(TEAM, 'Per Berg', 1), false);
      assert.ok(refs.every((r) => r.range.start.line !== 5));
      assert.equal(refs.length, 6);
    });

    it('keeps a genitive s outside the mention ("Annas sammanfattning")', () => {
      const doc = document(TEAM);
      const refs = service.getReferences(doc, positionOf(TEAM, 'Anna Ek', 1), true);
      assert.deepEqual(
        texts(
          TEAM,
          refs.map((r) => r.range),
        ),
        ['4:Anna Ek', '16:Anna', '17:Anna', '20:Anna Ek'],
      );
    });

    it('does not count a first name two attendees share', () => {
      const doc = document(TEAM);
      const refs = service.getReferences(doc, positionOf(TEAM, 'Eva Lund', 1), true);
      assert.deepEqual(
        texts(
          TEAM,
          refs.map((r) => r.range),
        ),
        ['6:Eva Lund'],
      );
    });

    it('counts an absent person mentioned by first name', () => {
      const doc = document(TEAM);
      const refs = service.getReferences(doc, positionOf(TEAM, 'Olle Ek', 1), true);
      assert.deepEqual(
        texts(
          TEAM,
          refs.map((r) => r.range),
        ),
        ['10:Olle Ek', '17:Olle'],
      );
    });

    it('ignores words that only start with a name (Annika, Annaberg) or lower-case "per"', () => {
      const text = TEAM.replace('Eva håller med.', 'Tio kronor per person.');
      const refs = service.getReferences(document(text), positionOf(text, 'Per Berg', 1), true);
      assert.ok(
        !texts(
          text,
          refs.map((r) => r.range),
        ).some((t) => t.startsWith('16:per')),
      );
      const anna = service.getReferences(document(text), positionOf(text, 'Anna Ek', 1), true);
      assert.ok(
        !texts(
          text,
          anna.map((r) => r.range),
        ).some((t) => /Annika|Annaberg/.test(t)),
      );
    });
  });

  describe('document highlights', () => {
    it('marks the attendance line as write and the mentions as read', () => {
      const doc = document(SEED);
      const highlights = service.getDocumentHighlights(
        doc,
        positionOf(SEED, 'Mattias sammanfattar', 1),
      );
      assert.deepEqual(
        highlights.map((h) => `${h.kind}:${covered(SEED, h.range)}`),
        ['3:Mattias Gustafsson', '2:Mattias', '2:Mattias', '2:Mattias Gustafsson'],
      );
    });

    it('marks nothing on plain text', () => {
      const doc = document(SEED);
      assert.deepEqual(service.getDocumentHighlights(doc, positionOf(SEED, 'Inget att', 1)), []);
    });
  });

  describe('prepareRename', () => {
    it('gives the mention range and the full name as placeholder', () => {
      const { doc, position } = fixture(
        SEED.replace('Mattias sammanfattar', 'Matt|ias sammanfattar'),
      );
      const answer = service.prepareRename(doc, position);
      assert.ok(!('error' in answer));
      assert.equal(covered(SEED, answer.range), 'Mattias');
      assert.equal(answer.placeholder, 'Mattias Gustafsson');
    });

    it('explains that there is no person at a word that is not a name', () => {
      const { doc, position } = fixture(SEED.replace('sammanfattar', 'samman|fattar'));
      const answer = service.prepareRename(doc, position);
      assert.ok('error' in answer);
      assert.match(answer.error, /inget namn på en person/);
      const english = service.prepareRename(doc, position, { ...DEFAULT_CONFIG, locale: 'en' });
      assert.ok('error' in english);
      assert.match(english.error, /no name of a person/);
    });

    it('refuses a first name two attendees share, naming them', () => {
      const doc = document(TEAM);
      const answer = service.prepareRename(doc, positionOf(TEAM, 'Eva håller', 1));
      assert.ok('error' in answer);
      assert.match(answer.error, /Eva Lund, Eva Karlsson/);
    });

    it('refuses a signer who is not in the attendance list', () => {
      const text = SEED.replace('Sekreterare: Hannes Berggren', 'Sekreterare: Hans Berg');
      const answer = service.prepareRename(document(text), positionOf(text, 'Hans Berg', 1));
      assert.ok('error' in answer);
      assert.match(answer.error, /Hans Berg står inte under Närvarande/);
    });
  });

  describe('rename', () => {
    it('renames full names in full and first-name mentions by first name', () => {
      const doc = document(SEED);
      const edit = service.rename(doc, positionOf(SEED, 'Mattias sammanfattar', 1), 'Mats Lind');
      assert.ok(!('error' in edit));
      const renamed = apply(SEED, edit);
      assert.match(renamed, /- Mats Lind, Tibro kommun \(ordförande\)/);
      assert.match(renamed, /^Mats sammanfattar\./m);
      assert.match(renamed, /Mats önskar god jul/);
      assert.match(renamed, /^Ordförande: Mats Lind$/m);
      assert.doesNotMatch(renamed, /Mattias/);
    });

    it('renames owners, elections and genitives, keeping the s', () => {
      const doc = document(TEAM);
      const edit = service.rename(doc, positionOf(TEAM, 'Per Berg', 1), 'Pål Holm');
      assert.ok(!('error' in edit));
      const renamed = apply(TEAM, edit);
      assert.match(renamed, /^Pål Holm$/m);
      assert.match(renamed, /Påls förslag och Pål Holms kalkyl/);
      assert.match(renamed, /Åtgärd: Pål skickar ut budgeten\. @Pål, 2024-06-01/);
      assert.match(renamed, /^Justerare: Pål Holm$/m);
    });

    it('writes the full new name where the new first name would be shared', () => {
      const doc = document(TEAM);
      const edit = service.rename(doc, positionOf(TEAM, 'Per Berg', 1), 'Anna Berg');
      assert.ok(!('error' in edit));
      assert.match(apply(TEAM, edit), /Anna Berg skickar ut budgeten\. @Anna Berg, 2024-06-01/);
    });

    it('refuses a new name with characters that mean something in minutes', () => {
      const doc = document(TEAM);
      const position = positionOf(TEAM, 'Per Berg', 1);
      for (const bad of ['Per, Berg', 'Per (Berg)', '@Per', 'Per: Berg']) {
        const answer = service.rename(doc, position, bad);
        assert.ok('error' in answer, bad);
      }
      const empty = service.rename(doc, position, '   ', { ...DEFAULT_CONFIG, locale: 'en' });
      assert.ok('error' in empty);
      assert.match(empty.error, /new name is empty/);
    });

    it('refuses to rename where there is no person', () => {
      const doc = document(TEAM);
      const answer = service.rename(doc, positionOf(TEAM, 'Budget', 1), 'X Y');
      assert.ok('error' in answer);
    });
  });
});
