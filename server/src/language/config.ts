import { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from './codes';
import { SIGNER_ROLES, keywordKind, type SignerRole } from './syntax/keywords';
import type { SeverityName } from './types';

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
  /** Per-code severity overrides. */
  readonly severity: Readonly<Partial<Record<DiagnosticCode, SeveritySetting>>>;
  readonly locale: Locale;
}

export const DEFAULT_CONFIG: ProtokollConfig = {
  requiredSignatures: ['Ordförande', 'Sekreterare', 'Justerare'],
  organisations: [],
  members: [],
  severity: {},
  locale: 'sv',
};

/** A problem in a configuration value, at a JSON path such as `severity/numbering~1gap`. */
export interface ConfigProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** The signer role a configured role name stands for. */
export function signerRole(name: string): SignerRole | undefined {
  const kind = keywordKind(name);
  return SIGNER_ROLES.find((role) => role === kind);
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
    return { config, problems: [{ path: [], message: 'must be a JSON object' }] };
  }
  const stringList = (key: string, v: unknown): string[] | undefined => {
    if (!Array.isArray(v)) {
      problems.push({ path: [key], message: 'must be an array of strings' });
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item === 'string' && item.trim() !== '') out.push(item);
      else problems.push({ path: [key, i], message: 'must be a non-empty string' });
    });
    return out;
  };
  for (const [key, v] of Object.entries(value)) {
    switch (key) {
      case '$schema':
        break;
      case 'requiredSignatures': {
        const list = stringList(key, v);
        if (!list) break;
        config.requiredSignatures = list.filter((name, i) => {
          if (signerRole(name)) return true;
          problems.push({
            path: [key, (v as unknown[]).indexOf(name, i)],
            message: `"${name}" is not a signing role; use Ordförande, Sekreterare or Justerare (Chair, Secretary, Adjuster)`,
          });
          return false;
        });
        break;
      }
      case 'organisations':
      case 'members': {
        const list = stringList(key, v);
        if (list) config[key] = list;
        break;
      }
      case 'severity': {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          problems.push({
            path: [key],
            message: 'must be an object mapping diagnostic codes to severities',
          });
          break;
        }
        const severity: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
        for (const [code, s] of Object.entries(v)) {
          if (!isDiagnosticCode(code)) {
            problems.push({
              path: [key, code],
              message: `unknown diagnostic code "${code}"; known codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}`,
            });
          } else if (typeof s !== 'string' || !SEVERITIES.includes(s)) {
            problems.push({
              path: [key, code],
              message: `must be one of ${SEVERITIES.join(', ')}`,
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
        else problems.push({ path: [key], message: 'must be "sv" or "en"' });
        break;
      default:
        problems.push({
          path: [key],
          message: `unknown setting "${key}"; known settings: requiredSignatures, organisations, members, severity, locale`,
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
