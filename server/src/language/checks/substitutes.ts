import { nameKey } from '../text';
import type { Check } from './context';

/**
 * `attendance/substitute-*` (kommunal): a serving substitute replaces a member who is absent
 * (at least for the items the substitute serves), normally of the same party.
 */
export const substituteCheck: Check = ({ model, config, report }) => {
  if (config.kind !== 'kommunal') return;
  // The first present member of each name, found once: a search per substitute was quadratic.
  const presentMember = new Map<string, (typeof model.people)[number]>();
  for (const p of model.people) {
    const member =
      p.present &&
      !p.replaces &&
      (p.group === 'voting' || p.group === 'serving' || p.group === 'present');
    if (member && !presentMember.has(p.key)) presentMember.set(p.key, p);
  }
  for (const sub of model.people) {
    const replaced = sub.replaces;
    if (!replaced || !sub.present) continue;
    const member = presentMember.get(nameKey(replaced.name.text));
    // With § ranges on both, the member may be there for the other items.
    const overlaps =
      member &&
      (!sub.paragraphs ||
        (member.paragraphs &&
          member.paragraphs.ranges.some(([a, b]) =>
            sub.paragraphs!.ranges.some(([c, d]) => a <= d && c <= b),
          )));
    if (member && overlaps) {
      report({
        code: 'attendance/substitute-for-present',
        range: replaced.name.range,
        message: {
          sv: `${sub.name.text} ersätter ${replaced.name.text}, som står som närvarande (rad ${member.name.range.start.line + 1}). En ersättare tjänstgör bara för en frånvarande ledamot: flytta ${replaced.name.text} till Frånvarande, eller ange för vilka paragrafer (§ 26–30).`,
          en: `${sub.name.text} replaces ${replaced.name.text}, who is listed as present (line ${member.name.range.start.line + 1}). A substitute serves only for an absent member: move ${replaced.name.text} to Frånvarande (absent), or give the items served (§ 26–30).`,
        },
        related: [{ range: member.name.range, message: { sv: 'Närvarande', en: 'Present' } }],
      });
    }
    const replacedParty =
      replaced.party?.text ?? model.personByName(replaced.name.text)?.party?.text;
    if (sub.party && replacedParty && nameKey(sub.party.text) !== nameKey(replacedParty)) {
      report({
        code: 'attendance/substitute-party',
        range: sub.party.range,
        message: {
          sv: `${sub.name.text} (${sub.party.text}) ersätter ${replaced.name.text} (${replacedParty}) från ett annat parti. En ersättare tjänstgör normalt för en ledamot från samma parti; kontrollera partibeteckningen eller ersättarnas turordning.`,
          en: `${sub.name.text} (${sub.party.text}) replaces ${replaced.name.text} (${replacedParty}) of another party. A substitute normally serves for a member of the same party; check the party letters or the order of substitutes.`,
        },
        related: replaced.party
          ? [
              {
                range: replaced.party.range,
                message: { sv: 'Ledamotens parti', en: "The member's party" },
              },
            ]
          : undefined,
      });
    }
  }
};
