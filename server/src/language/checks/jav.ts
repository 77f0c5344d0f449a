import type { PersonRef } from '../syntax/ast';
import { nameKey } from '../text';
import type { Check } from './context';
import { itemLabel } from './votes';

/**
 * `jav/took-part` (kommunal): a member who declared jäv in an item takes no part in it — no vote,
 * no yrkande, no reservation (kommunallagen 6 kap. 28–32 §§, 5 kap. 47 §).
 */
export const javCheck: Check = ({ model, config, report }) => {
  if (config.kind !== 'kommunal') return;
  for (const item of model.items) {
    if (item.jav.length === 0) continue;
    const declared = new Map(item.jav.map((m) => [nameKey(m.person.name.text), m.person]));
    const label = itemLabel(item);
    const check = (person: PersonRef, what: { sv: string; en: string }) => {
      const jav = declared.get(nameKey(person.name.text));
      if (!jav) return;
      report({
        code: 'jav/took-part',
        range: person.name.range,
        message: {
          sv: `${person.name.text} har anmält jäv i ${label} och får inte delta i ärendet, men ${what.sv}. Ta bort namnet här, eller jävsanmälan om den är fel.`,
          en: `${person.name.text} declared a conflict of interest (jäv) in ${label} and may take no part in it, but ${what.en}. Remove the name here, or the declaration if it is wrong.`,
        },
        related: [{ range: jav.name.range, message: { sv: 'Jäv anmält', en: 'Jäv declared' } }],
      });
    };
    for (const vote of item.votes)
      for (const t of vote.tallies)
        for (const p of t.persons) check(p, { sv: 'röstar', en: 'votes' });
    for (const m of item.motions) check(m.person, { sv: 'yrkar', en: 'makes a motion' });
    for (const m of item.reservations)
      check(m.person, { sv: 'reserverar sig', en: 'enters a reservation' });
  }
};
