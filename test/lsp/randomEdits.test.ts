// A randomised typing session over incremental sync: whatever happens in between, the diagnostics
// last pushed for the document equal those of a fresh open of its final text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  Diagnostic,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { seeded } from '../../scripts/fuzz/shapes';
import { LspClient, repoRoot } from './client';

const seedText = fs.readFileSync(
  path.join(repoRoot, 'examples', 'sikt', 'sikt-2018-12-14.protokoll'),
  'utf8',
);

const CHARACTERS = 'aåäöeÖ §:,-()@1234567890\n';
const LINES = [
  '- Anna Ek, Hjo',
  '- Per Berg, Tidaholm kommun (justerare)',
  '- Mariestad',
  '§ 7 Ny punkt',
  '§ 3 a Tillagd punkt',
  '§',
  'Beslut: Förslaget antas.',
  'Beslt: stavfel',
  'Åtgärd: Följ upp. @Ulf, 2019-02-30',
  'Nästa möte: 2018-12-01',
  'Justerare: Anna Ek',
  'Justerat: 14 december 2018',
  'Datum: 2018-13-01',
  'Närvarande:',
  '// en kommentar',
  '',
];

/** One random change against the current text of `doc`. */
function randomChange(doc: TextDocument, random: () => number): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const offset = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.35) {
    const count = 1 + Math.floor(random() * 3);
    let inserted = '';
    for (let i = 0; i < count; i++) inserted += pick([...CHARACTERS]);
    const at = doc.positionAt(offset);
    return { range: { start: at, end: at }, text: inserted };
  }
  if (roll < 0.65) {
    const end = Math.min(text.length, offset + 1 + Math.floor(random() * 5));
    return { range: { start: doc.positionAt(offset), end: doc.positionAt(end) }, text: '' };
  }
  const line = Math.floor(random() * doc.lineCount);
  const start = { line, character: 0 };
  if (roll < 0.85) return { range: { start, end: start }, text: pick(LINES) + '\n' };
  // Delete a whole line (with its line break when there is a next line).
  const end =
    line + 1 < doc.lineCount ? { line: line + 1, character: 0 } : doc.positionAt(text.length);
  return { range: { start, end }, text: '' };
}

/** A diagnostic without what legitimately differs between two documents: URI and version. */
function comparable(diagnostics: Diagnostic[], uri: string): unknown[] {
  return diagnostics.map((d) => ({
    ...d,
    data: { ...(d.data as object), version: undefined },
    relatedInformation: d.relatedInformation?.map((r) => ({
      ...r,
      location: { ...r.location, uri: r.location.uri === uri ? '<self>' : r.location.uri },
    })),
  }));
}

describe('language server over stdio: randomised incremental edits', function () {
  this.timeout(60_000);

  for (const { seed, delay } of [
    { seed: 20181214, delay: 0 },
    { seed: 42, delay: 5 },
    { seed: 7, delay: 250 },
  ]) {
    it(`ends with the diagnostics of a fresh open (seed ${seed}, ${delay} ms delay)`, async () => {
      const client = await LspClient.start({ settings: { diagnosticsDelay: delay } });
      try {
        // The same seed gives the same session.
        const random = seeded(seed);
        const uri = 'untitled:Edited';
        let mirror = TextDocument.create(uri, 'protokoll', 1, seedText);
        await client.open(uri, seedText);
        let sent = 0;
        while (sent < 200) {
          // Mostly one change per message, sometimes several applied in order.
          const count = random() < 0.2 ? 2 + Math.floor(random() * 2) : 1;
          const changes: TextDocumentContentChangeEvent[] = [];
          for (let i = 0; i < count; i++) {
            const change = randomChange(mirror, random);
            changes.push(change);
            mirror = TextDocument.update(mirror, [change], mirror.version);
          }
          sent += count;
          const version = await client.change(uri, changes);
          mirror = TextDocument.update(mirror, [], version);
          // Now and then let a check finish mid-session, so later ones race with typing.
          if (random() < 0.05) await client.diagnosticsForVersion(uri, version);
        }
        const finalVersion = mirror.version;
        const last = await client.diagnosticsForVersion(uri, finalVersion);

        const freshUri = 'untitled:Fresh';
        await client.open(freshUri, mirror.getText());
        const fresh = await client.diagnosticsForVersion(freshUri, 1);
        assert.deepEqual(
          comparable(last.diagnostics, uri),
          comparable(fresh.diagnostics, freshUri),
        );

        const versions = (client.published.get(uri) ?? []).map((p) => p.version ?? -1);
        for (let i = 1; i < versions.length; i++)
          assert.ok(
            versions[i] > versions[i - 1],
            `published versions ascend: ${versions.join(',')}`,
          );
        assert.equal(versions[versions.length - 1], finalVersion);
        assert.ok(client.alive);
      } finally {
        await client.stop();
      }
    });
  }
});
