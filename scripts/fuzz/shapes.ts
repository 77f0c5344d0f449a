/*
 * Adversarial shapes of `.protokoll` documents (issue 12): each builds a document of about
 * `bytes` bytes whose cost used to grow faster than its size, or that stresses one construct by
 * repetition, length or odd characters. Shared by `npm run fuzz`, the unit regression tests and
 * the `hostile` benchmark rows.
 */

/** One adversarial shape: a name and a builder of a document of about `bytes` bytes. */
export interface Shape {
  readonly name: string;
  /** What the shape stresses, for the report. */
  readonly about: string;
  build(bytes: number, random?: () => number): string;
}

const HEAD = ['# Hostile', 'Datum: 2024-03-05', 'Tid: 13:00-16:10', 'Plats: Kommunhuset, Hjo', ''];
const TAIL = ['', 'Ordförande: Anna E0', 'Sekreterare: Anna E1', 'Justerare: Anna E2', ''];

/** Repeats `line(i)` until the text reaches `bytes`. */
function fill(bytes: number, line: (i: number) => string, head = HEAD, tail = TAIL): string {
  const out = [...head];
  let size = out.reduce((s, l) => s + l.length + 1, 0);
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    out.push(l);
    size += l.length + 1;
  }
  return [...out, ...tail].join('\n');
}

/** A long string of `bytes` characters cycling through `alphabet`. */
function run(bytes: number, alphabet: string): string {
  return alphabet.repeat(Math.ceil(bytes / alphabet.length)).slice(0, bytes);
}

const BLANKS = ' \t\u00a0\u2000\u2003\u2009\u200b\u202f\u3000';

/** A seeded pseudo-random generator (mulberry32), so runs can be repeated from their seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYWORDS = [
  'Datum',
  'Tid',
  'Plats',
  'Organ',
  'Närvarande',
  'Frånvarande',
  'Beslutande',
  'Tjänstgörande ersättare',
  'Ersättare',
  'Övriga närvarande',
  'Utses att justera',
  'Justeringens plats och tid',
  'Paragrafer',
  'Beslut',
  'Åtgärd',
  'Nästa möte',
  'Beslutsunderlag',
  'Förslag till beslut',
  'Yrkanden',
  'Propositionsordning',
  'Omröstning',
  'Ja',
  'Nej',
  'Avstår',
  'Reservation',
  'Jäv',
  'Protokollsanteckning',
  'Beslutet skickas till',
  'Bilagor',
  'Ordförande',
  'Sekreterare',
  'Justerare',
  'Justerande',
  'Protokollförare',
  'Justerat',
  'Anslaget',
];

/** Every shape the fuzz harness and the regression tests run. */
export const SHAPES: readonly Shape[] = [
  {
    name: 'plain minutes',
    about: 'ordinary minutes (the calibration document)',
    build: (bytes) =>
      fill(bytes, (i) =>
        i % 4 === 0
          ? `§ ${i / 4 + 1} Ärende ${i}`
          : i % 4 === 1
            ? 'Förvaltningen redovisar läget och diskussion följer om budget.'
            : i % 4 === 2
              ? '- Hjo: Har påbörjat arbetet.'
              : 'Beslut: Informationen noteras.',
      ),
  },
  {
    name: 'shared first names + owners',
    about: 'many attendees sharing a first name and many actions owned by that first name',
    build: (bytes) => {
      const attendees = Math.max(10, Math.floor(bytes / 21 / 1.2));
      const actions = Math.max(2, Math.floor(attendees / 5));
      const out = [...HEAD, 'Närvarande:'];
      for (let i = 0; i < attendees; i++) out.push(`- Anna E${i}, Hjo`);
      out.push('', '§ 1 Uppföljning');
      for (let i = 0; i < actions; i++) out.push(`Åtgärd: Gör punkt ${i}. @Anna`);
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    name: 'keywords with blank runs',
    about: 'keyword-like lines with long runs of blanks before the colon',
    build: (bytes) => {
      const blanks = Math.max(10, Math.floor(Math.sqrt(bytes)));
      return fill(bytes, (i) => `${KEYWORDS[i % KEYWORDS.length]}${' '.repeat(blanks)}x`);
    },
  },
  {
    name: 'one blank run',
    about: 'one keyword followed by a single line of blanks as long as the document',
    build: (bytes) => [...HEAD, `Beslut${' '.repeat(bytes)}:`, ...TAIL].join('\n'),
  },
  {
    name: 'unknown organisations',
    about: 'many unknown organisations, each asking for nearest-name suggestions',
    build: (bytes) => {
      const out = [...HEAD, 'Närvarande:'];
      return fill(bytes, (i) => `- Person${i} Ek, Okändaorten${i}`, out);
    },
  },
  {
    name: 'round-table unknown places',
    about: 'round-table bullets naming unknown places',
    build: (bytes) => {
      const out = [...HEAD, '§ 1 Laget runt'];
      return fill(bytes, (i) => `- Platsen${i % 997}x: Inget nytt.`, out);
    },
  },
  {
    name: 'long organisation name',
    about: 'one organisation name as long as the document',
    build: (bytes) =>
      [...HEAD, 'Närvarande:', `- Anna Ek, ${run(bytes, 'Gullspångsbygden ')}`, ...TAIL].join('\n'),
  },
  {
    name: 'long word',
    about: 'one word (title, body and round-table label) as long as the document',
    build: (bytes) => {
      const w = run(Math.floor(bytes / 3), 'abcdefghij');
      return [...HEAD, `§ 1 ${w}`, w, `- ${w}: x`, ...TAIL].join('\n');
    },
  },
  {
    name: 'long Ja line',
    about: 'one roll-call `Ja:` line with many names',
    build: (bytes) => {
      const n = Math.max(5, Math.floor(bytes / 30));
      const out = [...HEAD, 'Beslutande:'];
      const names: string[] = [];
      for (let i = 0; i < n; i++) {
        out.push(`- Anna E${i} (S)`);
        names.push(`Anna E${i} (S)`);
      }
      out.push('', '§ 1 Budget', 'Omröstning:', `Ja: ${names.join(', ')}`);
      out.push(`Nej: ${names.slice(0, 50).join(', ')}`, 'Reservation: ' + names.join(' och '));
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    name: 'substitutes for one member',
    about: 'many serving substitutes all replacing the same member',
    build: (bytes) => {
      const out = [...HEAD, 'Beslutande:', '- Anna Ek (S)', ''];
      out.push('Tjänstgörande ersättare:');
      return fill(bytes, (i) => `- Per E${i} (M), ersätter Anna Ek (S), § ${i % 50}–${i}`, out);
    },
  },
  {
    name: 'many jäv lines',
    about: 'many jäv, reservation and yrkande lines in one item',
    build: (bytes) => {
      const members = 200;
      const out = [...HEAD, 'Beslutande:'];
      for (let i = 0; i < members; i++) out.push(`- Anna E${i} (S)`);
      out.push('', '§ 1 Upphandling', 'Yrkanden:');
      return fill(bytes, (i) =>
        i % 3 === 0
          ? `Jäv: Anna E${i % members} (S) anmäler jäv.`
          : i % 3 === 1
            ? `Reservation: Anna E${i % members} (S) reserverar sig.`
            : `- Anna E${i % members} (S): bifall.`,
      );
    },
  },
  {
    name: 'many items and § ranges',
    about: 'many items, a long Paragrafer list and attendees with § ranges',
    build: (bytes) => {
      const n = Math.max(5, Math.floor(bytes / 40));
      const ranges: string[] = [];
      for (let i = 1; i < n; i += 2) ranges.push(`${i}–${i + 1}`);
      const out = [...HEAD, `Paragrafer: ${ranges.join(', ')}`, 'Övriga närvarande:'];
      for (let i = 0; i < n / 4; i++) out.push(`- Olle N${i}, ekonom, § ${i}–${i + 3}, ${i + 9}`);
      out.push('');
      for (let i = 1; i <= n / 2; i++) out.push(`KS § ${i} Ärende`, 'Justeras omedelbart.');
      return [...out, ...TAIL].join('\n');
    },
  },
  {
    name: '§ lines out of order',
    about: '§ lines numbered out of order: one renumbering of thousands of edits ("fix all")',
    build: (bytes) => {
      const n = Math.max(5, Math.floor(bytes / 20));
      return fill(bytes, (i) => `§ ${((i * 7919) % n) + 1} Punkt ${i}`);
    },
  },
  {
    name: 'deep lists',
    about: 'deeply indented bullets and long bullet runs',
    build: (bytes) =>
      fill(bytes, (i) => `${'  '.repeat(i % 200)}- ${i % 7 === 0 ? 'Hjo' : 'punkt'}: ${i}`),
  },
  {
    name: 'every keyword with odd blanks',
    about: 'every keyword with Unicode blanks around it and before the colon',
    build: (bytes, random = seeded(1)) =>
      fill(bytes, (i) => {
        const b = () => {
          let s = '';
          const k = Math.floor(random() * 6);
          for (let j = 0; j < k; j++) s += BLANKS[Math.floor(random() * BLANKS.length)];
          return s;
        };
        const kw = KEYWORDS[i % KEYWORDS.length];
        return `${b()}${i % 5 === 0 ? '- ' : ''}${kw}${b()}:${b()}${i % 3 ? '§' + b() + i : 'Anna Ek'}`;
      }),
  },
  {
    name: 'section signs',
    about: '§ at odd places: alone, repeated, after no-break spaces, without numbers',
    build: (bytes) =>
      fill(
        bytes,
        (i) =>
          [
            '§',
            '\u00a0§0',
            '\u00a0\u00a0§ 1',
            '§§§ 2 x',
            `text § ${i} x`,
            '§ 99999999999999999999 x',
          ][i % 6],
      ),
  },
  {
    name: 'lone surrogates and controls',
    about: 'lone surrogates, control characters, NUL, BOMs, bidi controls and CR-only breaks',
    build: (bytes) =>
      fill(
        bytes,
        (i) =>
          [
            '\ud800 Anna',
            '- \udc00x, Hjo',
            '\u0000\u0001\u0007\u001b[31m',
            '\ufeff# Titel',
            '\u202eBeslut: \u202d x',
            'Åtgärd: a\rb\r@Anna',
            `§ ${i}\u0085 x\u2028y`,
          ][i % 7],
      ),
  },
  {
    name: 'combining marks',
    about: 'text with long runs of combining marks in names, titles and bodies',
    build: (bytes) => {
      const marks = run(Math.floor(bytes / 4), '\u0301\u0308\u030a');
      return [
        ...HEAD,
        'Närvarande:',
        `- Anna${marks} Ek, Hjo${marks}`,
        '',
        `§ 1 A${marks}`,
        `B${marks}`,
        ...TAIL,
      ].join('\n');
    },
  },
  {
    name: 'one very long line',
    about: 'a single body line as long as the document, with markup and links',
    build: (bytes) =>
      [...HEAD, '§ 1 Lång', run(bytes, '*a* **b** https://x.se/a_b `c` '), ...TAIL].join('\n'),
  },
  {
    name: 'many signatures',
    about: 'signature lines with many names and many signature lines',
    build: (bytes) =>
      fill(
        bytes,
        (i) => `Justerare: Anna E${i}, Per E${i} och Eva E${i}`,
        [...HEAD, '§ 1 Ärende', ''],
        [],
      ),
  },
  {
    name: 'random lines',
    about: 'random lines drawn from every construct, blanks and odd characters (seeded)',
    build: (bytes, random = seeded(7)) => {
      const pieces = [
        ...KEYWORDS.map((k) => k + ': '),
        '- ',
        '§ ',
        'KS § ',
        '@',
        ', ',
        ' och ',
        '(S)',
        '(ordförande)',
        'ersätter ',
        '§ 1–3',
        'Anna Ek',
        'Hjo',
        'Tidaholm kommun',
        '2024-02-30',
        '\u00a0',
        '\t',
        '\ud800',
        '*',
        '**',
        '//',
        '#',
      ];
      return fill(bytes, () => {
        let l = '';
        const k = 1 + Math.floor(random() * 8);
        for (let j = 0; j < k; j++) l += pieces[Math.floor(random() * pieces.length)];
        return l;
      });
    },
  },
];

/** The shape named `name` (throws for an unknown name: a typo in a test). */
export function shape(name: string): Shape {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`no shape ${name}`);
  return s;
}
