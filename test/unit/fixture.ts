import {
  createTextDocument,
  type Position,
  type ProtokollTextDocument,
} from '../../server/src/language/index';

/**
 * Reads a test fixture with a `|` cursor marker: the document without the marker and the
 * position where it stood. Throws when the fixture has no marker or more than one.
 */
export function fixture(
  source: string,
  uri = 'file:///test/fixture.protokoll',
): { doc: ProtokollTextDocument; position: Position; text: string } {
  const marker = source.indexOf('|');
  if (marker < 0 || source.indexOf('|', marker + 1) >= 0) {
    throw new Error('A fixture needs exactly one | cursor marker.');
  }
  const text = source.slice(0, marker) + source.slice(marker + 1);
  const before = source.slice(0, marker);
  const line = before.split('\n').length - 1;
  const character = marker - (before.lastIndexOf('\n') + 1);
  return { doc: createTextDocument(uri, text), position: { line, character }, text };
}

/** An in-memory document without a cursor. */
export function document(
  text: string,
  uri = 'file:///test/fixture.protokoll',
): ProtokollTextDocument {
  return createTextDocument(uri, text);
}

/** The position of the `occurrence`-th (0-based) `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times.`);
  }
  const before = text.slice(0, index + offset);
  return {
    line: before.split('\n').length - 1,
    character: before.length - (before.lastIndexOf('\n') + 1),
  };
}

/** The seed minutes (SIKT network, 2018-12-14) as the examples hold them, abridged. */
export const SEED = `# SIKTnätverket
Datum: 2018-12-14
Tid: 09:00-12:00
Plats: Levene skola, Vara

Närvarande:
- Ulf Andersson, Gullspångs kommun
- Mattias Gustafsson, Tibro kommun (ordförande)
- Britt Andersson, Grästorps kommun
- Thomas Hansson, Vara kommun
- Hannes Berggren, Vara kommun
- Eva Karlsson, Tidaholm kommun

Frånvarande:
- Falköpings kommun
- Kommunalförbundet

§ 1 Utse sekreterare
Britt Andersson

§ 2 Presentation Vara kommun och Levene skola
Hannes hälsar välkommen och presenterar Vara kommun och IKT-strategi.

§ 3 Föregående protokoll
Mattias sammanfattar. Inget att tillägga.

§ 4 IKT Styrkedja och Stödkedja
Laget runt i deltagande kommuner.
- Hjo: Sluta leasa? Räknar på köp istället.
- Tidaholm: Eva 25 % som samordnare.

§ 5 Nästa möte
Nästa möte: 2019-02-01, Gullstensskolan, Gullspång
Åtgärd: Ulf planerar förmiddagen med hjälp av Magnus. @Ulf Andersson, 2019-01-15

§ 6 Övrigt
Inga övriga frågor. Mattias önskar god jul och tack för i år!

Ordförande: Mattias Gustafsson
Sekreterare: Hannes Berggren
`;
