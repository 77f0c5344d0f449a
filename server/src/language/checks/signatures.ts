import { signerRole } from '../config';
import type { Span } from '../syntax/ast';
import { canonicalKeyword, KEYWORDS, type SignerRole } from '../syntax/keywords';
import { nameKey } from '../text';
import type { Range, TextEdit } from '../types';
import type { Check, CheckContext } from './context';

const ROLE_NAMES: Record<SignerRole, { sv: string; en: string }> = {
  chair: { sv: 'ordförande', en: 'chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  adjuster: { sv: 'justerare', en: 'adjuster' },
};

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
    if (lines.some((l) => l.names.length > 0)) continue;
    const keyword = canonicalKeyword(role);
    const elected = model.elections.find((e) => e.role === role);
    const suggestion = elected ? elected.names.map((n) => n.text).join(', ') : '';
    const existing = lines[0]?.line;
    const lastSignature = ast.signatures[ast.signatures.length - 1];
    const anchor: Range = existing?.keyword.range ?? lastSignature?.range ?? endOfDocument(ctx);
    const edits: TextEdit[] = existing
      ? [
          {
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
    report({
      code: 'signature/missing',
      range: anchor,
      message: {
        sv: `Underskrift av ${ROLE_NAMES[role].sv} saknas. Lägg till raden ${keyword}: Namn${suggestion ? ` (vald i § ${elected!.item.value}: ${suggestion})` : ''}.`,
        en: `The ${ROLE_NAMES[role].en}'s signature is missing. Add the line ${keyword}: Name (or ${KEYWORDS[role][1]}:)${suggestion ? ` (elected in § ${elected!.item.value}: ${suggestion})` : ''}.`,
      },
      fixes: [
        {
          title: { sv: `Lägg till raden ${keyword}:`, en: `Add the line ${keyword}:` },
          edits,
          preferred: suggestion !== '',
        },
      ],
    });
  }
}

function notPresent({ model, report }: CheckContext): void {
  for (const [role, lines] of model.signers) {
    for (const { names } of lines) {
      for (const name of names) {
        if (model.presentByKey.has(nameKey(name.text))) continue;
        const absent = model.people.find((p) => !p.present && p.key === nameKey(name.text));
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

function mismatch({ model, report }: CheckContext): void {
  for (const election of model.elections) {
    const lines = model.signers.get(election.role) ?? [];
    const signed = lines.flatMap((l) => l.names);
    if (signed.length === 0) continue; // signature/missing covers it
    const electedKeys = new Set(election.names.map((n) => nameKey(n.text)));
    const signedKeys = new Set(signed.map((n) => nameKey(n.text)));
    const same =
      electedKeys.size === signedKeys.size && [...electedKeys].every((k) => signedKeys.has(k));
    if (same) continue;
    const electedText = election.names.map((n) => n.text).join(', ');
    const signedText = signed.map((n) => n.text).join(', ');
    const role = ROLE_NAMES[election.role];
    const first = signed[0];
    const last = signed[signed.length - 1];
    const range: Range = { start: first.range.start, end: last.range.end };
    report({
      code: 'signature/mismatch',
      range,
      message: {
        sv: `${electedText} valdes till ${role.sv} i § ${election.item.value}, men ${signedText} skriver under som ${role.sv}. Ändra underskriften eller valet.`,
        en: `${electedText} was elected ${role.en} in § ${election.item.value}, but ${signedText} signs as ${role.en}. Change the signature or the election.`,
      },
      related: election.names.map((n) => ({
        range: n.range,
        message: {
          sv: `Vald till ${role.sv} i § ${election.item.value}`,
          en: `Elected ${role.en} in § ${election.item.value}`,
        },
      })),
      fixes: [
        {
          title: { sv: `Låt ${electedText} skriva under`, en: `Let ${electedText} sign` },
          edits: [{ range, newText: electedText }],
        },
      ],
    });
  }
}

function endOfDocument({ text }: CheckContext): Range {
  const lines = text.split(/\r\n|\r|\n/);
  let line = lines.length - 1;
  while (line > 0 && lines[line].trim() === '') line--;
  const position = { line, character: lines[line].length };
  return { start: position, end: position };
}
