import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  type Position,
  type ProtokollTextDocument,
} from '../../../server/src/language/index';
import { SEED } from '../fixture';

/** A document of about `lines` lines: the seed's header, then items like a year of meetings. */
function minutes(lines: number): string {
  const out = SEED.slice(0, SEED.indexOf('§ 1')).split('\n');
  for (let n = 1; out.length < lines; n++) {
    out.push(
      `§ ${n} Uppföljning av IKT-planen`,
      'Mattias sammanfattar läget och Britt Andersson antecknar.',
      '- Hjo: Sluta leasa? Räknar på köp istället.',
      '- Vara: Hannes berättar om *planen*.',
      'Beslut: Förslaget godkänns.',
      'Åtgärd: Ulf tar fram underlag. @Ulf Andersson, 2019-01-15',
      '',
    );
  }
  out.push('Ordförande: Mattias Gustafsson', 'Justerat: 2018-12-20', 'Anslaget: 2018-12-21');
  return out.join('\n');
}

function milliseconds(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The fastest of a few runs: the machine's load only ever adds time. */
function fastest(work: () => unknown, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, milliseconds(work));
  return best;
}

interface Probe {
  readonly name: string;
  run(doc: ProtokollTextDocument): unknown;
}

/** Requests at the end of the document, where a secretary types. */
function probes(text: string): Probe[] {
  const lines = text.split('\n');
  const last = (prefix: string): number => {
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i].startsWith(prefix)) return i;
    throw new Error(`no line starts with ${prefix}`);
  };
  const action = last('Åtgärd:');
  const owner: Position = { line: action, character: lines[action].indexOf('@') + 1 };
  const roundTable: Position = { line: last('- Hjo'), character: 4 };
  const mention: Position = { line: last('Mattias sammanfattar'), character: 3 };
  const posted: Position = { line: last('Anslaget:'), character: 12 };
  const service = createProtokollService();
  const requests: Probe[] = [
    { name: 'completion after @', run: (doc) => service.getCompletions(doc, owner) },
    {
      name: 'completion at a round-table bullet',
      run: (doc) => service.getCompletions(doc, roundTable),
    },
    {
      name: 'completion at line start',
      run: (doc) => service.getCompletions(doc, { line: action + 1, character: 0 }),
    },
    { name: 'hover on a date', run: (doc) => service.getHover(doc, posted) },
    { name: 'hover on an organisation', run: (doc) => service.getHover(doc, roundTable) },
    { name: 'hover on a first-name mention', run: (doc) => service.getHover(doc, mention) },
  ];
  return requests.map((probe) => ({
    name: probe.name,
    run: (doc) => {
      service.parse(doc);
      return probe.run(doc);
    },
  }));
}

describe('performance on large documents', function () {
  this.timeout(60_000);

  const big = minutes(25_000);
  const small = minutes(2_500);

  it('answers completion and hover on a 25,000-line document in milliseconds, from the cached parse', () => {
    const doc = createTextDocument('file:///big.protokoll', big);
    const service = createProtokollService();
    const parse = milliseconds(() => service.parse(doc));
    const parsed = service.parse(doc);
    for (const probe of probes(big)) {
      probe.run(doc);
      const time = fastest(() => probe.run(doc));
      assert.ok(time < 20, `${probe.name}: ${time.toFixed(2)} ms (parse ${parse.toFixed(0)} ms)`);
    }
    assert.equal(service.parse(doc), parsed, 'the parse is reused, not repeated');
  });

  it('costs about the same per request at 25,000 lines as at 2,500 lines', () => {
    const bigDoc = createTextDocument('file:///big.protokoll', big);
    const smallDoc = createTextDocument('file:///small.protokoll', small);
    const bigProbes = probes(big);
    const smallProbes = probes(small);
    bigProbes.forEach((probe, i) => {
      probe.run(bigDoc);
      smallProbes[i].run(smallDoc);
      const large = fastest(() => probe.run(bigDoc));
      const little = fastest(() => smallProbes[i].run(smallDoc));
      // Ten times the text; a linear scan per request would cost ten times as much.
      assert.ok(
        large < 3 * little + 1,
        `${probe.name}: ${large.toFixed(3)} ms at 25,000 lines, ${little.toFixed(3)} ms at 2,500`,
      );
    });
  });

  it('finds every mention of a person in a 25,000-line document faster than parsing it', () => {
    const doc = createTextDocument('file:///big.protokoll', big);
    const service = createProtokollService();
    const parse = milliseconds(() => service.parse(doc));
    const lines = big.split('\n');
    const position = {
      line: lines.indexOf('- Mattias Gustafsson, Tibro kommun (ordförande)'),
      character: 3,
    };
    let count = 0;
    const index = milliseconds(() => (count = service.getReferences(doc, position, true).length));
    // Attendance, one text mention per item, and the signature.
    const items = lines.filter((l) => l.startsWith('§ ')).length;
    assert.equal(count, items + 2);
    assert.ok(index < parse, `references ${index.toFixed(0)} ms, parse ${parse.toFixed(0)} ms`);
  });
});
