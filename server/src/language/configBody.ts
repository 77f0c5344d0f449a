import type { Bilingual } from './checks/context';
import { quotedJsonValue, signerRole, type ConfigProblem } from './config';
import { NATIONAL_PARTIES, type SignerRole } from './syntax/keywords';
import { nameKey } from './text';

/*
 * The v2 settings: the kind of body, its parties and seats, signature counts and members as
 * persons. Each reader validates one value and reports problems at its JSON path.
 */

/** `kommunal` turns on the law's checks; `förening` has no notice board; `nätverk` is v1. */
export type BodyKind = 'kommunal' | 'förening' | 'nätverk';

/** A party the configuration adds to the national ones (`{"short": "SoL", "name": "…"}`). */
export interface PartyConfig {
  readonly short: string;
  readonly name?: string;
}

/** A member of the body as a person (`{"name": "Anna Ek", "party": "S", "role": "ordförande"}`). */
export interface MemberPerson {
  readonly name: string;
  readonly party?: string;
  readonly role?: string;
}

const KIND_SPELLINGS: Record<string, BodyKind> = {
  kommunal: 'kommunal',
  municipal: 'kommunal',
  förening: 'förening',
  forening: 'förening',
  association: 'förening',
  nätverk: 'nätverk',
  natverk: 'nätverk',
  network: 'nätverk',
};

export function readKind(v: unknown, problems: ConfigProblem[]): BodyKind | undefined {
  const kind = typeof v === 'string' ? KIND_SPELLINGS[v.normalize('NFC').toLowerCase()] : undefined;
  if (kind) return kind;
  const found = quotedJsonValue(v);
  problems.push({
    path: ['kind'],
    message: {
      sv: `${found.sv} är ingen sorts organ; använd "kommunal" (nämnd, styrelse, fullmäktige), "förening" eller "nätverk"`,
      en: `${found.en} is not a kind of body; use "kommunal" (a municipal body), "förening" (an association) or "nätverk" (a network)`,
    },
  });
  return undefined;
}

const PARTY_SHORT = /^\p{Lu}[\p{L}]{0,5}$/u;

export function readParties(v: unknown, problems: ConfigProblem[]): PartyConfig[] | undefined {
  const example = '["SoL", {"short": "KV", "name": "Kommunens väl"}]';
  if (!Array.isArray(v)) {
    const found = quotedJsonValue(v);
    problems.push({
      path: ['parties'],
      message: {
        sv: `måste vara en lista med partier, till exempel ${example}, inte ${found.sv}`,
        en: `must be an array of parties such as ${example}, not ${found.en}`,
      },
    });
    return undefined;
  }
  const out: PartyConfig[] = [];
  v.forEach((item, i) => {
    const entry =
      typeof item === 'string'
        ? { short: item }
        : typeof item === 'object' && item !== null && !Array.isArray(item)
          ? (item as Record<string, unknown>)
          : undefined;
    const short = entry?.short;
    const name = entry?.name;
    if (
      typeof short === 'string' &&
      PARTY_SHORT.test(short) &&
      (name === undefined || typeof name === 'string')
    ) {
      out.push({ short, name: name as string | undefined });
      return;
    }
    const found = quotedJsonValue(item);
    problems.push({
      path: ['parties', i],
      message: {
        sv: `måste vara en partibeteckning (en versal och högst fem bokstäver till, t.ex. "SoL") eller {"short": "SoL", "name": "Sjukvårdspartiet"}, inte ${found.sv}`,
        en: `must be party letters (a capital and up to five more letters, e.g. "SoL") or {"short": "SoL", "name": "Sjukvårdspartiet"}, not ${found.en}`,
      },
    });
  });
  return out;
}

export function readSeats(v: unknown, problems: ConfigProblem[]): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1000) return v;
  const found = quotedJsonValue(v);
  problems.push({
    path: ['seats'],
    message: {
      sv: `måste vara antalet ledamöter i organet, ett heltal från 1 (till exempel 11), inte ${found.sv}`,
      en: `must be the number of members (seats) of the body, a whole number from 1 (such as 11), not ${found.en}`,
    },
  });
  return undefined;
}

/**
 * `requiredSignatures` entries: role names, or `{"role": "Justerare", "count": 2}`. Returns the
 * role names and the counts; a role listed twice is a problem.
 */
export function readRequiredSignatures(
  v: unknown,
  problems: ConfigProblem[],
  roleProblem: (name: string) => Bilingual,
): { names: string[]; counts: Partial<Record<SignerRole, number>> } | undefined {
  const example = '["Ordförande", "Sekreterare", {"role": "Justerare", "count": 2}]';
  if (!Array.isArray(v)) {
    const found = quotedJsonValue(v);
    problems.push({
      path: ['requiredSignatures'],
      message: {
        sv: `måste vara en lista med roller, till exempel ${example}, inte ${found.sv}`,
        en: `must be an array of roles such as ${example}, not ${found.en}`,
      },
    });
    return undefined;
  }
  const names: string[] = [];
  const counts: Partial<Record<SignerRole, number>> = {};
  const seen = new Map<SignerRole, number>();
  v.forEach((item, i) => {
    const path = ['requiredSignatures', i];
    let name: unknown = item;
    let count = 1;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      name = o.role;
      if (o.count !== undefined) {
        if (
          typeof o.count !== 'number' ||
          !Number.isInteger(o.count) ||
          o.count < 1 ||
          o.count > 10
        ) {
          const found = quotedJsonValue(o.count);
          problems.push({
            path: [...path, 'count'],
            message: {
              sv: `måste vara antalet som ska skriva under, ett heltal från 1 (till exempel 2), inte ${found.sv}`,
              en: `must be how many must sign, a whole number from 1 (such as 2), not ${found.en}`,
            },
          });
          return;
        }
        count = o.count;
      }
    }
    if (typeof name !== 'string' || name.trim() === '') {
      const found = quotedJsonValue(item);
      const object = typeof item === 'object' && item !== null && !Array.isArray(item);
      problems.push({
        path,
        message: object
          ? {
              sv: `måste vara en roll med antal, till exempel {"role": "Justerare", "count": 2}, inte ${found.sv}`,
              en: `must be a role with a count such as {"role": "Justerare", "count": 2}, not ${found.en}`,
            }
          : {
              sv: `måste vara ett namn inom citattecken, inte ${found.sv}; ta bort posten eller skriv namnet (eller {"role": "Justerare", "count": 2})`,
              en: `must be a name in double quotes, not ${found.en}; remove the entry or write the name (or {"role": "Justerare", "count": 2})`,
            },
      });
      return;
    }
    const role = signerRole(name);
    if (!role) {
      problems.push({
        path: typeof item === 'string' ? path : [...path, 'role'],
        message: roleProblem(name),
      });
      return;
    }
    const first = seen.get(role);
    if (first !== undefined) {
      problems.push({
        path,
        message: {
          sv: `rollen "${name}" står redan på plats ${first + 1}; skriv den en gång, med antal: {"role": "${name}", "count": 2}`,
          en: `the role "${name}" is already listed at position ${first + 1}; list it once, with a count: {"role": "${name}", "count": 2}`,
        },
      });
      return;
    }
    seen.set(role, i);
    names.push(name);
    if (count !== 1) counts[role] = count;
  });
  return { names, counts };
}

/** `members`: organisation names and persons; returns both lists. */
export function readMembers(
  v: unknown,
  problems: ConfigProblem[],
): { organisations: string[]; persons: MemberPerson[] } | undefined {
  const example = '["Hjo", {"name": "Anna Ek", "party": "S", "role": "ordförande"}]';
  if (!Array.isArray(v)) {
    const found = quotedJsonValue(v);
    problems.push({
      path: ['members'],
      message: {
        sv: `måste vara en lista med organisationer eller personer, till exempel ${example}, inte ${found.sv}`,
        en: `must be an array of organisations or persons such as ${example}, not ${found.en}`,
      },
    });
    return undefined;
  }
  const organisations: string[] = [];
  const persons: MemberPerson[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string' && item.trim() !== '') {
      organisations.push(item);
      return;
    }
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      const ok =
        typeof o.name === 'string' &&
        o.name.trim() !== '' &&
        (o.party === undefined || (typeof o.party === 'string' && PARTY_SHORT.test(o.party))) &&
        (o.role === undefined || typeof o.role === 'string') &&
        Object.keys(o).every((k) => k === 'name' || k === 'party' || k === 'role');
      if (ok) {
        persons.push({
          name: o.name as string,
          party: o.party as string | undefined,
          role: o.role as string | undefined,
        });
        return;
      }
    }
    const found = quotedJsonValue(item);
    problems.push({
      path: ['members', i],
      message: {
        sv: `måste vara en organisation inom citattecken eller en person {"name": "Anna Ek", "party": "S", "role": "ordförande"} (party och role kan utelämnas), inte ${found.sv}`,
        en: `must be an organisation in double quotes or a person {"name": "Anna Ek", "party": "S", "role": "ordförande"} (party and role optional), not ${found.en}`,
      },
    });
  });
  return { organisations, persons };
}

/** The party letters a configuration knows: the national parties and the configured ones. */
export function knownParty(letters: string, parties: readonly PartyConfig[]): boolean {
  if (Object.prototype.hasOwnProperty.call(NATIONAL_PARTIES, letters)) return true;
  const key = nameKey(letters);
  return parties.some((p) => nameKey(p.short) === key);
}
