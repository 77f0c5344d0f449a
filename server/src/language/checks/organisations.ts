import {
  closelyRankedMunicipalities,
  findRegion,
  foldDiacritics,
  matchMunicipality,
  municipalitiesWithin,
  nearestMunicipalitiesBoth,
  type Municipality,
} from '../municipalities';
import { nameKey } from '../text';
import type { Check } from './context';

/** `municipality/*`: every organisation is a municipality in its official form, or configured. */
export const organisationCheck: Check = ({ model, config, report, capped }) => {
  const configured = new Set(config.organisations.map(nameKey));
  // The same unknown name written many times is ranked once.
  const suggested = new Map<string, Suggestions>();
  // A configured member person listed alone under Frånvarande is a person, not an organisation.
  const persons = new Set(config.memberPersons.map((p) => nameKey(p.name)));
  // Whether a name as written is configured or a municipality: the same few names stand on
  // thousands of round-table lines, and this is all most of them need.
  const accepted = new Map<string, boolean>();
  for (const mention of model.organisations) {
    const { span, where } = mention;
    const text = span.text;
    let ok = accepted.get(text);
    if (ok === undefined) {
      ok = configured.has(nameKey(text)) || matchMunicipality(text).kind === 'municipality';
      accepted.set(text, ok);
    }
    if (ok) continue;
    const key = nameKey(text);
    const match = matchMunicipality(text);
    // Regions, member persons and (under Frånvarande) listed persons are not unknown towns.
    if (persons.has(key) || findRegion(span.text)) continue;
    if (where === 'absent' && model.personByName(span.text)) continue;
    // `- Sara: …` with an attendee's name is a person speaking, not an organisation.
    if (where === 'roundTable' && model.isAttendeeName(key)) continue;
    if (match.kind === 'misspelt-form') {
      report({
        code: 'municipality/form',
        range: span.range,
        message: {
          sv: `"${span.text}" är inte kommunens namn. Det officiella namnet är ${match.expected}.`,
          en: `"${span.text}" is not the municipality's name. The official form is ${match.expected}.`,
        },
        fixes: [
          {
            title: { sv: `Ersätt med ${match.expected}`, en: `Replace with ${match.expected}` },
            edits: [{ range: span.range, newText: match.expected }],
            preferred: true,
          },
        ],
      });
      continue;
    }
    // A round-table bullet's label is only an organisation when it is close to one; "- Obs: …"
    // is ordinary text and must not be reported. Most labels are far from every municipality:
    // the deletion index says so in a few lookups, before any ranking.
    const close = where === 'roundTable' ? closeMunicipalities(span.text) : undefined;
    if (close?.length === 0) continue;
    if (capped('municipality/unknown', span.range)) continue;
    let found = suggested.get(key);
    if (!found) suggested.set(key, (found = suggestions(span.text)));
    const { nearest } = found;
    if (close && !nearest.some((m) => close.includes(m))) continue;
    const list = nearest.map((m) => m.name).join(', ');
    const closest = found.closest.map((m) => m.name).join(', ');
    report({
      code: 'municipality/unknown',
      range: span.range,
      message: nearest.length
        ? {
            sv: `"${span.text}" är ingen kommun. Menade du ${list}? Är det en annan organisation, lägg till den under "organisations" i .protokoll.json.`,
            en: `"${span.text}" is not a municipality. Did you mean ${list}? If it is another organisation, add it to "organisations" in .protokoll.json.`,
          }
        : {
            sv: `"${span.text}" är varken en kommun eller en organisation i konfigurationen (närmaste kommuner: ${closest}). Kontrollera stavningen eller lägg till namnet under "organisations" i .protokoll.json.`,
            en: `"${span.text}" is neither a municipality nor a configured organisation (nearest municipalities: ${closest}). Check the spelling or add the name to "organisations" in .protokoll.json.`,
          },
      fixes: nearest.map((m, i) => ({
        title: { sv: `Ersätt med ${m.name}`, en: `Replace with ${m.name}` },
        edits: [
          { range: span.range, newText: /kommun|stad/i.test(span.text) ? m.official : m.name },
        ],
        preferred: i === 0 && nearest.length === 1,
      })),
    });
  }
};

interface Suggestions {
  // The municipalities to suggest (possibly none).
  readonly nearest: readonly Municipality[];
  // Without a suggestion: the nearest municipalities however far, for the message.
  readonly closest: readonly Municipality[];
}

/**
 * The municipalities to suggest: the completion ranking's close tiers (prefixes, folded
 * diacritics, one edit), else the nearest by edit distance within its bound; without any, the
 * nearest regardless (one pass computes both).
 */
function suggestions(text: string): Suggestions {
  const ranked = closelyRankedMunicipalities(text, 3);
  if (ranked.length > 0) return { nearest: ranked, closest: [] };
  const { withinBound, regardless } = nearestMunicipalitiesBoth(text, 3);
  return withinBound.length > 0
    ? { nearest: withinBound, closest: [] }
    : { nearest: [], closest: regardless };
}

/**
 * The municipalities a label is a typo of: within one edit for short labels, two for longer
 * ones (names ending in `kommun`/`stad` are compared without it).
 */
function closeMunicipalities(label: string): Municipality[] {
  const folded = foldDiacritics(withoutLongFormWord(label));
  return municipalitiesWithin(folded, folded.length <= 5 ? 1 : 2);
}

// `label` without a final ` kommun`/` stad` (and the blanks before it); linear, unlike
// /\s+(kommun|stad)$/ which rescans a long run of blanks from each of its positions.
function withoutLongFormWord(label: string): string {
  const m = /(?:kommun|stad)$/i.exec(label.slice(-6));
  if (!m) return label;
  const before = label.length - m[0].length;
  let start = before;
  while (start > 0 && /\s/.test(label[start - 1])) start--;
  return start < before ? label.slice(0, start) : label;
}
