import type { ItemModel, Person } from '../model';
import type { PersonRef, Span } from '../syntax/ast';
import type { VoteChoice } from '../syntax/keywords';
import { nameKey } from '../text';
import type { Check, CheckContext } from './context';
import { groupText, listNames } from './people';

const CHOICE: Record<VoteChoice, { sv: string; en: string }> = {
  yes: { sv: 'Ja', en: 'Yes (Ja)' },
  no: { sv: 'Nej', en: 'No (Nej)' },
  abstain: { sv: 'Avstår', en: 'Abstain (Avstår)' },
};

/**
 * `vote/*` (kommunal): tallies add up to the item's voters, names in a roll call, a reservation
 * or a yrkande are people who may stand there, nobody votes twice (kommunallagen 5 kap. 69 §,
 * 6 kap. 35 §: the protokoll shows who took part, the votes and how they fell).
 */
export const voteCheck: Check = (ctx) => {
  if (ctx.config.kind !== 'kommunal') return;
  for (const item of ctx.model.items) {
    const voters = ctx.model.votersIn(item);
    const voterKeys = new Set(voters.map((p) => p.key));
    const jav = new Set(item.jav.map((m) => nameKey(m.person.name.text)));
    const label = itemLabel(item);
    for (const vote of item.votes) {
      const seen = new Map<string, { choice: VoteChoice; span: Span }>();
      for (const tally of vote.tallies) {
        for (const person of tally.persons) {
          const key = nameKey(person.name.text);
          const first = seen.get(key);
          if (first) {
            ctx.report({
              code: 'vote/twice',
              range: person.name.range,
              message: {
                sv: `${person.name.text} står redan under ${CHOICE[first.choice].sv} (rad ${first.span.range.start.line + 1}). Varje ledamot röstar en gång: ta bort namnet från den ena raden.`,
                en: `${person.name.text} is already listed under ${CHOICE[first.choice].en} (line ${first.span.range.start.line + 1}). Every member votes once: remove the name from one of the lines.`,
              },
              related: [
                { range: first.span.range, message: { sv: 'Första gången', en: 'First time' } },
              ],
            });
            continue;
          }
          seen.set(key, { choice: tally.choice, span: person.name });
          if (!jav.has(key) && !voterKeys.has(key)) notVoting(ctx, person, label, 'vote');
        }
      }
      const total = (vote.counts.yes ?? 0) + (vote.counts.no ?? 0) + (vote.counts.abstain ?? 0);
      const sum = `${vote.counts.yes ?? 0} + ${vote.counts.no ?? 0} + ${vote.counts.abstain ?? 0} = ${total}`;
      const onlyNames = vote.tallies.length > 0 && vote.tallies.every((t) => t.value === undefined);
      if (total > voters.length) {
        ctx.report({
          code: 'vote/count',
          range: vote.anchor,
          message: {
            sv: `Omröstningen i ${label} har ${total} röster (Ja + Nej + Avstår: ${sum}), men bara ${voters.length} ledamöter deltar i beslutet. Kontrollera siffrorna eller närvarolistan.`,
            en: `The vote in ${label} has ${total} votes (Yes + No + Abstain: ${sum}), but only ${voters.length} members take part in the decision. Check the figures or the attendance lists.`,
          },
        });
      } else if (vote.rollCall && onlyNames && total < voters.length) {
        const voted = new Set(seen.keys());
        const missing = voters.filter((p) => !voted.has(p.key)).map((p) => p.name.text);
        const names = listNames(missing);
        ctx.report({
          code: 'vote/count',
          range: vote.anchor,
          message: {
            sv: `Namnomröstningen i ${label} räknar ${total} röster, men ${voters.length} ledamöter deltar i beslutet: ${names.sv} saknas. Skriv in dem under Ja, Nej eller Avstår.`,
            en: `The roll-call vote in ${label} counts ${total} votes, but ${voters.length} members take part in the decision: ${names.en} ${missing.length === 1 ? 'is' : 'are'} missing. Add them under Ja, Nej or Avstår.`,
          },
        });
      }
    }
    for (const m of item.reservations) {
      const key = nameKey(m.person.name.text);
      if (!jav.has(key) && !voterKeys.has(key)) notVoting(ctx, m.person, label, 'reservation');
    }
    for (const m of item.motions) {
      const key = nameKey(m.person.name.text);
      if (!jav.has(key) && !ctx.model.presentByKey.has(key))
        notVoting(ctx, m.person, label, 'motion');
    }
  }
};

export function itemLabel(item: ItemModel): string {
  const i = item.item;
  return `§ ${i.value ?? ''}${i.suffix ? ` ${i.suffix.text}` : ''}`;
}

function notVoting(
  { model, report }: CheckContext,
  person: PersonRef,
  label: string,
  where: 'vote' | 'reservation' | 'motion',
): void {
  const listed: Person | undefined = model.personByName(person.name.text);
  const why = listed
    ? groupText(listed)
    : { sv: 'finns inte i närvarolistorna', en: 'is not in the attendance lists' };
  const what = {
    vote: { sv: 'röstar', en: 'votes' },
    reservation: { sv: 'reserverar sig', en: 'enters a reservation' },
    motion: { sv: 'yrkar', en: 'makes a motion' },
  }[where];
  const rule =
    where === 'motion'
      ? {
          sv: 'Bara den som är närvarande kan yrka.',
          en: 'Only someone present can make a motion.',
        }
      : {
          sv: 'Bara beslutande ledamöter och tjänstgörande ersättare röstar och kan reservera sig.',
          en: 'Only voting members and serving substitutes vote and can enter a reservation.',
        };
  report({
    code: 'vote/not-voting-member',
    range: person.name.range,
    message: {
      sv: `${person.name.text} ${what.sv} i ${label} men ${why.sv}. ${rule.sv} Kontrollera namnet eller närvarolistan.`,
      en: `${person.name.text} ${what.en} in ${label} but ${why.en}. ${rule.en} Check the name or the attendance lists.`,
    },
    related: listed
      ? [{ range: listed.name.range, message: { sv: 'Listad här', en: 'Listed here' } }]
      : undefined,
  });
}

/** The side a person took in an item's roll call, if any. */
export function sideOf(item: ItemModel, key: string): VoteChoice | undefined {
  for (const vote of item.votes)
    for (const t of vote.tallies)
      if (t.persons.some((p) => nameKey(p.name.text) === key)) return t.choice;
  return undefined;
}
