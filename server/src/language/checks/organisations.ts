import {
  findRegion,
  foldDiacritics,
  matchMunicipality,
  nearestMunicipalities,
  rankMunicipalities,
  type Municipality,
} from '../municipalities';
import { editDistance } from '../text';
import { nameKey } from '../text';
import type { Check } from './context';

/** `municipality/*`: every organisation is a municipality in its official form, or configured. */
export const organisationCheck: Check = ({ model, config, report }) => {
  const configured = new Set(config.organisations.map(nameKey));
  // A configured member person listed alone under Frånvarande is a person, not an organisation.
  const persons = new Set(config.memberPersons.map((p) => nameKey(p.name)));
  for (const mention of model.organisations) {
    const { span, where } = mention;
    const key = nameKey(span.text);
    if (configured.has(key)) continue;
    const match = matchMunicipality(span.text);
    if (match.kind === 'municipality') continue;
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
    const nearest = suggestions(span.text);
    // A round-table bullet's label is only an organisation when it is close to one; "- Obs: …"
    // is ordinary text and must not be reported.
    if (where === 'roundTable' && !looksLikeMisspelt(span.text, nearest)) continue;
    const list = nearest.map((m) => m.name).join(', ');
    const closest = nearestMunicipalities(span.text, 3, { withinBound: false })
      .map((m) => m.name)
      .join(', ');
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

/**
 * The municipalities to suggest: the completion ranking's close tiers (prefixes, folded
 * diacritics, one or two edits), else the nearest by edit distance.
 */
function suggestions(text: string): Municipality[] {
  const ranked = rankMunicipalities(text)
    .filter((r) => r.score >= 30)
    .slice(0, 3)
    .map((r) => r.municipality);
  return ranked.length > 0 ? ranked : nearestMunicipalities(text, 3);
}

/** One edit for short labels, two for longer ones: close enough to be a typo of a municipality. */
function looksLikeMisspelt(label: string, nearest: readonly Municipality[]): boolean {
  const folded = foldDiacritics(label.replace(/\s+(kommun|stad)$/i, ''));
  const limit = folded.length <= 5 ? 1 : 2;
  return nearest.some((m) => editDistance(folded, foldDiacritics(m.name), limit) <= limit);
}
