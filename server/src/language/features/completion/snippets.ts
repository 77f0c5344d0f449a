import { keywordKind, type SignerRole } from '../../syntax/keywords';
import {
  CompletionItemKind,
  InsertTextFormat,
  matchesTyped,
  type CompletionItem,
  type Context,
} from './context';
import { signerRanking } from './people';

/*
 * The `underskrifter` snippet: the signature lines still missing, each with a choice of the
 * people present, the likeliest signer first (elected, appointed, or given the role in the
 * attendance list). A municipal body gets the order of its layout (Sekreterare, Ordförande,
 * Justerande); others the order of the v1 format (Ordförande, Sekreterare, Justerare).
 */

const TEXT = {
  detail: {
    sv: 'Underskrifter med de närvarande att välja bland',
    en: 'Signature lines with the people present to choose from',
  },
  name: { sv: 'Namn', en: 'Name' },
};

const KEYWORD: Record<SignerRole, { plain: string; municipal: string }> = {
  chair: { plain: 'Ordförande', municipal: 'Ordförande' },
  secretary: { plain: 'Sekreterare', municipal: 'Sekreterare' },
  adjuster: { plain: 'Justerare', municipal: 'Justerande' },
};

/** Escapes a snippet choice value (`,`, `|`, `$`, `}` and `\` have meanings there). */
function choiceText(name: string): string {
  return name.replace(/[\\,|$}]/g, (c) => `\\${c}`);
}

export function signaturesSnippet(
  ctx: Context,
  start: number,
  typed: string,
  line: number,
): CompletionItem | undefined {
  const folded = typed.trim().toLowerCase();
  if (
    folded !== '' &&
    !matchesTyped('underskrifter', folded) &&
    !matchesTyped('signatures', folded)
  )
    return undefined;
  const { ast, model } = ctx.source;
  const municipal = ctx.config.kind === 'kommunal' || model.hasVotingLists;
  const required = new Set<SignerRole>();
  for (const name of ctx.config.requiredSignatures) {
    const kind = keywordKind(name);
    if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') required.add(kind);
  }
  if (required.size === 0) {
    required.add('chair');
    required.add('secretary');
  }
  const order: SignerRole[] = municipal
    ? ['secretary', 'chair', 'adjuster']
    : ['chair', 'secretary', 'adjuster'];
  const written = (role: SignerRole) =>
    ast.signatures.filter((s) => s.kind === role && s.range.start.line !== line);
  const adjusters = Math.max(
    1,
    ctx.config.signatureCounts.adjuster ?? 0,
    model.appointedAdjusters?.persons?.length ?? 0,
    model.elections
      .filter((e) => e.role === 'adjuster')
      .reduce((n, e) => Math.max(n, e.names.length), 0),
  );
  const chair = signerRanking(ctx, 'chair')[0]?.person.key;
  const secretary = signerRanking(ctx, 'secretary')[0]?.person.key;
  const lines: string[] = [];
  let stop = 1;
  for (const role of order) {
    if (!required.has(role) || written(role).length > 0) continue;
    let ranked = signerRanking(ctx, role).map((r) => r.person);
    if (role === 'adjuster') {
      // The chair does not adjust; the secretary rarely does.
      ranked = ranked.filter((p) => p.key !== chair);
      ranked = [
        ...ranked.filter((p) => p.key !== secretary),
        ...ranked.filter((p) => p.key === secretary),
      ];
    }
    const count = role === 'adjuster' ? adjusters : 1;
    for (let k = 0; k < count; k++) {
      // The k-th adjuster line puts the k-th likeliest adjuster first.
      const first = ranked[k] ?? ranked[0];
      const choices = first ? [first, ...ranked.filter((p) => p !== first)] : [];
      const value =
        choices.length > 0
          ? `\${${stop}|${choices.map((p) => choiceText(p.name.text)).join(',')}|}`
          : `\${${stop}:${TEXT.name[ctx.locale]}}`;
      lines.push(`${KEYWORD[role][municipal ? 'municipal' : 'plain']}: ${value}`);
      stop++;
    }
  }
  if (lines.length === 0) return undefined;
  const preview = lines.map((l) => l.replace(/\$\{\d+[|:]([^,|}]*)[^}]*\}/g, '$1')).join('\n');
  return {
    label: 'underskrifter',
    kind: CompletionItemKind.Snippet,
    detail: TEXT.detail[ctx.locale],
    documentation: { kind: 'markdown', value: `\`\`\`protokoll\n${preview}\n\`\`\`` },
    textEdit: { range: ctx.at(start), newText: lines.join('\n') + '\n$0' },
    filterText: 'underskrifter signatures',
    insertTextFormat: InsertTextFormat.Snippet,
  };
}
