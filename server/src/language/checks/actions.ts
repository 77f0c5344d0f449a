import type { Check } from './context';

/** `action/*`: every action has an owner who was at the meeting. */
export const actionCheck: Check = ({ model, report }) => {
  for (const { line } of model.actions) {
    if (!line.owner) {
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
    if (model.resolvePerson(line.owner.text)) continue;
    const first = line.owner.text.split(/\s+/)[0].toLowerCase();
    const namesakes = model.people.filter((p) => p.present && p.firstKey === first);
    report({
      code: 'action/unknown-owner',
      range: line.owner.range,
      message:
        namesakes.length > 1
          ? {
              sv: `@${line.owner.text} kan vara flera: ${namesakes.map((p) => p.name.text).join(', ')}. Skriv hela namnet.`,
              en: `@${line.owner.text} could be several people: ${namesakes.map((p) => p.name.text).join(', ')}. Write the full name.`,
            }
          : {
              sv: `@${line.owner.text} finns inte bland de närvarande. Skriv namnet som under Närvarande.`,
              en: `@${line.owner.text} is not among those present. Write the name as listed under Närvarande (Present).`,
            },
      fixes: namesakes.map((p) => ({
        title: { sv: `Ersätt med ${p.name.text}`, en: `Replace with ${p.name.text}` },
        edits: [{ range: line.owner!.range, newText: p.name.text }],
      })),
    });
  }
};
