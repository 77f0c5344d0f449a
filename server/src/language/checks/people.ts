import type { MeetingModel, Person } from '../model';
import type { PersonRef, Span } from '../syntax/ast';

/** How many names a message lists before it counts the rest (a council has 101 members). */
export const MAX_LISTED_NAMES = 8;

/**
 * `Anna Ek, Per Ek och Eva Lind` / `Anna Ek, Per Ek and Eva Lind`; past `MAX_LISTED_NAMES`, the
 * first ones and how many more: `Anna Ek, …, Olle Nord och 91 till` / `… and 91 more`.
 */
export function listNames(names: readonly string[]): { sv: string; en: string } {
  if (names.length > MAX_LISTED_NAMES) {
    const head = names.slice(0, MAX_LISTED_NAMES).join(', ');
    const more = names.length - MAX_LISTED_NAMES;
    return { sv: `${head} och ${more} till`, en: `${head} and ${more} more` };
  }
  if (names.length <= 1) return { sv: names[0] ?? '', en: names[0] ?? '' };
  const head = names.slice(0, -1).join(', ');
  const last = names[names.length - 1];
  return { sv: `${head} och ${last}`, en: `${head} and ${last}` };
}

/** `Anna Ek (S)` as written, for messages. */
export function written(person: PersonRef): string {
  return person.party ? `${person.name.text} (${person.party.text})` : person.name.text;
}

/** Every party span written in the document, with the name it belongs to. */
export function partySpans(model: MeetingModel): { party: Span; name: Span }[] {
  const out: { party: Span; name: Span }[] = [];
  const add = (p: PersonRef | undefined) => {
    if (p?.party) out.push({ party: p.party, name: p.name });
  };
  for (const person of model.people) {
    if (person.party) out.push({ party: person.party, name: person.name });
    add(person.replaces);
  }
  for (const s of model.ast.signatures) s.persons.forEach(add);
  model.appointedAdjusters?.persons?.forEach(add);
  for (const e of model.elections) if (e.source === 'body') e.persons.forEach(add);
  for (const item of model.hasItemLabels ? model.items : []) {
    for (const m of [...item.motions, ...item.reservations, ...item.jav, ...item.notes])
      add(m.person);
    for (const v of item.votes) for (const t of v.tallies) t.persons.forEach(add);
  }
  return out;
}

/** Where a person stands, for messages: `under Ersättare (röstar inte)`. */
export function groupText(person: Person): { sv: string; en: string } {
  switch (person.group) {
    case 'substitutes':
      return {
        sv: 'står under Ersättare och röstar inte',
        en: 'is listed under Ersättare (substitutes) and does not vote',
      };
    case 'others':
      return {
        sv: 'står under Övriga närvarande och röstar inte',
        en: 'is listed under Övriga närvarande (others present) and does not vote',
      };
    case 'absent':
      return { sv: 'står som frånvarande', en: 'is listed as absent' };
    default:
      return {
        sv: 'är inte med i beslutet i denna paragraf',
        en: 'does not take part in the decision of this item',
      };
  }
}
