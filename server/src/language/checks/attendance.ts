import { findMunicipality } from '../municipalities';
import type { Span } from '../syntax/ast';
import { nameKey } from '../text';
import type { Check, CheckContext } from './context';

/** The municipality or configured organisation a name stands for, as a comparable key. */
function organisationKey(text: string): string {
  const m = findMunicipality(text);
  return m ? `kommun:${m.code}` : nameKey(text);
}

/** `attendance/*`: nobody twice, nobody both present and absent, every member accounted for. */
export const attendanceCheck: Check = (ctx) => {
  const { model, config, report } = ctx;
  const seen = new Map<string, Span>();
  for (const person of model.people) {
    const key = `${person.present}:${person.key}`;
    const first = seen.get(key);
    if (first) {
      report({
        code: 'attendance/duplicate',
        range: person.name.range,
        message: {
          sv: `${person.name.text} står redan på rad ${first.range.start.line + 1}. Ta bort den ena raden.`,
          en: `${person.name.text} is already listed on line ${first.range.start.line + 1}. Remove one of the lines.`,
        },
        related: [{ range: first.range, message: { sv: 'Första gången', en: 'First listed' } }],
        tags: [1],
      });
    } else seen.set(key, person.name);
  }

  const presentPeople = new Map(model.people.filter((p) => p.present).map((p) => [p.key, p.name]));
  const presentOrgs = new Map<string, Span>();
  for (const section of model.ast.sections) {
    if (section.kind !== 'present') continue;
    for (const e of section.entries)
      if (e.organisation) presentOrgs.set(organisationKey(e.organisation.text), e.organisation);
  }
  for (const section of model.ast.sections) {
    if (section.kind !== 'absent') continue;
    for (const entry of section.entries) {
      const personSpan = entry.name && presentPeople.get(nameKey(entry.name.text));
      // "Name, Organisation" absent while a colleague is present is normal; only an organisation
      // listed alone, or the same person, is a contradiction.
      const orgSpan =
        !entry.name && entry.organisation
          ? presentOrgs.get(organisationKey(entry.organisation.text))
          : undefined;
      const clash = personSpan ? entry.name : orgSpan ? entry.organisation : undefined;
      const other = personSpan ?? orgSpan;
      if (!clash || !other) continue;
      report({
        code: 'attendance/both',
        range: clash.range,
        message: {
          sv: `${clash.text} står både som närvarande (rad ${other.range.start.line + 1}) och frånvarande. Ta bort den felaktiga raden.`,
          en: `${clash.text} is listed both as present (line ${other.range.start.line + 1}) and absent. Remove the wrong line.`,
        },
        related: [{ range: other.range, message: { sv: 'Närvarande', en: 'Present' } }],
      });
    }
  }

  unaccountedPersons(ctx);
  if (config.members.length === 0) return;
  const accounted = new Set<string>();
  for (const section of model.ast.sections) {
    for (const e of section.entries)
      if (e.organisation) accounted.add(organisationKey(e.organisation.text));
  }
  const absent = model.ast.sections.find((s) => s.kind === 'absent');
  const anchor = model.ast.sections[0]?.keyword.range ?? model.ast.title?.range;
  if (!anchor) return;
  for (const member of config.members) {
    if (accounted.has(organisationKey(member))) continue;
    const insertAt = absent ? absent.range.end : undefined;
    report({
      code: 'attendance/unaccounted',
      range: absent?.keyword.range ?? anchor,
      message: {
        sv: `${member} är medlem men står varken som närvarande eller frånvarande. Lägg till ${member} i en av listorna.`,
        en: `${member} is a member but is listed neither as present nor as absent. Add ${member} to one of the lists.`,
      },
      fixes: insertAt
        ? [
            {
              title: {
                sv: `Lägg till ${member} under Frånvarande`,
                en: `Add ${member} to Frånvarande (absent)`,
              },
              edits: [{ range: { start: insertAt, end: insertAt }, newText: `\n- ${member}` }],
            },
          ]
        : undefined,
    });
  }
};

/** Configured member persons (`{"name": "Anna Ek", "party": "S"}`) listed nowhere. */
function unaccountedPersons({ model, config, report }: CheckContext): void {
  if (config.memberPersons.length === 0) return;
  const absent = model.ast.sections.find((s) => s.kind === 'absent');
  const anchor = model.ast.sections[0]?.keyword.range ?? model.ast.title?.range;
  if (!anchor) return;
  for (const member of config.memberPersons) {
    if (model.personByName(member.name)) continue;
    // A person listed alone under Frånvarande reads as an organisation in v1 terms.
    const key = nameKey(member.name);
    if (model.organisations.some((o) => o.where === 'absent' && nameKey(o.span.text) === key))
      continue;
    const line = `${member.name}${member.party ? ` (${member.party})` : ''}`;
    const insertAt = absent ? absent.range.end : undefined;
    report({
      code: 'attendance/unaccounted',
      range: absent?.keyword.range ?? anchor,
      message: {
        sv: `${line} är ledamot men står varken som närvarande eller frånvarande. Lägg till ${member.name} i en av listorna.`,
        en: `${line} is a member but is listed neither as present nor as absent. Add ${member.name} to one of the lists.`,
      },
      fixes: insertAt
        ? [
            {
              title: {
                sv: `Lägg till ${member.name} under Frånvarande`,
                en: `Add ${member.name} to Frånvarande (absent)`,
              },
              edits: [{ range: { start: insertAt, end: insertAt }, newText: `\n- ${line}` }],
            },
          ]
        : undefined,
    });
  }
}
