import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from './codes';
import type { Bilingual } from './checks/context';
import { KEYWORDS, SIGNER_ROLES, keywordKind, type SignerRole } from './syntax/keywords';
import type { SeverityName } from './types';
import {
  readKind,
  readMembers,
  readParties,
  readRequiredSignatures,
  readSeats,
  type BodyKind,
  type MemberPerson,
  type PartyConfig,
} from './configBody';

export type { BodyKind, MemberPerson, PartyConfig } from './configBody';

export type Locale = 'sv' | 'en';
export type SeveritySetting = SeverityName | 'off';

/** The settings that shape the checks. */
export interface ProtokollConfig {
  /** Roles that must sign: Ordförande, Sekreterare, Justerare (English names accepted). */
  readonly requiredSignatures: readonly string[];
  /** Organisations accepted besides the municipalities (`Kommunalförbundet`). */
  readonly organisations: readonly string[];
  /** Organisations expected at every meeting, for `attendance/unaccounted`. */
  readonly members: readonly string[];
  /** Persons who are members of the body (`members` entries that are objects). */
  readonly memberPersons: readonly MemberPerson[];
  /** How many of a role must sign when more than one (`{"role": "Justerare", "count": 2}`). */
  readonly signatureCounts: Readonly<Partial<Record<SignerRole, number>>>;
  /** The kind of body; `nätverk` (v1 behaviour) by default. */
  readonly kind: BodyKind;
  /** Parties besides the national ones. */
  readonly parties: readonly PartyConfig[];
  /** The number of members (seats) of the body, for `quorum/not-met`. */
  readonly seats?: number;
  /** Per-code severity overrides. */
  readonly severity: Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;
  /** Language of the messages (diagnostics, hover); rendered minutes follow the document's keywords. */
  readonly locale: Locale;
  /** Where the adjusted minutes are kept (Anslag/Bevis: "Förvaringsplats för protokollet"). */
  readonly archive?: string;
  /** Names replaced by "[namn maskerat]" in the public version (`render --public`). */
  readonly maskedNames: readonly string[];
}

export const DEFAULT_CONFIG: ProtokollConfig = {
  requiredSignatures: ['Ordförande', 'Sekreterare', 'Justerare'],
  organisations: [],
  members: [],
  memberPersons: [],
  signatureCounts: {},
  kind: 'nätverk',
  parties: [],
  severity: {},
  locale: 'sv',
  maskedNames: [],
};

/** A problem in a configuration value, at a JSON path such as `severity/numbering~1gap`. */
export interface ConfigProblem {
  readonly path: (string | number)[];
  /** What is wrong and how to fix it, without the path; the locale picks the language. */
  readonly message: Bilingual;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];
/** The settings a `.protokoll.json` may hold, also read from the editor's `protokoll.*` settings. */
export const SETTING_NAMES: readonly string[] = [
  'requiredSignatures',
  'organisations',
  'members',
  'severity',
  'locale',
  'kind',
  'parties',
  'seats',
  'archive',
  'maskedNames',
];
const LIST_EXAMPLES: Record<string, string> = {
  requiredSignatures: '["Ordförande", "Sekreterare", "Justerare"]',
  organisations: '["Kommunalförbundet"]',
  members: '["Kommunalförbundet"]',
  maskedNames: '["Anna Svensson"]',
};

/** The signer role a configured role name stands for. */
export function signerRole(name: string): SignerRole | undefined {
  const kind = keywordKind(name);
  return SIGNER_ROLES.find((role) => role === kind);
}

/** A JSON value as a problem message quotes it: short values as written, others by their kind. */
export function quotedJsonValue(value: unknown): Bilingual {
  if (Array.isArray(value)) return { sv: 'en lista', en: 'an array' };
  if (typeof value === 'object' && value !== null) return { sv: 'ett objekt', en: 'an object' };
  const written = JSON.stringify(value) ?? String(value);
  const short = written.length > 40 ? `${written.slice(0, 39)}…` : written;
  return { sv: short, en: short };
}

/** `"a", "b" or "c"` in English, `"a", "b" eller "c"` in Swedish. */
function oneOf(values: readonly string[]): Bilingual {
  const quoted = values.map((v) => `"${v}"`);
  const list = (or: string) =>
    `${quoted.slice(0, -1).join(', ')} ${or} ${quoted[quoted.length - 1]}`;
  return { sv: list('eller'), en: list('or') };
}

/**
 * Validates a parsed configuration object and returns the valid part with a problem for every
 * invalid value. Invalid values are skipped, never guessed.
 */
export function readConfig(value: unknown): {
  config: Partial<ProtokollConfig>;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const config: { -readonly [K in keyof ProtokollConfig]?: ProtokollConfig[K] } = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = quotedJsonValue(value);
    const example = '{"requiredSignatures": ["Ordförande", "Sekreterare"]}';
    problems.push({
      path: [],
      message: {
        sv: `inställningarna måste vara ett JSON-objekt, till exempel ${example}, inte ${found.sv}`,
        en: `the settings must be a JSON object such as ${example}, not ${found.en}`,
      },
    });
    return { config, problems };
  }
  const stringList = (key: string, v: unknown): string[] | undefined => {
    if (!Array.isArray(v)) {
      const found = quotedJsonValue(v);
      problems.push({
        path: [key],
        message: {
          sv: `måste vara en lista med namn, till exempel ${LIST_EXAMPLES[key]}, inte ${found.sv}`,
          en: `must be an array of names such as ${LIST_EXAMPLES[key]}, not ${found.en}`,
        },
      });
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item === 'string' && item.trim() !== '') {
        out.push(item);
        return;
      }
      const found = quotedJsonValue(item);
      problems.push({
        path: [key, i],
        message: {
          sv: `måste vara ett namn inom citattecken, inte ${found.sv}; ta bort posten eller skriv namnet`,
          en: `must be a name in double quotes, not ${found.en}; remove the entry or write the name`,
        },
      });
    });
    return out;
  };
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case '$schema':
        break;
      case 'requiredSignatures': {
        const swedish = SIGNER_ROLES.map((role) => KEYWORDS[role][0]);
        const english = SIGNER_ROLES.map((role) => KEYWORDS[role][1]);
        const roles = (or: string, inEnglish: string) =>
          `${swedish.slice(0, -1).join(', ')} ${or} ${swedish[swedish.length - 1]} (${inEnglish}${english.join(', ')})`;
        const read = readRequiredSignatures(v, problems, (name) => ({
          sv: `"${name}" är ingen roll som skriver under protokollet; använd ${roles('eller', 'på engelska ')}`,
          en: `"${name}" is not a signing role; use ${roles('or', '')}`,
        }));
        if (read) {
          config.requiredSignatures = read.names;
          config.signatureCounts = read.counts;
        }
        break;
      }
      case 'organisations':
      case 'maskedNames': {
        const list = stringList(key, v);
        if (list) config[key] = list;
        break;
      }
      case 'archive':
        if (typeof v === 'string' && v.trim() !== '') config.archive = v.trim();
        else {
          const found = quotedJsonValue(v);
          problems.push({
            path: [key],
            message: {
              sv: `måste vara platsen där protokollet förvaras, till exempel "Kommunkansliet", inte ${found.sv}`,
              en: `must be the place where the minutes are kept, such as "Kommunkansliet", not ${found.en}`,
            },
          });
        }
        break;
      case 'members': {
        const read = readMembers(v, problems);
        if (read) {
          config.members = read.organisations;
          config.memberPersons = read.persons;
        }
        break;
      }
      case 'kind': {
        const kind = readKind(v, problems);
        if (kind) config.kind = kind;
        break;
      }
      case 'parties': {
        const parties = readParties(v, problems);
        if (parties) config.parties = parties;
        break;
      }
      case 'seats': {
        const seats = readSeats(v, problems);
        if (seats !== undefined) config.seats = seats;
        break;
      }
      case 'severity': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          const found = quotedJsonValue(v);
          const example = '{"numbering/gap": "warning", "signature/missing": "off"}';
          problems.push({
            path: [key],
            message: {
              sv: `måste vara ett objekt med en allvarlighetsgrad per diagnoskod, till exempel ${example}, inte ${found.sv}`,
              en: `must be an object mapping diagnostic codes to severities such as ${example}, not ${found.en}`,
            },
          });
          break;
        }
        const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
        const codes = Object.keys(DIAGNOSTIC_CODES).join(', ');
        for (const [code, s] of Object.entries(v)) {
          if (!isDiagnosticCode(code)) {
            problems.push({
              path: [key, code],
              message: {
                sv: `okänd diagnoskod "${code}"; kända koder: ${codes}`,
                en: `unknown diagnostic code "${code}"; known codes: ${codes}`,
              },
            });
          } else if (typeof s !== 'string' || !SEVERITIES.includes(s)) {
            const found = quotedJsonValue(s);
            const valid = oneOf(SEVERITIES);
            problems.push({
              path: [key, code],
              message: {
                sv: `${found.sv} är ingen allvarlighetsgrad; använd ${valid.sv}`,
                en: `${found.en} is not a severity; use ${valid.en}`,
              },
            });
          } else {
            severity[code] = s as SeveritySetting;
          }
        }
        config.severity = severity;
        break;
      }
      case 'locale':
        if (v === 'sv' || v === 'en') config.locale = v;
        else {
          const found = quotedJsonValue(v);
          problems.push({
            path: [key],
            message: {
              sv: `${found.sv} är inget språk som stöds; använd "sv" (svenska) eller "en" (engelska)`,
              en: `${found.en} is not a supported language; use "sv" (Swedish) or "en" (English)`,
            },
          });
        }
        break;
      default:
        problems.push({
          path: [key],
          message: {
            sv: `okänd inställning "${key}"; kända inställningar: ${SETTING_NAMES.join(', ')}`,
            en: `unknown setting "${key}"; known settings: ${SETTING_NAMES.join(', ')}`,
          },
        });
    }
  }
  return { config, problems };
}

/** Later layers override earlier ones; `severity` merges per code. */
export function mergeConfig(...layers: Partial<ProtokollConfig>[]): ProtokollConfig {
  let result: ProtokollConfig = DEFAULT_CONFIG;
  for (const layer of layers) {
    result = { ...result, ...layer, severity: { ...result.severity, ...layer.severity } };
  }
  return result;
}
