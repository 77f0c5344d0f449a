import { nameKey } from '../text';
import type { Check } from './context';
import { itemLabel, sideOf } from './votes';

/**
 * `reservation/for-decision` (kommunal): a member can reserve only against a decision; one who
 * voted for the side that won the roll call has no decision to reserve against
 * (kommunallagen 4 kap. 27 §).
 */
export const reservationCheck: Check = ({ model, config, report }) => {
  if (config.kind !== 'kommunal') return;
  for (const item of model.items) {
    if (item.reservations.length === 0) continue;
    const vote = item.votes.find((v) => v.rollCall);
    if (!vote) continue;
    const yes = vote.counts.yes ?? 0;
    const no = vote.counts.no ?? 0;
    if (yes === no) continue; // the chair's casting vote decides; the minutes do not say which
    const winner = yes > no ? 'yes' : 'no';
    for (const m of item.reservations) {
      const key = nameKey(m.person.name.text);
      if (sideOf(item, key) !== winner) continue;
      const side = winner === 'yes' ? 'Ja' : 'Nej';
      report({
        code: 'reservation/for-decision',
        range: m.person.name.range,
        message: {
          sv: `${m.person.name.text} röstade ${side} i ${itemLabel(item)}, den sida som vann, och reserverar sig ändå mot beslutet. Kontrollera omröstningen eller reservationen.`,
          en: `${m.person.name.text} voted ${side} in ${itemLabel(item)}, the side that won, yet enters a reservation against the decision. Check the vote or the reservation.`,
        },
      });
    }
  }
};
