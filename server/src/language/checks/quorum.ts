import { includesParagraph } from '../syntax/persons';
import { nameKey } from '../text';
import type { Check } from './context';

/**
 * `quorum/not-met` (kommunal, with `seats`): more than half of the members must be present
 * (kommunallagen 5 kap. 44 §, 6 kap. 27 §). Members with jäv still count for the quorum.
 */
export const quorumCheck: Check = ({ model, config, report }) => {
  if (config.kind !== 'kommunal' || !config.seats) return;
  const heading =
    model.ast.sections.find((s) => s.group === 'voting') ??
    model.ast.sections.find((s) => s.group === 'present');
  if (!heading) return;
  const seats = config.seats;
  const needed = Math.floor(seats / 2) + 1;
  const countFor = (n: number | undefined) => {
    const replaced = new Set<string>();
    for (const p of model.votingMembers)
      if (p.replaces && p.paragraphs && includesParagraph(p.paragraphs, n))
        replaced.add(nameKey(p.replaces.name.text));
    return model.votingMembers.filter(
      (p) => includesParagraph(p.paragraphs, n) && (p.replaces || !replaced.has(p.key)),
    ).length;
  };
  const items = model.ast.items.filter((i) => i.value !== undefined);
  const worst = items.length
    ? items.map((i) => ({ item: i, count: countFor(i.value) })).find((x) => x.count < needed)
    : countFor(undefined) < needed
      ? { item: undefined, count: countFor(undefined) }
      : undefined;
  if (!worst) return;
  const where = worst.item
    ? { sv: ` vid § ${worst.item.value}`, en: ` at § ${worst.item.value}` }
    : { sv: '', en: '' };
  report({
    code: 'quorum/not-met',
    range: heading.keyword.range,
    message: {
      sv: `Organet är inte beslutfört${where.sv}: ${worst.count} av ${seats} ledamöter deltar. Mer än hälften, minst ${needed}, måste vara närvarande (kommunallagen 5 kap. 44 §, 6 kap. 27 §). Kontrollera närvarolistan eller "seats" i .protokoll.json.`,
      en: `The body has no quorum${where.en}: ${worst.count} of ${seats} members take part. More than half, at least ${needed}, must be present (Local Government Act ch. 5 § 44, ch. 6 § 27). Check the attendance lists or "seats" in .protokoll.json.`,
    },
  });
};
