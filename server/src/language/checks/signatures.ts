import { signerRole } from '../config';
import type { Span } from '../syntax/ast';
import { canonicalKeyword, KEYWORDS, type SignerRole } from '../syntax/keywords';
import { nameKey } from '../text';
import type { Range, TextEdit } from '../types';
import type { Check, CheckContext } from './context';
import { listNames } from './people';

const ROLE_NAMES: Record<SignerRole, { sv: string; en: string }> = {
  chair: { sv: 'ordförande', en: 'chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  adjuster: { sv: 'justerare', en: 'adjuster' },
};
const ROLE_PLURALS: Record<SignerRole, { sv: string; en: string }> = {
  chair: { sv: 'ordförande', en: 'chairs' },
  secretary: { sv: 'sekreterare', en: 'secretaries' },
  adjuster: { sv: 'justerare', en: 'adjusters' },
};

/** Who was elected to a role: an item's election, or `Utses att justera` for the adjusters. */
function electedFor(
  ctx: CheckContext,
  role: SignerRole,
): { names: Span[]; where: { sv: string; en: string } } | undefined {
  const election = ctx.model.elections.find((e) => e.role === role);
  if (election) {
    const at = `§ ${election.item.value ?? ''}`;
    return { names: election.names, where: { sv: `i ${at}`, en: `in ${at}` } };
  }
  const appointed = ctx.model.appointedAdjusters?.persons;
  if (role === 'adjuster' && appointed?.length) {
    return {
      names: appointed.map((p) => p.name),
      where: { sv: 'under Utses att justera', en: 'under Utses att justera (appointed to adjust)' },
    };
  }
  return undefined;
}

/** `signature/*`: required signers present, real attendees, distinct, and the ones elected. */
export const signatureCheck: Check = (ctx) => {
  missing(ctx);
  notPresent(ctx);
  samePerson(ctx);
  mismatch(ctx);
};

function missing(ctx: CheckContext): void {
  const { model, config, report } = ctx;
  const required = new Set(
    config.requiredSignatures.map(signerRole).filter((r) => r !== undefined),
  );
  const ast = model.ast;
  for (const role of ['chair', 'secretary', 'adjuster'] as const) {
    if (!required.has(role)) continue;
    const lines = model.signers.get(role) ?? [];
    const signed = lines.flatMap((l) => l.names);
    const count = config.signatureCounts[role] ?? 1;
    if (signed.length >= count) continue;
    const keyword = canonicalKeyword(role);
    const elected = electedFor(ctx, role);
    const signedKeys = new Set(signed.map((n) => nameKey(n.text)));
    const suggestions = (elected?.names ?? []).filter((n) => !signedKeys.has(nameKey(n.text)));
    const suggestion = suggestions.map((n) => n.text).join(', ');
    const existing = lines.find((l) => l.names.length > 0)?.line ?? lines[0]?.line;
    const lastSignature = ast.signatures[ast.signatures.length - 1];
    const anchor: Range = existing?.keyword.range ?? lastSignature?.range ?? endOfDocument(ctx);
    const edits: TextEdit[] = existing
      ? [
          signed.length > 0
            ? {
                range: { start: existing.range.end, end: existing.range.end },
                newText: suggestion ? `, ${suggestion}` : ', ',
              }
            : {
                range: { start: existing.keyword.range.end, end: existing.range.end },
                newText: ` ${suggestion}`,
              },
        ]
      : [
          {
            range: { start: anchor.end, end: anchor.end },
            newText: `${lastSignature ? '\n' : '\n\n'}${keyword}: ${suggestion}`,
          },
        ];
    const electedNote = suggestion
      ? {
          sv: ` (vald ${elected!.where.sv}: ${suggestion})`,
          en: ` (elected ${elected!.where.en}: ${suggestion})`,
        }
      : { sv: '', en: '' };
    report({
      code: 'signature/missing',
      range: anchor,
      message:
        signed.length === 0
          ? {
              sv: `Underskrift av ${ROLE_NAMES[role].sv} saknas. Lägg till raden ${keyword}: Namn${electedNote.sv}.`,
              en: `The ${ROLE_NAMES[role].en}'s signature is missing. Add the line ${keyword}: Name (or ${KEYWORDS[role][1]}:)${electedNote.en}.`,
            }
          : {
              sv: `${count} ${ROLE_PLURALS[role].sv} ska skriva under, men bara ${signed.length} gör det. Lägg till ${count - signed.length === 1 ? 'namnet' : 'namnen'} på raden ${keyword}:${electedNote.sv}.`,
              en: `${count} ${ROLE_PLURALS[role].en} must sign, but only ${signed.length} ${signed.length === 1 ? 'does' : 'do'}. Add the ${count - signed.length === 1 ? 'name' : 'names'} to the line ${keyword}:${electedNote.en}.`,
            },
      fixes: [
        {
          title:
            signed.length === 0
              ? { sv: `Lägg till raden ${keyword}:`, en: `Add the line ${keyword}:` }
              : {
                  sv: `Lägg till ${suggestion || 'ett namn'}`,
                  en: `Add ${suggestion || 'a name'}`,
                },
          edits,
          preferred: suggestion !== '',
        },
      ],
    });
  }
}

function notPresent({ model, report }: CheckContext): void {
  // The first absent person of each name, found once rather than searched for per signer.
  const absentByKey = new Map<string, (typeof model.people)[number]>();
  for (const p of model.people)
    if (!p.present && !absentByKey.has(p.key)) absentByKey.set(p.key, p);
  for (const [role, lines] of model.signers) {
    for (const { names } of lines) {
      for (const name of names) {
        if (model.presentByKey.has(nameKey(name.text))) continue;
        const absent = absentByKey.get(nameKey(name.text));
        report({
          code: 'signature/not-present',
          range: name.range,
          message: absent
            ? {
                sv: `${name.text} skriver under som ${ROLE_NAMES[role].sv} men står som frånvarande.`,
                en: `${name.text} signs as ${ROLE_NAMES[role].en} but is listed as absent.`,
              }
            : {
                sv: `${name.text} skriver under som ${ROLE_NAMES[role].sv} men finns inte bland de närvarande. Kontrollera stavningen eller lägg till personen under Närvarande.`,
                en: `${name.text} signs as ${ROLE_NAMES[role].en} but is not among those present. Check the spelling or add the person under Närvarande (Present).`,
              },
          related: absent
            ? [{ range: absent.name.range, message: { sv: 'Frånvarande', en: 'Absent' } }]
            : undefined,
        });
      }
    }
  }
}

function samePerson({ model, report }: CheckContext): void {
  const chairs = (model.signers.get('chair') ?? []).flatMap((l) => l.names);
  for (const [role, lines] of model.signers) {
    const seen = new Map<string, Span>();
    for (const name of lines.flatMap((l) => l.names)) {
      const key = nameKey(name.text);
      const first = seen.get(key);
      if (first) {
        report({
          code: 'signature/same-person',
          range: name.range,
          message: {
            sv: `${name.text} står två gånger som ${ROLE_NAMES[role].sv}. Ta bort dubbletten.`,
            en: `${name.text} is listed twice as ${ROLE_NAMES[role].en}. Remove the duplicate.`,
          },
          related: [{ range: first.range, message: { sv: 'Första gången', en: 'First time' } }],
          tags: [1],
        });
      } else seen.set(key, name);
      if (role === 'adjuster') {
        const chair = chairs.find((c) => nameKey(c.text) === key);
        if (chair) {
          report({
            code: 'signature/same-person',
            range: name.range,
            message: {
              sv: `${name.text} är ordförande och kan inte också justera protokollet. Välj en annan justerare.`,
              en: `${name.text} is the chair and cannot also adjust the minutes. Choose another adjuster.`,
            },
            related: [{ range: chair.range, message: { sv: 'Ordförande', en: 'Chair' } }],
          });
        }
      }
    }
  }
}

function mismatch(ctx: CheckContext): void {
  const { model, report } = ctx;
  for (const role of SIGNER_ROLES_IN_ORDER) {
    const elected = electedFor(ctx, role);
    if (!elected) continue;
    const lines = model.signers.get(role) ?? [];
    const signed = lines.flatMap((l) => l.names);
    if (signed.length === 0) continue; // signature/missing covers it
    const electedKeys = new Set(elected.names.map((n) => nameKey(n.text)));
    const signedKeys = new Set(signed.map((n) => nameKey(n.text)));
    const same =
      electedKeys.size === signedKeys.size && [...electedKeys].every((k) => signedKeys.has(k));
    // Two elected and one signing is a mismatch as in v1, and also signature/missing when the
    // required count is not reached (design page, section 5).
    if (same) continue;
    const electedNames = elected.names.map((n) => n.text);
    const electedText = electedNames.join(', ');
    const electedList = listNames(electedNames);
    const signedList = listNames(signed.map((n) => n.text));
    const one = ROLE_NAMES[role];
    const many = ROLE_PLURALS[role];
    const first = signed[0];
    const last = signed[signed.length - 1];
    const range: Range = { start: first.range.start, end: last.range.end };
    const wasWere = electedNames.length === 1 ? 'was' : 'were';
    const signs = signed.length === 1 ? 'signs' : 'sign';
    report({
      code: 'signature/mismatch',
      range,
      message: {
        sv: `${electedList.sv} valdes till ${one.sv} ${elected.where.sv}, men ${signedList.sv} skriver under som ${one.sv}. Ändra underskriften eller valet.`,
        en: `${electedList.en} ${wasWere} elected ${electedNames.length === 1 ? one.en : many.en} ${elected.where.en}, but ${signedList.en} ${signs} as ${signed.length === 1 ? one.en : many.en}. Change the signature or the election.`,
      },
      related: elected.names.map((n) => ({
        range: n.range,
        message: {
          sv: `Vald till ${one.sv} ${elected.where.sv}`,
          en: `Elected ${one.en} ${elected.where.en}`,
        },
      })),
      fixes:
        lines.length === 1 || signed.every((n) => n.range.start.line === first.range.start.line)
          ? [
              {
                title: { sv: `Låt ${electedText} skriva under`, en: `Let ${electedText} sign` },
                edits: [{ range, newText: electedText }],
              },
            ]
          : undefined,
    });
  }
}

const SIGNER_ROLES_IN_ORDER: readonly SignerRole[] = ['chair', 'secretary', 'adjuster'];

function endOfDocument({ text }: CheckContext): Range {
  const lines = text.split(/\r\n|\r|\n/);
  let line = lines.length - 1;
  while (line > 0 && lines[line].trim() === '') line--;
  const position = { line, character: lines[line].length };
  return { start: position, end: position };
}
