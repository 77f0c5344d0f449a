import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  TextDocument,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';
import { lazyTextDocuments } from '../../server/src/common/lazyTextDocument';
import type { ProtokollTextDocument } from '../../server/src/language';

type LazyDocument = TextDocument & Required<Pick<ProtokollTextDocument, 'changesSince'>>;

// The server's lazily joined documents must answer exactly as vscode-languageserver-textdocument's
// after any sequence of changes: text, line count, offsets and positions, ranges read back.

const ALPHABET = ['a', 'b', 'ö', ' ', '\n', '\r', '\r\n', '§', '😀', '\n\n'];
const textArbitrary = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 12 })
  .map((parts) => parts.join(''));
const positionArbitrary = fc.record({
  line: fc.integer({ min: -1, max: 12 }),
  character: fc.integer({ min: -1, max: 14 }),
});
/**
 * A change as editors send them: a range inside the text (from two fractions of its length,
 * either way round) and its new text; sometimes the whole text.
 */
const changeArbitrary = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      from: fc.integer({ min: 0, max: 1000 }),
      to: fc.integer({ min: 0, max: 1000 }),
      text: textArbitrary,
    }),
  },
  { weight: 1, arbitrary: fc.record({ text: textArbitrary }) },
);
type ChangeSpec = { from?: number; to?: number; text: string };

function changeOf(spec: ChangeSpec, document: TextDocument): TextDocumentContentChangeEvent {
  if (spec.from === undefined || spec.to === undefined) return { text: spec.text };
  const length = document.getText().length;
  const at = (fraction: number) => document.positionAt(Math.round((fraction / 1000) * length));
  return { range: { start: at(spec.from), end: at(spec.to) }, text: spec.text };
}

function sameAnswers(
  actual: TextDocument,
  expected: TextDocument,
  probes: readonly Position[],
  offsets: readonly number[],
): void {
  assert.equal(actual.getText(), expected.getText());
  assert.equal(actual.lineCount, expected.lineCount);
  assert.equal(actual.version, expected.version);
  for (const probe of probes) {
    assert.equal(
      actual.offsetAt(probe),
      expected.offsetAt(probe),
      `offsetAt ${JSON.stringify(probe)}`,
    );
    const range = { start: probe, end: { line: probe.line + 1, character: 0 } };
    assert.equal(actual.getText(range), expected.getText(range));
  }
  for (const offset of offsets)
    assert.deepEqual(
      actual.positionAt(offset),
      expected.positionAt(offset),
      `positionAt ${offset}`,
    );
}

describe('the server’s lazily joined text documents', () => {
  it('answer as vscode-languageserver-textdocument after any changes', () => {
    let told = 0;
    fc.assert(
      fc.property(
        textArbitrary,
        fc.array(fc.array(changeArbitrary, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        fc.array(positionArbitrary, { maxLength: 6 }),
        fc.array(fc.integer({ min: -2, max: 60 }), { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        (initial, batches, probes, offsets, readBetween) => {
          const expected = TextDocument.create('file:///a.protokoll', 'protokoll', 1, initial);
          let actual = lazyTextDocuments.create('file:///a.protokoll', 'protokoll', 1, initial);
          let lastRead = initial;
          const changeSinceLastRead = () => {
            const change = (actual as LazyDocument).changesSince(lastRead);
            // Undefined when the text was joined since (a change that made line ends meet).
            if (!change) return;
            told++;
            const now = expected.getText();
            assert.ok(change.prefix + change.suffix <= Math.min(lastRead.length, now.length));
            assert.equal(
              lastRead.slice(0, change.prefix) +
                change.middle +
                lastRead.slice(lastRead.length - change.suffix),
              now,
            );
            assert.equal((actual as LazyDocument).changesSince(`${lastRead}-`), undefined);
          };
          batches.forEach((specs, i) => {
            // Each change of a batch applies to the text the one before it left.
            const changes: TextDocumentContentChangeEvent[] = [];
            const scratch = TextDocument.create('file:///b', 'protokoll', 0, expected.getText());
            for (const spec of specs) {
              const change = changeOf(spec, scratch);
              changes.push(change);
              TextDocument.update(scratch, [change], 0);
            }
            TextDocument.update(expected, changes, i + 2);
            actual = lazyTextDocuments.update(actual, changes, i + 2);
            changeSinceLastRead();
            // Reading joins the pieces; not reading lets them pile up across changes.
            if (readBetween[i]) {
              sameAnswers(actual, expected, probes, offsets);
              lastRead = expected.getText();
            }
          });
          changeSinceLastRead();
          sameAnswers(actual, expected, probes, offsets);
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(told > 3000, `the change since the text last read was told only ${told} times`);
  });

  it('tells the change since the text last read without joining the text', () => {
    const text = 'Förvaltningen föreslår.\n'.repeat(50);
    const document = lazyTextDocuments.create('file:///a.protokoll', 'protokoll', 1, text);
    assert.equal(document.getText(), text);
    let version = 1;
    for (const line of [10, 10, 30, 11]) {
      const at = { line, character: 5 };
      lazyTextDocuments.update(document, [{ range: { start: at, end: at }, text: 'x' }], ++version);
    }
    const change = (document as LazyDocument).changesSince(text)!;
    assert.equal(change.prefix, 10 * 24 + 5);
    assert.equal(change.suffix, text.length - (30 * 24 + 5));
    assert.equal(change.middle.length, 20 * 24 + 4);
    assert.equal((document as LazyDocument).changesSince(document.getText())?.middle, '');
  });

  it('joins its pieces once they pile up, and keeps answering the same', () => {
    const expected = TextDocument.create('file:///a.protokoll', 'protokoll', 1, 'rad\n'.repeat(50));
    let actual = lazyTextDocuments.create(
      'file:///a.protokoll',
      'protokoll',
      1,
      'rad\n'.repeat(50),
    );
    for (let i = 0; i < 1000; i++) {
      const line = (i * 7) % 50;
      const changes = [
        { range: { start: { line, character: 1 }, end: { line, character: 1 } }, text: 'x' },
      ];
      TextDocument.update(expected, changes, i + 2);
      actual = lazyTextDocuments.update(actual, changes, i + 2);
      assert.equal(
        actual.offsetAt({ line: 49, character: 2 }),
        expected.offsetAt({ line: 49, character: 2 }),
      );
    }
    assert.equal(actual.getText(), expected.getText());
  });

  it('refuses to update a document it did not make', () => {
    const other = TextDocument.create('file:///a.protokoll', 'protokoll', 1, '');
    assert.throws(() => lazyTextDocuments.update(other, [{ text: 'x' }], 2), /not made by/);
  });
});
