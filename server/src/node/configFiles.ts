import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeConfig, type Locale, type ProtokollConfig } from '../language';
import {
  CONFIG_FILE_NAME,
  parseConfigText,
  zeroRange,
  type Bilingual,
  type ConfigFileProblem,
  type ConfigLanguage,
} from '../common/configText';
import { CONFIG_SIZE_LIMIT, formatSize, readRegularFile, type FileFailure } from './safeFiles';

export {
  CONFIG_FILE_NAME,
  MAX_CONFIG_DEPTH,
  MAX_CONFIG_PROBLEMS,
  parseConfigText,
  type ConfigFileProblem,
  type ConfigLanguage,
} from '../common/configText';

const SWEDISH_KINDS: Record<NonNullable<FileFailure['kind']>, string> = {
  directory: 'en mapp',
  pipe: 'en namngiven rörledning (FIFO)',
  device: 'en enhet',
  socket: 'en socket',
  other: 'något annat',
};

export interface ResolvedConfig {
  readonly config: ProtokollConfig;
  /** The configuration file used, if any. */
  readonly file?: string;
  readonly problems: ConfigFileProblem[];
}

/** The nearest `.protokoll.json` in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Reads and validates a configuration file. A broken file is reported, never thrown: its valid
 * settings still apply and each problem names the file and the position.
 */
export function loadConfigFile(
  file: string,
  language: ConfigLanguage = {},
): {
  config: Partial<ProtokollConfig>;
  problems: ConfigFileProblem[];
} {
  const locale = language.locale ?? language.fallbackLocale ?? 'sv';
  const read = readRegularFile(file, CONFIG_SIZE_LIMIT);
  if ('error' in read) {
    const { code, reason } = read.error;
    const message: Bilingual =
      code === 'EFBIG'
        ? {
            sv: `inställningsfilen är större än ${formatSize(CONFIG_SIZE_LIMIT)} och läses inte; en inställningsfil är några rader JSON`,
            en: `the configuration file is larger than ${formatSize(CONFIG_SIZE_LIMIT)} and is not read; a configuration file is a few lines of JSON`,
          }
        : code === 'ENOTREG'
          ? {
              sv: `inställningsfilen är ${SWEDISH_KINDS[read.error.kind ?? 'other']}, ingen vanlig fil, och läses inte; ersätt den med en JSON-fil`,
              en: `the configuration file ${reason} and is not read; replace it with a JSON file`,
            }
          : {
              sv: `kan inte läsa inställningsfilen (${code ?? reason}); kontrollera att den finns och att du får läsa den`,
              en: `cannot read the configuration file (${code ?? reason}); check that it exists and that you may read it`,
            };
    return { config: {}, problems: [{ file, range: zeroRange(), message: message[locale] }] };
  }
  const text = read.bytes.toString('utf8');
  return parseConfigText(text, file, language);
}

/**
 * The configuration for a document: defaults, then `base` (editor settings), then the file, then
 * the caller's `locale`. Problems are written in that `locale`, else the file's, else `base`'s.
 */
export function resolveConfig(
  documentPath: string,
  base: Partial<ProtokollConfig> = {},
  options: { noConfig?: boolean; configFile?: string; locale?: Locale } = {},
): ResolvedConfig {
  const chosen = options.locale ? { locale: options.locale } : {};
  if (options.noConfig) return { config: mergeConfig(base, chosen), problems: [] };
  const file = options.configFile ?? findConfigFile(path.dirname(documentPath));
  if (!file) return { config: mergeConfig(base, chosen), problems: [] };
  const loaded = loadConfigFile(file, { locale: options.locale, fallbackLocale: base.locale });
  return { config: mergeConfig(base, loaded.config, chosen), file, problems: loaded.problems };
}
