import * as assert from 'node:assert/strict';
import { createTextDocument, mergeConfig } from '../../../server/src/language';
import { applyEdits, service } from './helpers';

function minutes(date: string, first: number, count: number, title = 'Direktionen'): string {
  const items = Array.from({ length: count }, (_, i) => `§ ${first + i} Punkt ${i + 1}\nText.\n`);
  return `# ${title}\nDatum: ${date}\n\n${items.join('\n')}`;
}

function series(texts: Record<string, string>, config = mergeConfig({})) {
  const docs = Object.entries(texts).map(([name, text]) => ({
    doc: createTextDocument(`file:///series/${name}`, text),
    config,
  }));
  return service.getSeriesDiagnostics(docs);
}

describe('numbering across the minutes of a year', () => {
  it('accepts a meeting that continues from the previous one', () => {
    assert.equal(
      series({
        'a.protokoll': minutes('2024-03-01', 40, 5),
        'b.protokoll': minutes('2024-04-01', 45, 3),
      }).size,
      0,
    );
  });

  it('reports a gap on the first number, naming the previous file, and renumbers', () => {
    const later = minutes('2024-04-01', 47, 3);
    const found = series({ 'b.protokoll': later, 'a.protokoll': minutes('2024-03-01', 40, 5) });
    const [d] = found.get('file:///series/b.protokoll')!;
    assert.equal(d.code, 'numbering/gap');
    assert.equal(d.range.start.line, 3);
    assert.match(
      d.message,
      /a\.protokoll \(2024-03-01\) slutade med § 44, så detta möte börjar med § 45, inte § 47/,
    );
    assert.match(applyEdits(later, d.fixes![0].edits), /§ 45 Punkt 1\n[\s\S]*§ 47 Punkt 3/);
  });

  it('reports numbers used again by the next meeting as duplicates', () => {
    const found = series({
      'a.protokoll': minutes('2024-03-01', 40, 5),
      'b.protokoll': minutes('2024-04-01', 43, 2),
    });
    assert.equal(found.get('file:///series/b.protokoll')![0].code, 'numbering/duplicate');
  });

  it('leaves bodies that start again at § 1, other bodies and other years alone', () => {
    assert.equal(
      series({
        'a.protokoll': minutes('2024-03-01', 1, 5),
        'b.protokoll': minutes('2024-04-01', 1, 3),
      }).size,
      0,
    );
    assert.equal(
      series({
        'a.protokoll': minutes('2024-03-01', 40, 5),
        'b.protokoll': minutes('2024-04-01', 60, 3, 'Styrelsen'),
      }).size,
      0,
    );
    assert.equal(
      series({
        'a.protokoll': minutes('2023-12-01', 40, 5),
        'b.protokoll': minutes('2024-01-15', 60, 3),
      }).size,
      0,
    );
  });

  it('follows the configured severity and locale', () => {
    const texts = {
      'a.protokoll': minutes('2024-03-01', 40, 5),
      'b.protokoll': minutes('2024-04-01', 47, 3),
    };
    const [d] = series(
      texts,
      mergeConfig({ locale: 'en', severity: { 'numbering/gap': 'warning' } }),
    ).get('file:///series/b.protokoll')!;
    assert.equal(d.severity, 2);
    assert.match(d.message, /Numbering continues from the previous meeting/);
    assert.equal(series(texts, mergeConfig({ severity: { 'numbering/gap': 'off' } })).size, 1);
  });
});
