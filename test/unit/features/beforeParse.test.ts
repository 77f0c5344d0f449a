import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  type Position,
} from '../../../server/src/language/index';
import { fixture, SEED } from '../fixture';

// Completion and hover typed right after a change are answered from the latest parse plus the
// current line (`fromLatestParse`) when the edit lies outside the § item at the cursor. These
// tests hold that answer against the one a fresh parse of the new version gives, and check that
// the latest parse was really used (the service still holds it afterwards, unparsed over).

const URI = 'file:///test/beforeParse.protokoll';
const LATEST = { fromLatestParse: true };

/** The seed with an owner being typed in § 5's action line. */
const OWNER_TYPED = SEED.replace('@Ulf Andersson, 2019-01-15', '@|');

/** The version after `edit` of a fixture with a `|` cursor, and where the cursor is then. */
function edited(marked: string, edit: (text: string) => string): { text: string; at: Position } {
  const { text, position } = fixture(edit(marked), URI);
  return { text, at: position };
}

/**
 * Asks with the first version parsed and the second one not: the answer from the latest parse,
 * whether that parse was still the service's latest afterwards, and a fresh service's answer.
 */
function askBothWays<T>(
  first: string,
  second: string,
  ask: (
    service: ReturnType<typeof createProtokollService>,
    doc: ReturnType<typeof createTextDocument>,
    options: { fromLatestParse?: boolean },
  ) => T,
): { latest: T; fresh: T; answeredFromLatest: boolean } {
  const service = createProtokollService();
  const v1 = createTextDocument(URI, first, 1);
  const parsed = service.parse(v1);
  const latest = ask(service, createTextDocument(URI, second, 2), LATEST);
  // Had the new version been parsed, the first would be read again, not handed back as kept.
  const answeredFromLatest = service.parse(v1) === parsed;
  const fresh = ask(createProtokollService(), createTextDocument(URI, second, 2), {});
  return { latest, fresh, answeredFromLatest };
}

const complete =
  (at: Position) =>
  (
    service: ReturnType<typeof createProtokollService>,
    doc: ReturnType<typeof createTextDocument>,
    options: { fromLatestParse?: boolean },
  ) =>
    service.getCompletions(doc, at, undefined, options);

const hoverAt =
  (at: Position) =>
  (
    service: ReturnType<typeof createProtokollService>,
    doc: ReturnType<typeof createTextDocument>,
    options: { fromLatestParse?: boolean },
  ) =>
    service.getHover(doc, at, undefined, options);

/** Edits outside § 5, where the cursor is: the first version is the seed as it is. */
const EDITS_ELSEWHERE: readonly [string, (text: string) => string][] = [
  ['a character typed in § 3', (t) => t.replace('Inget att tillägga.', 'Inget att tillägga.x')],
  ['a line added in § 2', (t) => t.replace('IKT-strategi.\n', 'IKT-strategi.\nFler rader.\n')],
  [
    'three lines added in § 4 (a bullet and a blank line)',
    (t) => t.replace('samordnare.\n', 'samordnare.\n- Vara: Ny plan.\nMer text.\n\n'),
  ],
  ['a line removed in § 3', (t) => t.replace('Mattias sammanfattar. Inget att tillägga.\n', '')],
  ['a word changed in § 6 below', (t) => t.replace('Inga övriga frågor.', 'Inga frågor alls.')],
  [
    'a new § item added above',
    (t) => t.replace('§ 3 Föregående', '§ 7 Extra\nText.\n\n§ 3 Föregående'),
  ],
];

describe('completion and hover before the new version is parsed', () => {
  for (const [name, edit] of EDITS_ELSEWHERE) {
    it(`completion after ${name} equals a fresh parse's, from the latest parse`, () => {
      const first = fixture(OWNER_TYPED, URI);
      const second = edited(OWNER_TYPED, edit);
      const { latest, fresh, answeredFromLatest } = askBothWays(
        first.text,
        second.text,
        complete(second.at),
      );
      assert.ok(fresh.items.length > 0, 'the fixture offers owners');
      assert.deepEqual(latest, fresh);
      assert.ok(answeredFromLatest, 'answered from the latest parse');
    });
  }

  it('moves the ranges of the answer to the new lines (lines added above)', () => {
    const first = fixture(OWNER_TYPED, URI);
    const second = edited(OWNER_TYPED, (t) => t.replace('IKT-strategi.\n', 'IKT-strategi.\n\n\n'));
    const { latest } = askBothWays(first.text, second.text, complete(second.at));
    assert.equal(second.at.line, first.position.line + 2);
    for (const item of latest.items) assert.equal(item.textEdit?.range.start.line, second.at.line);
  });

  it('hover on a person after an edit elsewhere equals a fresh parse’s, moved to the new line', () => {
    const marked = SEED.replace('@Ulf Andersson, 2019-01-15', '@Ulf A|ndersson, 2019-01-15');
    const first = fixture(marked, URI);
    const second = edited(marked, (t) => t.replace('Inget att tillägga.', 'Inget.\nAtt tillägga.'));
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      hoverAt(second.at),
    );
    assert.ok(fresh, 'the fixture has a hover');
    assert.deepEqual(latest, fresh);
    assert.equal(latest?.range.start.line, second.at.line);
    assert.ok(answeredFromLatest);
  });

  it('parses the new version when the edit is in the cursor’s item', () => {
    const first = fixture(OWNER_TYPED, URI);
    // § 5's next-meeting line changes; the action line with the cursor does not.
    const second = edited(OWNER_TYPED, (t) =>
      t.replace('Gullstensskolan', 'Gullstensskolan, sal 2'),
    );
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.deepEqual(latest, fresh);
    assert.ok(!answeredFromLatest, 'the new version was parsed');
  });

  it('parses the new version when the edit is in the header, whose people every item names', () => {
    const first = fixture(OWNER_TYPED, URI);
    const second = edited(OWNER_TYPED, (t) =>
      t.replace('Gullspångs kommun\n', 'Gullspångs kommun\n- Eva Berg, Hjo\n'),
    );
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.ok(
      fresh.items.some((i) => i.label === 'Eva Berg'),
      fresh.items.map((i) => i.label).join(', '),
    );
    assert.deepEqual(latest, fresh);
    assert.ok(!answeredFromLatest, 'the new version was parsed');
  });

  it('parses the new version when edits above and below the cursor’s item come at once', () => {
    const first = fixture(OWNER_TYPED, URI);
    const second = edited(OWNER_TYPED, (t) =>
      t.replace('Hjo: Sluta', 'Hjo: Börja').replace('god jul', 'gott nytt år'),
    );
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.deepEqual(latest, fresh);
    assert.ok(!answeredFromLatest);
  });

  it('parses the new version when the § line that ends the cursor’s item changes', () => {
    const first = fixture(OWNER_TYPED, URI);
    const second = edited(OWNER_TYPED, (t) => t.replace('§ 6 Övrigt', 'Övrigt'));
    const { answeredFromLatest } = askBothWays(first.text, second.text, complete(second.at));
    assert.ok(!answeredFromLatest);
  });

  it('parses the new version when text is typed before the § of the cursor’s item', () => {
    // `xy§ 5 …` is no § line: § 5's lines join § 4, though only characters above them changed.
    const first = fixture(OWNER_TYPED, URI);
    const second = edited(OWNER_TYPED, (t) => t.replace('\n§ 5 Nästa', '\nxy§ 5 Nästa'));
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.deepEqual(latest, fresh);
    assert.ok(!answeredFromLatest);
  });

  it('answers from the new line when the cursor’s own line changed (typed right before)', () => {
    // Version 1 has `@` on a line that is not yet an action; version 2 made it one.
    const before = SEED.replace(
      'Åtgärd: Ulf planerar förmiddagen med hjälp av Magnus. @Ulf Andersson, 2019-01-15',
      'Ulf planerar förmiddagen. @',
    );
    const after = SEED.replace(
      'Åtgärd: Ulf planerar förmiddagen med hjälp av Magnus. @Ulf Andersson, 2019-01-15',
      'Åtgärd: Ulf planerar förmiddagen. @|',
    );
    const second = fixture(after, URI);
    const { latest, fresh } = askBothWays(before, second.text, complete(second.position));
    assert.ok(
      latest.items.some((i) => i.label === 'Ulf Andersson'),
      'owners offered',
    );
    assert.deepEqual(latest, fresh);
  });

  it('reads the header again: an edit elsewhere with the cursor in the header is parsed', () => {
    const marked = SEED.replace('- Eva Karlsson, Tidaholm kommun', '- Eva Karlsson, Tida|');
    const first = fixture(marked, URI);
    const second = edited(marked, (t) => t.replace('god jul', 'gott nytt år'));
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.deepEqual(latest, fresh);
    assert.ok(!answeredFromLatest);
  });

  it('keeps lines right with \\r\\n line breaks and an edit that turns \\r\\n into \\n', () => {
    const crlf = OWNER_TYPED.replace(/\n/g, '\r\n');
    const first = fixture(crlf, URI);
    const second = edited(crlf, (t) => t.replace('IKT-strategi.\r\n', 'IKT-strategi.\n\r\n'));
    const { latest, fresh, answeredFromLatest } = askBothWays(
      first.text,
      second.text,
      complete(second.at),
    );
    assert.ok(fresh.items.length > 0);
    assert.deepEqual(latest, fresh);
    assert.ok(answeredFromLatest);
  });
});
