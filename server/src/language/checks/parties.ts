import { knownParty } from '../configBody';
import { NATIONAL_PARTIES } from '../syntax/keywords';
import type { Check } from './context';
import { partySpans } from './people';

const NATIONAL = Object.keys(NATIONAL_PARTIES).join(', ');

/** `attendance/unknown-party` (every kind): party letters that are neither national nor configured. */
export const partyCheck: Check = ({ model, config, report }) => {
  for (const { party, name } of partySpans(model)) {
    if (knownParty(party.text, config.parties)) continue;
    const upper = party.text.toUpperCase();
    const configured = config.parties.map((p) => p.short);
    const fixTo = knownParty(upper, config.parties) && upper !== party.text ? upper : undefined;
    const extra = configured.length ? `, ${configured.join(', ')}` : '';
    report({
      code: 'attendance/unknown-party',
      range: party.range,
      message: {
        sv: `"${party.text}" (${name.text}) är inget känt parti. Kända partier: ${NATIONAL}${extra}. Skriv partiets beteckning, eller lägg till den under "parties" i .protokoll.json.`,
        en: `"${party.text}" (${name.text}) is not a known party. Known parties: ${NATIONAL}${extra}. Write the party's letters, or add them to "parties" in .protokoll.json.`,
      },
      fixes: fixTo
        ? [
            {
              title: { sv: `Ersätt med ${fixTo}`, en: `Replace with ${fixTo}` },
              edits: [{ range: party.range, newText: fixTo }],
              preferred: true,
            },
          ]
        : undefined,
    });
  }
};
