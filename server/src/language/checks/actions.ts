import { nameKey } from '../text';
import type { Check } from './context';

// Namesakes named in one message (and offered as fixes); the rest are counted.
const MAX_NAMESAKES = 10;

/** `action/*`: every action has an owner who was at the meeting. */
export const actionCheck: Check = ({ model, report, capped }) => {
  for (const { line } of model.actions) {
    const owner = line.owner;
    if (!owner) {
      report({
        code: 'action/missing-owner',
        range: line.keyword.range,
        message: {
          sv: 'Åtgärden har ingen ansvarig. Lägg till @Namn (och gärna ett datum): Åtgärd: … @Anna Ek, 2024-05-01.',
          en: 'The action has no owner. Add @Name (and a due date): Action: … @Anna Ek, 2024-05-01.',
        },
      });
      continue;
    }
    if (model.resolvePerson(owner.text)) continue;
    if (capped('action/unknown-owner', owner.range)) continue;
    const first = nameKey(owner.text).split(' ')[0];
    const namesakes = model.presentNamesakes(first);
    // A first name shared by thousands: name the first few, offer them as fixes, count the rest.
    const shown = namesakes.slice(0, MAX_NAMESAKES).map((p) => p.name.text);
    const more = namesakes.length - shown.length;
    const list = (and: string) => shown.join(', ') + (more > 0 ? ` ${and} ${more}` : '');
    report({
      code: 'action/unknown-owner',
      range: line.owner.range,
      message:
        namesakes.length > 1
          ? {
              sv: `@${line.owner.text} kan vara flera: ${list('och')}. Skriv hela namnet.`,
              en: `@${line.owner.text} could be several people: ${list('and')}. Write the full name.`,
            }
          : {
              sv: `@${line.owner.text} finns inte bland de närvarande. Skriv namnet som under Närvarande.`,
              en: `@${line.owner.text} is not among those present. Write the name as listed under Närvarande (Present).`,
            },
      fixes: shown.map((name) => ({
        title: { sv: `Ersätt med ${name}`, en: `Replace with ${name}` },
        edits: [{ range: line.owner!.range, newText: name }],
      })),
    });
  }
};
