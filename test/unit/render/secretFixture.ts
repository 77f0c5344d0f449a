import { mergeConfig, type ProtokollConfig } from '../../../server/src/language/index.js';

/**
 * Minutes of a social welfare committee with a secret item and names to mask: the public
 * version must contain none of `MASKED_TEXTS`, in any format.
 */
export const SECRET_MINUTES = `# Socialnämnden
Organ: Socialnämnden
Datum: 2024-05-14
Tid: 13:00-15:00
Plats: Stadshuset, Rum Vänern

Beslutande:
- Anna Ek (S), ordförande
- Per Holm (M)
- Lena Sjö (C)

Övriga närvarande:
- Olof Hägg, socialsekreterare, § 41
- Karin Lund, nämndsekreterare

Utses att justera: Per Holm (M)
Justeringens plats och tid: Stadshuset, 2024-05-20 kl. 10.00

§ 40 Val av justerare
Till justerare utses Per Holm (M).

§ 41 Ansökan om bistånd, Greta Åkesson (Dnr SN 2024/88)
Sekretess: OSL 26 kap. 1 §
Greta Åkesson, född 1961, bor på Storgatan 5 och ansöker om försörjningsstöd.
Beslutsunderlag:
- Utredning daterad 2024-04-30 om hyresskulden hos Bostadsbolaget
Beslut: Nämnden beviljar bistånd med 8 400 kronor enligt utredningen.
Justeras omedelbart.

§ 42 Remiss om hemtjänst (Dnr SN 2024/91)
GRETA ÅKESSONS synpunkter har kommit in. Olof
Hägg redovisar dem.
Beslut: Nämnden yttrar sig enligt förslaget.

Sekreterare: Karin Lund
Ordförande: Anna Ek
Justerare: Per Holm
`;

export const SECRET_CONFIG: ProtokollConfig = mergeConfig({
  kind: 'kommunal',
  archive: 'Socialkontoret',
  maskedNames: ['Greta Åkesson', 'Olof Hägg'],
});

/** Text that must not survive in the public version (case-insensitive). */
export const MASKED_TEXTS = [
  'Åkesson',
  'Greta',
  'Olof',
  'Hägg',
  'Storgatan',
  'född 1961',
  'försörjningsstöd',
  'hyresskulden',
  'Bostadsbolaget',
  '8 400',
  'beviljar bistånd',
];

/** Text the public version keeps: the other items, the secret item's number and case number. */
export const KEPT_TEXTS = [
  'Socialnämnden',
  '§ 41',
  'Dnr SN 2024/88',
  'OSL 26 kap. 1 §',
  'Remiss om hemtjänst',
  'Nämnden yttrar sig enligt förslaget.',
  'Anna Ek',
  '[namn maskerat]',
];

/** The texts of `list` found in `text`, ignoring case (and NFC/NFD differences). */
export function survivors(text: string, list: readonly string[]): string[] {
  const haystack = text.normalize('NFC').toLowerCase();
  return list.filter((needle) => haystack.includes(needle.normalize('NFC').toLowerCase()));
}
