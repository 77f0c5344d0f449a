import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  MUNICIPALITIES,
  findMunicipality,
  foldDiacritics,
  matchMunicipality,
  municipalityByCode,
  nearestMunicipalities,
  normalizeName,
  rankMunicipalities,
} from '../../server/src/language/municipalities/index.js';
import { SWEDISH_ORDER } from '../../server/src/language/municipalities/data.generated.js';

// Tests compile to out/test/unit/*.js.
const repoRoot = path.resolve(__dirname, '../../..');
const generatorPath = path.join(repoRoot, 'scripts', 'generate-municipalities.mjs');

interface GeneratorModule {
  parseMunicipalitiesCsv(text: string, file?: string): unknown[];
  renderMunicipalitiesModule(rows: unknown[]): string;
}

async function loadGenerator(): Promise<GeneratorModule> {
  // A computed specifier keeps tsc from resolving (and typing) the .mjs file.
  const specifier = pathToFileURL(generatorPath).href;
  return (await import(specifier)) as GeneratorModule;
}

const SKARABORG: Record<string, string> = {
  Essunga: '1445',
  Falköping: '1499',
  Grästorp: '1444',
  Gullspång: '1447',
  Götene: '1471',
  Hjo: '1497',
  Karlsborg: '1446',
  Lidköping: '1494',
  Mariestad: '1493',
  Skara: '1495',
  Skövde: '1496',
  Tibro: '1472',
  Tidaholm: '1498',
  Töreboda: '1473',
  Vara: '1470',
};

function names(list: readonly { name: string }[]): string[] {
  return list.map((m) => m.name);
}

function ranked(query: string): string[] {
  return rankMunicipalities(query).map((r) => r.municipality.name);
}

describe('municipalities', () => {
  describe('data', () => {
    it('ships all 290 municipalities with unique 4-digit codes', () => {
      assert.equal(MUNICIPALITIES.length, 290);
      const codes = new Set(MUNICIPALITIES.map((m) => m.code));
      assert.equal(codes.size, 290);
      for (const m of MUNICIPALITIES) {
        assert.match(m.code, /^\d{4}$/);
        assert.equal(m.code.slice(0, 2), m.countyCode);
      }
    });

    it('looks municipalities up by SCB code', () => {
      assert.equal(municipalityByCode('1498')?.name, 'Tidaholm');
      assert.equal(municipalityByCode('1498')?.county, 'Västra Götalands län');
      assert.equal(municipalityByCode('0180')?.official, 'Stockholms stad');
      assert.equal(municipalityByCode('9999'), undefined);
    });

    it('has the codes of the Skaraborg municipalities', () => {
      for (const [name, code] of Object.entries(SKARABORG)) {
        assert.equal(municipalityByCode(code)?.name, name);
      }
    });
  });

  describe('normalizeName and foldDiacritics', () => {
    it('treats NFC and NFD spellings as equal', () => {
      const nfd = 'Gullspa\u030Ang';
      assert.notEqual(nfd, 'Gullspång');
      assert.equal(normalizeName(nfd), normalizeName('Gullspång'));
    });

    it('lower-cases, trims and collapses inner whitespace', () => {
      assert.equal(normalizeName('  UPPLANDS \t  Väsby\u00a0 '), 'upplands väsby');
    });

    it('removes diacritics after normalising', () => {
      assert.equal(foldDiacritics('Götene'), 'gotene');
      assert.equal(foldDiacritics('ÅRE'), 'are');
      assert.equal(foldDiacritics('Malung-Sälen'), 'malung-salen');
      assert.equal(foldDiacritics('Café Müller Ødegaard'), 'cafe muller odegaard');
      assert.equal(foldDiacritics('Go\u0308tene'), 'gotene');
    });
  });

  describe('matchMunicipality', () => {
    it('accepts the short names of all 15 Skaraborg municipalities', () => {
      for (const name of Object.keys(SKARABORG)) {
        const match = matchMunicipality(name);
        assert.equal(match.kind, 'municipality', name);
        assert.equal(match.kind === 'municipality' && match.form, 'short', name);
        assert.equal(findMunicipality(name)?.code, SKARABORG[name]);
      }
    });

    it('matches every short, official and legal form to its own municipality', () => {
      for (const m of MUNICIPALITIES) {
        for (const [form, text] of [
          ['short', m.name],
          ['official', m.official],
          ['legal', m.legal],
        ] as const) {
          const match = matchMunicipality(text);
          assert.equal(match.kind, 'municipality', text);
          if (match.kind !== 'municipality') continue;
          assert.equal(match.municipality, m, text);
          // A long form that is both official and legal is reported as official.
          const expectedForm = form === 'legal' && m.legal === m.official ? 'official' : form;
          assert.equal(match.form, expectedForm, text);
        }
      }
    });

    it('reports a non-official long form with the official form expected', () => {
      const cases: [string, string][] = [
        ['Tidaholm kommun', 'Tidaholms kommun'],
        ['Tidaholmskommun', 'Tidaholms kommun'],
        ['Tidaholms stad', 'Tidaholms kommun'],
        ['Stockholm stad', 'Stockholms stad'],
        ['Stockholm kommun', 'Stockholms stad'],
        ['Gotland kommun', 'Region Gotland'],
        ['Vara kommuns', 'Vara kommun'],
        ['Falu stad', 'Falu kommun'],
        ['Upplands Väsbys kommun', 'Upplands Väsby kommun'],
        ['Halmstad kommun', 'Halmstads kommun'],
      ];
      for (const [input, expected] of cases) {
        const match = matchMunicipality(input);
        assert.equal(match.kind, 'misspelt-form', input);
        assert.equal(match.kind === 'misspelt-form' && match.expected, expected, input);
      }
      assert.equal(findMunicipality('Tidaholm kommun')?.name, 'Tidaholm');
    });

    it('matches NFD input', () => {
      assert.deepEqual(matchMunicipality('Gullspa\u030Ang'), {
        kind: 'municipality',
        municipality: municipalityByCode('1447'),
        form: 'short',
      });
      const official = matchMunicipality('Gullspa\u030Angs kommun');
      assert.equal(official.kind === 'municipality' && official.form, 'official');
    });

    it('accepts both the legal and the official form of a city', () => {
      const legal = matchMunicipality('Stockholms kommun');
      const official = matchMunicipality('Stockholms stad');
      assert.equal(legal.kind === 'municipality' && legal.form, 'legal');
      assert.equal(official.kind === 'municipality' && official.form, 'official');
      assert.equal(findMunicipality('Göteborgs stad')?.code, '1480');
    });

    it('accepts Region Gotland as official and Gotlands kommun as legal', () => {
      const region = matchMunicipality('Region Gotland');
      assert.equal(region.kind === 'municipality' && region.form, 'official');
      assert.equal(region.kind === 'municipality' && region.municipality.code, '0980');
      const legal = matchMunicipality('gotlands KOMMUN');
      assert.equal(legal.kind === 'municipality' && legal.form, 'legal');
    });

    it('ignores case and surrounding whitespace', () => {
      const match = matchMunicipality('  Vara   Kommun ');
      assert.equal(match.kind === 'municipality' && match.form, 'official');
      assert.equal(findMunicipality('VARA')?.code, '1470');
    });

    it('reports other names as unknown', () => {
      for (const name of [
        'Kommunalförbundet',
        'Gotene',
        'Gotene kommun',
        'Tidaholms',
        '',
        'kommun',
      ]) {
        assert.deepEqual(matchMunicipality(name), { kind: 'unknown' }, name);
        assert.equal(findMunicipality(name), undefined, name);
      }
      assert.equal(matchMunicipality('Region Skåne').kind, 'unknown');
    });
  });

  describe('nearestMunicipalities', () => {
    it('suggests Gullspång first for Gulspång', () => {
      assert.equal(nearestMunicipalities('Gulspång')[0]?.name, 'Gullspång');
    });

    it('suggests nothing for a name unlike any municipality', () => {
      assert.deepEqual(nearestMunicipalities('Kommunalförbundet'), []);
    });

    it('ignores diacritics and long-form suffixes', () => {
      assert.equal(nearestMunicipalities('Gotene kommun')[0]?.name, 'Götene');
      assert.equal(nearestMunicipalities('Tidaholms')[0]?.name, 'Tidaholm');
      assert.equal(nearestMunicipalities('Upplands Bro')[0]?.name, 'Upplands-Bro');
    });

    it('orders by distance, then alphabetically, up to the limit', () => {
      // Boden is 1 edit from "Boda"; Borås, Eda, Mora and Nora are 2.
      assert.deepEqual(names(nearestMunicipalities('Boda', 5)), [
        'Boden',
        'Borås',
        'Eda',
        'Mora',
        'Nora',
      ]);
      assert.deepEqual(names(nearestMunicipalities('Boda')), ['Boden', 'Borås', 'Eda']);
      assert.deepEqual(nearestMunicipalities('Boda', 0), []);
    });
  });

  describe('rankMunicipalities', () => {
    it('puts the prefix match first', () => {
      assert.equal(ranked('Gull')[0], 'Gullspång');
      assert.equal(ranked('skövd')[0], 'Skövde');
    });

    it('finds Götene for queries without diacritics', () => {
      assert.ok(ranked('gote').slice(0, 2).includes('Götene'), ranked('gote').join());
      assert.ok(ranked('Gota').slice(0, 3).includes('Götene'), ranked('Gota').join());
    });

    it('prefers prefixes with the diacritics as typed', () => {
      assert.deepEqual(ranked('Göt').slice(0, 3), ['Göteborg', 'Götene', 'Gotland']);
    });

    it('matches later words and long forms', () => {
      assert.equal(ranked('Väsby')[0], 'Upplands Väsby');
      assert.equal(ranked('Region G')[0], 'Gotland');
      assert.equal(ranked('Tidaholms k')[0], 'Tidaholm');
    });

    it('returns scores in non-increasing order', () => {
      for (const query of ['Gull', 'Gota', 'sto', 'v']) {
        const scores = rankMunicipalities(query).map((r) => r.score);
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
          query,
        );
      }
    });

    it('returns every municipality alphabetically for the empty query', () => {
      const all = ranked('');
      assert.equal(all.length, 290);
      assert.equal(all[0], 'Ale');
      assert.equal(all[all.length - 1], 'Övertorneå');
      assert.deepEqual(ranked('   '), all);
    });
  });

  describe('generator', () => {
    it('leaves the committed data.generated.ts unchanged (not stale)', () => {
      const result = spawnSync(process.execPath, [generatorPath, '--check'], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });

    it('lists every municipality once, in Swedish alphabetical order of the names', () => {
      const collator = new Intl.Collator('sv');
      const expected = [...MUNICIPALITIES]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((m) => m.code);
      assert.deepEqual(SWEDISH_ORDER, expected);
    });

    it('rejects malformed rows naming file and line', async () => {
      const generator = await loadGenerator();
      const lines = readFileSync(path.join(repoRoot, 'data', 'kommuner.csv'), 'utf8').split('\n');
      lines[2] = lines[1]; // duplicate code
      lines[3] = '12x,A,01,B,C kommun,C kommun';
      lines[5] = '0120,Värmdö,01';
      assert.throws(
        () => generator.parseMunicipalitiesCsv(lines.join('\n'), 'data/kommuner.csv'),
        (error: Error) => {
          assert.match(error.message, /data\/kommuner\.csv:3: duplicate code 0114/);
          assert.match(error.message, /data\/kommuner\.csv:4: code "12x" is not 4 digits/);
          assert.match(error.message, /data\/kommuner\.csv:6: expected 6 columns, found 3/);
          return true;
        },
      );
    });

    it('rejects a wrong header and a wrong row count', async () => {
      const generator = await loadGenerator();
      assert.throws(
        () => generator.parseMunicipalitiesCsv('kod,namn\n0114,X,01,L,X kommun,X kommun\n'),
        /:1: header is "kod,namn".*\n.*found 1 data rows; expected 290/,
      );
    });

    it('renders deterministically', async () => {
      const generator = await loadGenerator();
      const csv = readFileSync(path.join(repoRoot, 'data', 'kommuner.csv'), 'utf8');
      const once = generator.renderMunicipalitiesModule(generator.parseMunicipalitiesCsv(csv));
      const twice = generator.renderMunicipalitiesModule(generator.parseMunicipalitiesCsv(csv));
      assert.equal(once, twice);
      assert.ok(once.startsWith('// generated by npm run generate — do not edit\n'));
    });
  });
});
