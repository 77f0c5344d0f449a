// Generates server/src/language/municipalities/data.generated.ts from data/kommuner.csv, and
// regions.generated.ts from data/regioner.csv (the 21 regions, by their official names).
//
//   node scripts/generate-municipalities.mjs           write the module
//   node scripts/generate-municipalities.mjs --check   exit 1 if the committed module is stale
//
// Plain Node, no dependencies. The functions are exported so tests can exercise the validation.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CSV_PATH = join(REPO_ROOT, 'data', 'kommuner.csv');
export const OUTPUT_PATH = join(
  REPO_ROOT,
  'server',
  'src',
  'language',
  'municipalities',
  'data.generated.ts',
);

export const REGIONS_CSV_PATH = join(REPO_ROOT, 'data', 'regioner.csv');
export const REGIONS_OUTPUT_PATH = join(
  REPO_ROOT,
  'server',
  'src',
  'language',
  'municipalities',
  'regions.generated.ts',
);
export const EXPECTED_REGIONS_HEADER = 'county_code,name,county';
export const EXPECTED_REGIONS = 21;

export const EXPECTED_HEADER = 'code,name,county_code,county,official,legal';
export const EXPECTED_ROWS = 290;

/** Thrown when the CSV is malformed; `problems` holds one `file:line: message` per problem. */
export class CsvError extends Error {
  constructor(problems) {
    super(`invalid municipality data:\n  ${problems.join('\n  ')}`);
    this.name = 'CsvError';
    this.problems = problems;
  }
}

/**
 * Parses and validates the municipality CSV. `file` is only used in messages.
 * Returns rows sorted by code; throws CsvError listing every problem found.
 */
export function parseMunicipalitiesCsv(text, file = 'data/kommuner.csv') {
  const problems = [];
  const at = (line, message) => problems.push(`${file}:${line}: ${message}`);

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  // A single trailing newline is expected; anything else blank is an error below.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  if (lines.length === 0) {
    at(1, `empty file; expected header "${EXPECTED_HEADER}"`);
    throw new CsvError(problems);
  }
  const header = lines[0].replace(/\r$/, '');
  if (header !== EXPECTED_HEADER) {
    at(1, `header is "${header}"; expected "${EXPECTED_HEADER}"`);
  }

  const rows = [];
  const lineOfCode = new Map();
  const lineOfName = new Map();
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') {
      at(lineNo, 'blank line');
      continue;
    }
    if (line.includes('"')) {
      at(lineNo, 'quoted fields are not supported (the file has no quoting)');
      continue;
    }
    const fields = line.split(',');
    if (fields.length !== 6) {
      at(lineNo, `expected 6 columns, found ${fields.length}`);
      continue;
    }
    const [code, name, countyCode, county, official, legal] = fields;
    const before = problems.length;
    fields.forEach((field, column) => {
      const columnName = EXPECTED_HEADER.split(',')[column];
      if (field === '') at(lineNo, `column ${columnName} is empty`);
      else if (field !== field.trim()) {
        at(lineNo, `column ${columnName} has leading or trailing whitespace`);
      }
    });
    if (!/^\d{4}$/.test(code)) at(lineNo, `code "${code}" is not 4 digits`);
    if (!/^\d{2}$/.test(countyCode)) {
      at(lineNo, `county_code "${countyCode}" is not 2 digits`);
    } else if (/^\d{4}$/.test(code) && !code.startsWith(countyCode)) {
      at(lineNo, `county_code "${countyCode}" does not match the first two digits of "${code}"`);
    }
    if (legal !== '' && !/ kommun$/.test(legal)) {
      at(lineNo, `legal form "${legal}" does not end in " kommun"`);
    }
    if (official !== '' && !/ (kommun|stad)$/i.test(official) && !/^Region /.test(official)) {
      at(
        lineNo,
        `official form "${official}" ends neither in "kommun" nor "stad" (nor is "Region …")`,
      );
    }
    if (lineOfCode.has(code)) {
      at(lineNo, `duplicate code ${code} (first on line ${lineOfCode.get(code)})`);
    } else {
      lineOfCode.set(code, lineNo);
    }
    const nameKey = name.normalize('NFC').toLowerCase();
    if (lineOfName.has(nameKey)) {
      at(lineNo, `duplicate name "${name}" (first on line ${lineOfName.get(nameKey)})`);
    } else {
      lineOfName.set(nameKey, lineNo);
    }
    if (problems.length === before) {
      rows.push({
        code,
        name: name.normalize('NFC'),
        countyCode,
        county: county.normalize('NFC'),
        official: official.normalize('NFC'),
        legal: legal.normalize('NFC'),
      });
    }
  }

  const dataRows = lines.length - 1;
  if (dataRows !== EXPECTED_ROWS) {
    at(lines.length, `found ${dataRows} data rows; expected ${EXPECTED_ROWS}`);
  }
  if (problems.length > 0) throw new CsvError(problems);
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function quote(s) {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Renders the TypeScript module for the given rows (already validated and sorted). */
export function renderMunicipalitiesModule(rows) {
  const out = [
    '// generated by npm run generate — do not edit',
    '// Source: data/kommuner.csv (scripts/generate-municipalities.mjs).',
    '',
    '/** A Swedish municipality (kommun), as listed by SCB. */',
    'export interface Municipality {',
    '  /** SCB municipality code (kommunkod), 4 digits, e.g. `1498`. */',
    '  readonly code: string;',
    '  /** Short name, as in "X kommun", e.g. `Tidaholm`. */',
    '  readonly name: string;',
    '  /** SCB county (län) code, the first two digits of `code`. */',
    '  readonly countyCode: string;',
    '  /** County name, e.g. `Västra Götalands län`. */',
    '  readonly county: string;',
    '  /** The name the organisation uses for itself, e.g. `Stockholms stad`, `Region Gotland`. */',
    '  readonly official: string;',
    '  /** The legal form "X kommun", e.g. `Stockholms kommun`. */',
    '  readonly legal: string;',
    '}',
    '',
    `/** All ${rows.length} municipalities, sorted by code. */`,
    'export const MUNICIPALITIES: readonly Municipality[] = [',
  ];
  for (const row of rows) {
    out.push(
      '  {',
      `    code: ${quote(row.code)},`,
      `    name: ${quote(row.name)},`,
      `    countyCode: ${quote(row.countyCode)},`,
      `    county: ${quote(row.county)},`,
      `    official: ${quote(row.official)},`,
      `    legal: ${quote(row.legal)},`,
      '  },',
    );
  }
  out.push(
    '];',
    '',
    '/**',
    ' * The codes of all municipalities in Swedish alphabetical order of their names, sorted here',
    " * so the server needs no collation data (ICU's, 2 MB resident once loaded).",
    ' */',
    'export const SWEDISH_ORDER: readonly string[] = [',
  );
  const collator = new Intl.Collator('sv');
  for (const row of [...rows].sort((a, b) => collator.compare(a.name, b.name)))
    out.push(`  ${quote(row.code)},`);
  out.push('];', '');
  return out.join('\n');
}

/**
 * Parses and validates the regions CSV (county code, official name, county). Returns rows sorted
 * by county code; throws CsvError listing every problem found.
 */
export function parseRegionsCsv(text, file = 'data/regioner.csv') {
  const problems = [];
  const at = (line, message) => problems.push(`${file}:${line}: ${message}`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== EXPECTED_REGIONS_HEADER) {
    at(1, `header is "${header}"; expected "${EXPECTED_REGIONS_HEADER}"`);
  }
  const rows = [];
  const seenCodes = new Map();
  const seenNames = new Map();
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    const fields = lines[i].replace(/\r$/, '').split(',');
    if (fields.length !== 3) {
      at(lineNo, `expected 3 columns, found ${fields.length}`);
      continue;
    }
    const [countyCode, name, county] = fields.map((f) => f.normalize('NFC'));
    const before = problems.length;
    if (!/^\d{2}$/.test(countyCode)) at(lineNo, `county_code "${countyCode}" is not 2 digits`);
    if (name.trim() === '' || name !== name.trim()) at(lineNo, 'name is empty or has outer blanks');
    if (!/ län$/.test(county)) at(lineNo, `county "${county}" does not end in " län"`);
    if (!/^Region |regionen$/.test(name)) {
      at(lineNo, `name "${name}" neither starts with "Region " nor ends in "regionen"`);
    }
    if (seenCodes.has(countyCode)) {
      at(
        lineNo,
        `duplicate county_code ${countyCode} (first on line ${seenCodes.get(countyCode)})`,
      );
    } else seenCodes.set(countyCode, lineNo);
    if (seenNames.has(name)) at(lineNo, `duplicate name "${name}"`);
    else seenNames.set(name, lineNo);
    if (problems.length === before) rows.push({ countyCode, name, county });
  }
  if (lines.length - 1 !== EXPECTED_REGIONS) {
    at(lines.length, `found ${lines.length - 1} data rows; expected ${EXPECTED_REGIONS}`);
  }
  if (problems.length > 0) throw new CsvError(problems);
  return rows.sort((a, b) => (a.countyCode < b.countyCode ? -1 : 1));
}

/** Renders the TypeScript module of the regions. */
export function renderRegionsModule(rows) {
  const out = [
    '// generated by npm run generate — do not edit',
    '// Source: data/regioner.csv (scripts/generate-municipalities.mjs).',
    '',
    '/** A Swedish region (regionkommun), by its official name. */',
    'export interface Region {',
    '  /** SCB county (län) code, e.g. `12`. */',
    '  readonly countyCode: string;',
    '  /** The official name, e.g. `Region Skåne`, `Västra Götalandsregionen`. */',
    '  readonly name: string;',
    '  /** County name, e.g. `Skåne län`. */',
    '  readonly county: string;',
    '}',
    '',
    `/** All ${rows.length} regions, sorted by county code. */`,
    'export const REGIONS: readonly Region[] = [',
  ];
  for (const row of rows) {
    out.push(
      `  { countyCode: ${quote(row.countyCode)}, name: ${quote(row.name)}, county: ${quote(row.county)} },`,
    );
  }
  out.push('];', '');
  return out.join('\n');
}

/** Reads the regions CSV and returns the module text it generates. */
export function generateRegions(csvPath = REGIONS_CSV_PATH) {
  const label = relative(REPO_ROOT, csvPath).split('\\').join('/');
  return renderRegionsModule(parseRegionsCsv(readFileSync(csvPath, 'utf8'), label));
}

/** Reads the CSV and returns the module text it generates. */
export function generate(csvPath = CSV_PATH) {
  const label = relative(REPO_ROOT, csvPath).split('\\').join('/');
  return renderMunicipalitiesModule(parseMunicipalitiesCsv(readFileSync(csvPath, 'utf8'), label));
}

/** Runs the CLI; returns the process exit code. */
export function main(args = process.argv.slice(2)) {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`generate-municipalities: unknown argument ${unknown[0]} (only --check)`);
    return 2;
  }
  let outputs;
  try {
    outputs = [
      [OUTPUT_PATH, generate()],
      [REGIONS_OUTPUT_PATH, generateRegions()],
    ];
  } catch (error) {
    if (error instanceof CsvError) {
      console.error(`generate-municipalities: ${error.message}`);
      return 1;
    }
    throw error;
  }
  let status = 0;
  for (const [path, text] of outputs) {
    const outLabel = relative(REPO_ROOT, path).split('\\').join('/');
    if (args.includes('--check')) {
      let committed;
      try {
        // A checkout with core.autocrlf may have CRLF line endings; that is not staleness.
        committed = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
      } catch {
        committed = undefined;
      }
      if (committed !== text) {
        console.error(
          `generate-municipalities: ${outLabel} is ${committed === undefined ? 'missing' : 'stale'}` +
            '; run `npm run generate`',
        );
        status = 1;
      } else console.log(`generate-municipalities: ${outLabel} is up to date`);
      continue;
    }
    writeFileSync(path, text);
    console.log(`generate-municipalities: wrote ${outLabel}`);
  }
  return status;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  process.exitCode = main();
}
