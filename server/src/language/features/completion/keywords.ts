import type { ItemModel } from '../../itemModel';
import type { AgendaItem } from '../../syntax/ast';
import {
  ITEM_LABEL_KINDS,
  KEYWORDS,
  type KeywordKind,
  type SignerRole,
} from '../../syntax/keywords';
import {
  CompletionItemKind,
  foldedKey,
  inOrder,
  matchesTyped,
  type CompletionItem,
  type CompletionList,
  type Context,
} from './context';
import { paragraphSnippet } from './itemNumbers';
import { signaturesSnippet } from './snippets';

/*
 * Keywords at the start of a line, by where the line is: header fields and attendance lists
 * before the first §; item labels (and `Ja:`/`Nej:`/`Avstår:` after `Omröstning:`) inside an
 * item; signatures with their Swedish synonyms after the last §. The `paragraf` and
 * `underskrifter` snippets join the list where they fit.
 */

const KEYWORD_TEXT: Record<KeywordKind, { sv: string; en: string; example: string }> = {
  date: { sv: 'Mötets datum', en: 'Date of the meeting', example: 'Datum: 2024-05-14' },
  time: { sv: 'Mötets tid', en: 'Time of the meeting', example: 'Tid: 09:00-12:00' },
  place: { sv: 'Plats för mötet', en: 'Where the meeting is held', example: 'Plats: Stadshuset' },
  present: {
    sv: 'Närvarolista: en rad per person',
    en: 'Attendance list: one line per person',
    example: 'Närvarande:\n- Anna Ek, Hjo (ordförande)',
  },
  absent: {
    sv: 'Frånvarande organisationer eller personer',
    en: 'Absent organisations or people',
    example: 'Frånvarande:\n- Tibro',
  },
  decision: {
    sv: 'Beslut i punkten',
    en: 'Decision of the item',
    example: 'Beslut: Förslaget godkänns.',
  },
  action: {
    sv: 'Åtgärd med ansvarig och datum',
    en: 'Action with owner and due date',
    example: 'Åtgärd: Boka lokal. @Anna Ek, 2024-06-01',
  },
  nextMeeting: {
    sv: 'Datum och plats för nästa möte',
    en: 'Date and place of the next meeting',
    example: 'Nästa möte: 2024-06-11, Stadshuset',
  },
  chair: {
    sv: 'Ordförandes underskrift',
    en: "The chair's signature",
    example: 'Ordförande: Anna Ek',
  },
  secretary: {
    sv: 'Sekreterarens underskrift',
    en: "The secretary's signature",
    example: 'Sekreterare: Per Berg',
  },
  adjuster: {
    sv: 'Justerare (en eller flera, med komma emellan)',
    en: 'Adjusters (one or more, separated by commas)',
    example: 'Justerare: Eva Lund',
  },
  adjusted: {
    sv: 'Dag då protokollet justerades (inom 14 dagar)',
    en: 'Day the minutes were adjusted (within 14 days)',
    example: 'Justerat: 2024-05-20',
  },
  posted: {
    sv: 'Dag då justeringen anslogs (senast andra dagen efter)',
    en: 'Day the adjustment was posted (by the second day after)',
    example: 'Anslaget: 2024-05-21',
  },
  body: {
    sv: 'Organet som sammanträder',
    en: 'The body that meets',
    example: 'Organ: Kommunstyrelsen',
  },
  appointedAdjusters: {
    sv: 'De som utses att justera protokollet',
    en: 'Those appointed to adjust the minutes',
    example: 'Utses att justera: Anna Ek (S), Per Ek (M)',
  },
  adjustmentPlace: {
    sv: 'Var och när protokollet justeras',
    en: 'Where and when the minutes are adjusted',
    example: 'Justeringens plats och tid: Kommunhuset, 2024-03-12 kl. 15.00',
  },
  paragraphs: {
    sv: 'Protokollets paragrafer',
    en: 'The items of the minutes',
    example: 'Paragrafer: 26–38',
  },
  voting: {
    sv: 'Beslutande ledamöter',
    en: 'Voting members',
    example: 'Beslutande:\n- Anna Ek (S), ordförande',
  },
  serving: {
    sv: 'Tjänstgörande ersättare (röstar)',
    en: 'Serving substitutes (they vote)',
    example: 'Tjänstgörande ersättare:\n- Per Ek (M), ersätter Anna Berg (M)',
  },
  substitutes: {
    sv: 'Närvarande ersättare (röstar inte)',
    en: 'Substitutes present (not voting)',
    example: 'Ersättare:\n- Lisa Berg (C)',
  },
  others: {
    sv: 'Övriga närvarande med funktion',
    en: 'Others present, with their function',
    example: 'Övriga närvarande:\n- Karin Lund, kommunsekreterare',
  },
  basis: {
    sv: 'Beslutsunderlag (lista)',
    en: 'Basis for decision (list)',
    example: 'Beslutsunderlag:\n- Tjänsteskrivelse',
  },
  proposal: {
    sv: 'Förslag till beslut',
    en: 'Proposed decision',
    example: 'Förslag till beslut: …',
  },
  motions: { sv: 'Yrkanden', en: 'Motions', example: 'Yrkanden:\n- Anna Ek (S): bifall' },
  order: { sv: 'Propositionsordning', en: 'Order of proposals', example: 'Propositionsordning: …' },
  vote: { sv: 'Omröstning', en: 'Vote', example: 'Omröstning:\nJa: 7\nNej: 4' },
  reservation: {
    sv: 'Reservation',
    en: 'Dissent',
    example: 'Reservation: Per Ek (M) reserverar sig.',
  },
  jav: { sv: 'Jäv', en: 'Conflict of interest', example: 'Jäv: Anna Ek (S) deltar inte.' },
  note: {
    sv: 'Protokollsanteckning',
    en: 'Note for the minutes',
    example: 'Protokollsanteckning: …',
  },
  sendTo: {
    sv: 'Beslutet skickas till (lista)',
    en: 'Decision sent to (list)',
    example: 'Beslutet skickas till:\n- Ekonomikontoret',
  },
  attachments: { sv: 'Bilagor (lista)', en: 'Attachments (list)', example: 'Bilagor:\n- Bilaga 1' },
  secrecy: {
    sv: 'Sekretess: punkten maskeras i den offentliga versionen',
    en: 'Secrecy: the item is masked in the public version',
    example: 'Sekretess: OSL 26 kap. 1 §',
  },
};

/** Header fields and lists of a network's minutes (v1 first) and of a municipal body's. */
const HEADER_KEYWORDS: readonly KeywordKind[] = [
  'date',
  'time',
  'place',
  'present',
  'absent',
  'body',
  'voting',
  'serving',
  'substitutes',
  'others',
  'appointedAdjusters',
  'adjustmentPlace',
  'paragraphs',
];
const MUNICIPAL_HEADER_KEYWORDS: readonly KeywordKind[] = [
  'body',
  'date',
  'time',
  'place',
  'voting',
  'serving',
  'substitutes',
  'others',
  'absent',
  'appointedAdjusters',
  'adjustmentPlace',
  'paragraphs',
  'present',
];
const LABEL_KEYWORDS: readonly KeywordKind[] = [
  'decision',
  'action',
  'nextMeeting',
  ...ITEM_LABEL_KINDS,
];
/** The order of a municipal item: underlag, förslag, yrkanden, proposition, vote, beslut, … */
const MUNICIPAL_LABEL_KEYWORDS: readonly KeywordKind[] = [
  'basis',
  'proposal',
  'motions',
  'order',
  'vote',
  'decision',
  'reservation',
  'jav',
  'note',
  'sendTo',
  'attachments',
  'action',
  'nextMeeting',
  'secrecy',
];
const SIGNATURE_KEYWORDS: readonly KeywordKind[] = [
  'chair',
  'secretary',
  'adjuster',
  'adjusted',
  'posted',
  'paragraphs',
];
/** Swedish synonyms offered next to their keyword in the signature block. */
const SIGNATURE_SYNONYMS: Partial<Record<KeywordKind, string>> = {
  secretary: 'Protokollförare',
  adjuster: 'Justerande',
};

const TALLY_TEXT = {
  yes: { label: 'Ja', en: 'Yes', sv: 'Röster för ja', doc: 'Ja: 7' },
  no: { label: 'Nej', en: 'No', sv: 'Röster för nej', doc: 'Nej: Anna Ek (S), Per Ek (M)' },
  abstain: { label: 'Avstår', en: 'Abstain', sv: 'De som avstår', doc: 'Avstår: 2' },
} as const;
const TALLY_DETAIL_EN = { yes: 'Votes for yes', no: 'Votes for no', abstain: 'Abstentions' };

const IMMEDIATE = {
  text: 'Justeras omedelbart.',
  sv: 'Paragrafen justeras omedelbart (räknas som justerad på sammanträdesdagen)',
  en: 'The item is adjusted at once (counts as adjusted on the meeting day)',
};

/** Keywords (and snippets) for a line start where `typed` has been written from `start`. */
export function keywordCompletions(ctx: Context, start: number, typed: string): CompletionList {
  const { ast, model } = ctx.source;
  const line = ctx.line;
  const items = ast.items;
  const municipal = ctx.config.kind === 'kommunal' || model.hasVotingLists;
  const firstItemLine = items[0]?.mark.start.line ?? Infinity;
  const lastItemLine = items[items.length - 1]?.mark.start.line ?? -1;
  // Signatures may start once no text of the last item follows the cursor.
  const lastItemEnd = items[items.length - 1]?.range.end.line ?? -1;
  const elsewhere = (kind: KeywordKind): boolean =>
    ast.header.some((h) => h.kind === kind && h.range.start.line !== line) ||
    ast.sections.some((s) => s.keyword.kind === kind && s.keyword.range.start.line !== line) ||
    ast.signatures.some((s) => s.kind === kind && s.range.start.line !== line);
  const folded = foldedKey(typed);
  const out: CompletionItem[] = [];
  const snippets: CompletionItem[] = [];
  let item: AgendaItem | undefined;
  let kinds: KeywordKind[];
  if (line < firstItemLine) {
    kinds = (municipal ? MUNICIPAL_HEADER_KEYWORDS : HEADER_KEYWORDS).filter((k) => !elsewhere(k));
    const lastHeaderLine = Math.max(
      -1,
      ...ast.header.map((h) => h.range.end.line),
      ...ast.sections.map((s) => s.range.end.line),
    );
    if (items.length === 0 && line > lastHeaderLine && lastHeaderLine >= 0) {
      const snippet = paragraphSnippet(ctx, start, typed);
      if (snippet) snippets.push(snippet);
    }
  } else {
    const signaturesAbove = ast.signatures.some((s) => s.range.start.line < line);
    const signatureArea = line > lastItemLine && line >= lastItemEnd;
    const signatures = signatureArea
      ? SIGNATURE_KEYWORDS.filter(
          // `Paragrafer:` in the signature block is a municipal body's habit.
          (k) => !signed(ctx, k, line) && (k !== 'paragraphs' || municipal),
        )
      : [];
    if (signaturesAbove && line > lastItemLine) {
      kinds = signatures;
    } else {
      item = items[indexOfItemAbove(items, line)];
      kinds = [...(municipal ? MUNICIPAL_LABEL_KEYWORDS : LABEL_KEYWORDS), ...signatures];
      const snippet = paragraphSnippet(ctx, start, typed);
      if (snippet) snippets.push(snippet);
    }
    if (signatureArea) {
      const snippet = signaturesSnippet(ctx, start, typed, line);
      if (snippet) snippets.push(snippet);
    }
  }
  const itemModel = item ? model.itemModel(item) : undefined;
  if (itemModel) out.push(...tallyItems(ctx, itemModel, start, folded));
  for (const kind of kinds) {
    const spellings: readonly string[] = KEYWORDS[kind];
    const text = KEYWORD_TEXT[kind];
    const detail = ctx.locale === 'sv' ? text.sv : `${spellings.slice(1).join(', ')} — ${text.en}`;
    const offer = (label: string, filter: string, example: string) =>
      out.push({
        label: `${label}:`,
        kind: CompletionItemKind.Keyword,
        detail,
        documentation: { kind: 'markdown', value: `\`\`\`protokoll\n${example}\n\`\`\`` },
        textEdit: { range: ctx.at(start), newText: `${label}: ` },
        filterText: filter,
        insertTextFormat: 1,
      });
    if (folded === '' || spellings.some((s) => matchesTyped(foldedKey(s), folded))) {
      offer(spellings[0], spellings.join(' '), text.example);
    }
    // A municipal body's house style: `Protokollförare:`, `Justerande:`.
    const synonym = municipal && line > lastItemLine ? SIGNATURE_SYNONYMS[kind] : undefined;
    if (synonym && (folded === '' || matchesTyped(foldedKey(synonym), folded))) {
      offer(synonym, synonym, text.example.replace(spellings[0], synonym));
    }
  }
  if (
    itemModel &&
    !itemModel.immediate &&
    (folded === '' || matchesTyped(foldedKey(IMMEDIATE.text), folded))
  ) {
    out.push({
      label: IMMEDIATE.text,
      kind: CompletionItemKind.Keyword,
      detail: IMMEDIATE[ctx.locale],
      textEdit: { range: ctx.at(start), newText: IMMEDIATE.text },
      filterText: `${IMMEDIATE.text} adjusted immediately`,
      insertTextFormat: 1,
    });
  }
  return { isIncomplete: false, items: inOrder([...out, ...snippets]) };
}

function indexOfItemAbove(items: readonly AgendaItem[], line: number): number {
  let index = -1;
  for (let i = 0; i < items.length && items[i].mark.start.line <= line; i++) index = i;
  return index;
}

/**
 * Whether the signature block already has this kind on another line. Adjusters stay on offer
 * while fewer names are written than `{"role": "Justerare", "count": N}` asks for.
 */
function signed(ctx: Context, kind: KeywordKind, line: number): boolean {
  const { ast, model } = ctx.source;
  if (kind === 'paragraphs')
    return model.paragraphs !== undefined && model.paragraphs.range.start.line !== line;
  const lines = ast.signatures.filter((s) => s.kind === kind && s.range.start.line !== line);
  if (lines.length === 0) return false;
  const role = kind as SignerRole;
  const wanted = ctx.config.signatureCounts[role];
  if (kind === 'adjuster' && wanted !== undefined) {
    return lines.reduce((n, l) => n + l.names.length, 0) >= wanted;
  }
  return true;
}

/** `Ja:`, `Nej:`, `Avstår:` on the lines after `Omröstning:`, the ones not yet written. */
function tallyItems(
  ctx: Context,
  item: ItemModel,
  start: number,
  folded: string,
): CompletionItem[] {
  const vote = [...item.votes].reverse().find((v) => {
    const from = (v.label?.range ?? v.tallies[0]?.range)?.start.line ?? Infinity;
    return from < ctx.line;
  });
  if (!vote) return [];
  // Only right below the vote: the tallies follow `Omröstning:` (and its meaning line).
  const below = item.item.body.filter(
    (l) =>
      l.range.start.line > (vote.label?.range.start.line ?? -1) && l.range.start.line < ctx.line,
  );
  if (below.some((l) => l.kind !== 'tally' && l.kind !== 'text' && l.kind !== 'blank')) return [];
  const written = new Set(
    vote.tallies.filter((t) => t.range.start.line !== ctx.line).map((t) => t.choice),
  );
  const out: CompletionItem[] = [];
  for (const choice of ['yes', 'no', 'abstain'] as const) {
    if (written.has(choice)) continue;
    const text = TALLY_TEXT[choice];
    if (folded !== '' && ![text.label, text.en].some((s) => matchesTyped(foldedKey(s), folded)))
      continue;
    out.push({
      label: `${text.label}:`,
      kind: CompletionItemKind.Keyword,
      detail: ctx.locale === 'sv' ? text.sv : `${text.en} — ${TALLY_DETAIL_EN[choice]}`,
      documentation: { kind: 'markdown', value: `\`\`\`protokoll\n${text.doc}\n\`\`\`` },
      textEdit: { range: ctx.at(start), newText: `${text.label}: ` },
      filterText: `${text.label} ${text.en}`,
      insertTextFormat: 1,
      preselect: out.length === 0 ? true : undefined,
    });
  }
  return out;
}
