import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  rangeContainsRange,
  DEFAULT_CONFIG,
  type DocumentSymbol,
} from '../../../server/src/language/index';
import { document, SEED } from '../fixture';

const service = createProtokollService();

const contains = rangeContainsRange;

/** Every symbol, depth first, with the check LSP clients rely on. */
function assertWellFormed(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.notEqual(symbol.name.trim(), '', 'a symbol needs a name');
    assert.ok(
      contains(symbol.range, symbol.selectionRange),
      `${symbol.name}: the range must contain the selection range`,
    );
    if (parent)
      assert.ok(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
    assertWellFormed(symbol.children ?? [], symbol);
  }
}

const ENGLISH = `# Board meeting
Date: 2024-03-05
Present:
- Anna Ek, Hjo (chair)
§ 1 Opening
Decision: Opened.
Action: Book a room. @Anna Ek, 2024-03-10
Chair: Anna Ek
`;

const BROKEN = `// Utkast
Datum: 2024-05-14
# Titel efter datum
Närvarande:
-
- , Hjo
§ 3
Beslut:
Åtgärd:
Nästa möte:
§
Ordförande:
Justerare: ,
`;

describe('document symbols', () => {
  it('has the title as root with header, sections, items and signatures as children', () => {
    const [root, ...rest] = service.getDocumentSymbols(document(SEED));
    assert.equal(rest.length, 0);
    assert.equal(root.name, 'SIKTnätverket');
    assert.deepEqual(
      root.children?.map((c) => c.name),
      [
        'Datum',
        'Tid',
        'Plats',
        'Närvarande',
        'Frånvarande',
        '§ 1 Utse sekreterare',
        '§ 2 Presentation Vara kommun och Levene skola',
        '§ 3 Föregående protokoll',
        '§ 4 IKT Styrkedja och Stödkedja',
        '§ 5 Nästa möte',
        '§ 6 Övrigt',
        'Underskrifter',
      ],
    );
  });

  it('lists the attendees under Närvarande with organisation and role', () => {
    const [root] = service.getDocumentSymbols(document(SEED));
    const present = root.children!.find((c) => c.name === 'Närvarande')!;
    assert.equal(present.detail, '6 personer');
    assert.equal(present.children?.length, 6);
    const chair = present.children![1];
    assert.equal(chair.name, 'Mattias Gustafsson');
    assert.equal(chair.detail, 'Tibro kommun, ordförande');
  });

  it('gives an item its next meeting and actions as children', () => {
    const [root] = service.getDocumentSymbols(document(SEED));
    const item = root.children!.find((c) => c.name === '§ 5 Nästa möte')!;
    assert.deepEqual(
      item.children?.map((c) => [c.name, c.detail]),
      [
        ['Nästa möte: 2019-02-01', 'Gullstensskolan, Gullspång'],
        ['Åtgärd: Ulf planerar förmiddagen med hjälp av Magnus.', '@Ulf Andersson, 2019-01-15'],
      ],
    );
  });

  it('gives an item its decisions as children, in the document language', () => {
    const [root] = service.getDocumentSymbols(document(ENGLISH), {
      ...DEFAULT_CONFIG,
      locale: 'en',
    });
    const item = root.children!.find((c) => c.name === '§ 1 Opening')!;
    assert.deepEqual(
      item.children?.map((c) => c.name),
      ['Decision: Opened.', 'Action: Book a room.'],
    );
    assert.ok(root.children!.some((c) => c.name === 'Signatures'));
  });

  it('keeps every selection range and child inside its symbol', () => {
    for (const text of [SEED, ENGLISH, BROKEN, SEED.replace(/\n/g, '\r\n')]) {
      assertWellFormed(service.getDocumentSymbols(document(text)));
    }
  });

  it('lists the parts at top level when the title is missing', () => {
    const symbols = service.getDocumentSymbols(document('Datum: 2024-05-14\n§ 1 Öppnande\n'));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Datum', '§ 1 Öppnande'],
    );
  });
});
