/*
 * The documents of issue 12's table, as reported: each used to take seconds or run out of
 * memory in `protokoll check`. Regression tests (test/unit/hostile.test.ts) and the benchmark
 * (scripts/bench/hostile.ts) run them.
 */

const HEAD = ['# Möte', 'Datum: 2024-03-05', ''];
const TAIL = ['', 'Ordförande: Anna E0', 'Sekreterare: Anna E1', 'Justerare: Anna E2', ''];

/** One row of the table: a builder scaled by `scale` (1 = the size reported). */
export interface Reproduction {
  readonly what: string;
  build(scale?: number): string;
}

const KEYWORDS = [
  'Beslut',
  'Datum',
  'Närvarande',
  'Tjänstgörande ersättare',
  'Åtgärd',
  'Justerare',
];

export const REPRODUCTIONS: readonly Reproduction[] = [
  {
    what: '10,000 attendees sharing a first name, 2,000 actions owned by @Anna',
    build: (scale = 1) => {
      const out = [...HEAD, 'Närvarande:'];
      for (let i = 0; i < 10_000 * scale; i++) out.push(`- Anna E${i}, Hjo`);
      out.push('', '§ 1 Uppföljning');
      for (let i = 0; i < 2_000 * scale; i++) out.push(`Åtgärd: Punkt ${i}. @Anna`);
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    what: 'keyword-like lines with long runs of blanks before the colon',
    build: (scale = 1) => {
      const out = [...HEAD];
      for (let i = 0; i < 48 * scale; i++) {
        const [first, ...rest] = KEYWORDS[i % KEYWORDS.length].split(' ');
        const blanks = ' '.repeat(1000);
        out.push(`${first}${rest.map((w) => blanks + w).join('')}${blanks}:`);
        out.push(`${first}${blanks}x`);
      }
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    what: '4,000 unknown organisations',
    build: (scale = 1) => {
      const out = [...HEAD, 'Närvarande:'];
      for (let i = 0; i < 4_000 * scale; i++) out.push(`- Per Ek${i}, Orten${i}by`);
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    what: '20,000 round-table bullets with unknown places',
    build: (scale = 1) => {
      const out = [...HEAD, '§ 1 Laget runt'];
      for (let i = 0; i < 20_000 * scale; i++) out.push(`- Plats${i}: Inget nytt i kommunen.`);
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    what: 'one organisation name of 95 KB',
    build: (scale = 1) => {
      const name = 'Gullspångsbygdens förening '.repeat(Math.ceil((95_000 * scale) / 27));
      return [...HEAD, 'Närvarande:', `- Anna Ek, ${name}`, ...TAIL].join('\n');
    },
  },
  {
    what: '10,000 names in one Ja: line, 10,000 substitutes for one member, 5,000 jäv lines',
    build: (scale = 1) => {
      const n = Math.round(10_000 * scale);
      const out = [...HEAD, 'Beslutande:', '- Anna Ek (S)'];
      for (let i = 0; i < n; i++) out.push(`- Per E${i} (M)`);
      out.push('', 'Tjänstgörande ersättare:');
      for (let i = 0; i < n; i++) out.push(`- Eva E${i} (M), ersätter Anna Ek (S), § 1–3`);
      out.push('', 'Paragrafer: 1–3', '', '§ 1 Budget', 'Omröstning:');
      const names: string[] = [];
      for (let i = 0; i < n; i++) names.push(`Per E${i} (M)`);
      out.push(`Ja: ${names.join(', ')}`);
      for (let i = 0; i < n / 2; i++) out.push(`Jäv: Per E${i} (M) anmäler jäv.`);
      return [...out, ...TAIL].join('\n');
    },
  },
];

/**
 * "Fix all" (the editor's `source.fixAll.protokoll` and `protokoll check --fix`) on § lines
 * numbered out of order: one renumbering of thousands of edits, shared by every numbering
 * diagnostic; it used to take seconds at 64 KB (issue 12).
 */
export const FIX_ALL_REPRODUCTION: Reproduction = {
  what: 'fix all on 4,000 § lines',
  build: (scale = 1) => {
    const out = [...HEAD];
    const n = Math.round(4_000 * scale);
    for (let i = 0; i < n; i++) out.push(`§ ${((i * 7919) % n) + 1} Punkt ${i}`, '');
    return [...out, ...TAIL].join('\n');
  },
};
