// The `protokoll.*` editor settings as the language server reads them, in Node and in the browser.
import { readConfig, type ConfigProblem, type Locale, type ProtokollConfig } from '../language';
import { quotedJsonValue, SETTING_NAMES } from '../language/config';
import { SETTINGS_SECTION, type ValidateMode } from '../protocol';

/** What the server does with a document: its check configuration and when to validate it. */
export interface DocumentSettings {
  readonly config: ProtokollConfig;
  readonly validate: ValidateMode;
  readonly diagnosticsDelay: number;
}

export const DEFAULT_DIAGNOSTICS_DELAY = 250;

/**
 * Reads the `protokoll.*` editor settings, tolerating anything: unset values (null) fall back
 * to the defaults, invalid ones are skipped and described in `problems`, in the language of the
 * `locale` setting when that one is valid, else in Swedish.
 */
export function readSettings(value: unknown): {
  layer: Partial<ProtokollConfig>;
  validate: ValidateMode;
  diagnosticsDelay: number;
  problems: string[];
} {
  const raw =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const checks: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    const v = raw[key];
    if (v === null || v === undefined) continue;
    // An empty severity map is VS Code's default for an object setting, not a choice.
    if (key === 'severity' && typeof v === 'object' && Object.keys(v).length === 0) continue;
    checks[key] = v;
  }
  const read = readConfig(checks);
  const problems: ConfigProblem[] = [...read.problems];

  let validate: ValidateMode = 'onType';
  if (raw.validate === 'onSave' || raw.validate === 'onType') validate = raw.validate;
  else if (raw.validate !== undefined && raw.validate !== null) {
    const found = quotedJsonValue(raw.validate);
    problems.push({
      path: ['validate'],
      message: {
        sv: `${found.sv} är inget giltigt läge; använd "onType" (medan du skriver) eller "onSave" (när filen sparas)`,
        en: `${found.en} is not a validation mode; use "onType" (while typing) or "onSave" (when the file is saved)`,
      },
    });
  }

  let diagnosticsDelay = DEFAULT_DIAGNOSTICS_DELAY;
  const delay = raw.diagnosticsDelay;
  if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)
    diagnosticsDelay = Math.min(delay, 10_000);
  else if (delay !== undefined && delay !== null) {
    const found = quotedJsonValue(delay);
    problems.push({
      path: ['diagnosticsDelay'],
      message: {
        sv: `måste vara ett antal millisekunder, 0 eller fler (till exempel ${DEFAULT_DIAGNOSTICS_DELAY}), inte ${found.sv}`,
        en: `must be a number of milliseconds, 0 or more (such as ${DEFAULT_DIAGNOSTICS_DELAY}), not ${found.en}`,
      },
    });
  }
  const locale = read.config.locale ?? 'sv';
  return {
    layer: read.config,
    validate,
    diagnosticsDelay,
    problems: problems.map((p) => settingProblemText(p, locale)),
  };
}

function settingProblemText(problem: ConfigProblem, locale: Locale): string {
  const setting = [SETTINGS_SECTION, ...problem.path].join('.');
  return locale === 'sv'
    ? `inställningen ${setting} ignoreras: ${problem.message.sv}`
    : `setting ${setting} ignored: ${problem.message.en}`;
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
