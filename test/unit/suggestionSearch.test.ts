import * as assert from 'node:assert/strict';
import { seeded } from '../../scripts/fuzz/shapes';
import {
  closelyRankedMunicipalities,
  foldDiacritics,
  MUNICIPALITIES,
  nearestMunicipalitiesBoth,
  rankMunicipalities,
  type Municipality,
} from '../../server/src/language/municipalities/index.js';
import {
  editDistance,
  editDistanceFrom,
  prefixEditDistance,
  prefixEditDistanceLowerBound,
} from '../../server/src/language/text.js';

/*
 * The fast suggestion search (issue 12) against plain definitions: the bit-parallel distance
 * against the alignment table, the prefix index against the full ranking, the one-pass nearest
 * lists against a brute force over all 290 names.
 */

// Seeded: the same strings on every run.
const random = seeded(12);
const pick = (s: string) => s[Math.floor(random() * s.length)];
const word = (alphabet: string, max: number) => {
  let s = '';
  for (let n = Math.floor(random() * max); n > 0; n--) s += pick(alphabet);
  return s;
};

// Misspellings of real names: up to three random insertions, deletions, substitutions, swaps.
function misspell(name: string): string {
  let s = name;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const i = Math.floor(random() * (s.length + 1));
    const c = pick('abcdefghijklmnopqrstuvwxyzåäö -');
    const op = Math.floor(random() * 4);
    if (op === 0) s = s.slice(0, i) + c + s.slice(i);
    else if (op === 1) s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 2) s = s.slice(0, i) + c + s.slice(i + 1);
    else s = s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
  }
  return s;
}

const QUERIES = [
  ...MUNICIPALITIES.flatMap((m) => [m.name, m.official, misspell(m.name), misspell(m.legal)]),
  ...MUNICIPALITIES.map((m) => misspell(m.name).slice(0, 2 + Math.floor(random() * 6))),
  ...Array.from({ length: 300 }, () => word('abcdefghijklmnopqrstuvwxyzåäö -', 30)),
  ...Array.from({ length: 100 }, (_, i) => `Orten${i}by`),
  'Gullspångsbygden '.repeat(100),
  '',
  'Region Skåne',
  'Tidaholms',
];

describe('suggestion search', () => {
  it('computes the bit-parallel distance of the alignment table, transpositions included', () => {
    for (let i = 0; i < 20_000; i++) {
      const alphabet = ['ab', 'abc', 'abcdefgh', 'aåä é\u0301'][i % 4];
      const a = word(alphabet, i % 7 === 0 ? 34 : 12);
      const b = word(alphabet, i % 5 === 0 ? 70 : 14);
      assert.equal(editDistanceFrom(a)(b), editDistance(a, b), `${a} / ${b}`);
    }
  });

  it('bounds the prefix distance from below without an alignment table', () => {
    for (let i = 0; i < 20_000; i++) {
      const a = word('abcd', 10);
      const b = word('abcd', 14);
      for (const limit of [1, 2]) {
        if (prefixEditDistanceLowerBound(a, b, limit) > limit)
          assert.ok(prefixEditDistance(a, b, limit) > limit, `${a} / ${b} within ${limit}`);
      }
    }
  });

  it('finds through the prefix index exactly the close tiers of the full ranking', () => {
    for (const q of QUERIES) {
      const full = rankMunicipalities(q)
        .filter((r) => r.score >= 30)
        .slice(0, 3)
        .map((r) => r.municipality.name);
      const fast = closelyRankedMunicipalities(q).map((m) => m.name);
      assert.deepEqual(fast, full, q.slice(0, 80));
    }
    assert.deepEqual(
      closelyRankedMunicipalities('Gullspang').map((m) => m.name),
      ['Gullspång'],
    );
  });

  it('gives the nearest names of a brute force over all 290, within the bound and without', () => {
    const variantsOf = (q: string) => {
      const key = foldDiacritics(q.slice(0, 64)).replace(/\s*-\s*/g, ' ');
      const out = new Set([key, key.replace(/^region /, '')]);
      const base = /^(.*[^\s-])[\s-]*(?:kommun|stad)s?$/.exec(key.replace(/^region /, ''))?.[1];
      if (base) out.add(base);
      for (const v of [...out]) if (v.length > 2 && v.endsWith('s')) out.add(v.slice(0, -1));
      return [...out].filter((v) => v.length > 0);
    };
    const collator = new Intl.Collator('sv');
    const alphabetical = [...MUNICIPALITIES].sort((a, b) => collator.compare(a.name, b.name));
    const foldedNames = new Map<Municipality, string>(
      alphabetical.map((m) => [m, foldDiacritics(m.name).replace(/\s*-\s*/g, ' ')]),
    );
    const folded = (m: Municipality) => foldedNames.get(m)!;
    for (const q of QUERIES.filter((_, i) => i % 8 === 0)) {
      const scored = alphabetical.map((m, order) => {
        let regardless = Infinity;
        let within = Infinity;
        for (const v of variantsOf(q)) {
          const d = editDistance(v, folded(m));
          regardless = Math.min(regardless, d);
          if (d <= Math.max(2, Math.floor(Math.max(v.length, folded(m).length) / 3)))
            within = Math.min(within, d);
        }
        return { m, order, regardless, within };
      });
      const top = (key: 'regardless' | 'within') =>
        scored
          .filter((s) => s[key] !== Infinity)
          .sort((a, b) => a[key] - b[key] || a.order - b.order)
          .slice(0, 3)
          .map((s) => s.m.name);
      const both = nearestMunicipalitiesBoth(q);
      assert.deepEqual(
        both.withinBound.map((m) => m.name),
        top('within'),
        q.slice(0, 80),
      );
      assert.deepEqual(
        both.regardless.map((m) => m.name),
        top('regardless'),
        q.slice(0, 80),
      );
    }
  });
});
