import type { AgendaItem } from '../../syntax/ast';
import { lastIndexAtOrBefore } from '../symbols';
import {
  CompletionItemKind,
  InsertTextFormat,
  matchesTyped,
  sortKey,
  type CompletionItem,
  type CompletionList,
  type Context,
} from './context';

/*
 * Item numbers: `§` at line start gets the next free number; the `paragraf` snippet writes a
 * whole item mark with that number and a placeholder title.
 */

const ITEM_TEXT = {
  next: { sv: 'Nästa lediga nummer', en: 'Next free number' },
  after: {
    sv: (n: string) => `Följer på § ${n}; numrera om efteråt vid behov.`,
    en: (n: string) => `Follows § ${n}; renumber afterwards if needed.`,
  },
  inserted: {
    sv: (n: string) => `Punkt som lagts till under mötet, efter § ${n}`,
    en: (n: string) => `Item added at the meeting, after § ${n}`,
  },
};

/** Where a new item at the cursor line falls: the items around it and the number it gets. */
function numberingAt(ctx: Context): {
  above?: AgendaItem;
  below?: AgendaItem;
  next: number;
} {
  const items = ctx.source.ast.items;
  const aboveIndex = lastIndexAtOrBefore(items, ctx.line - 1, (item) => item.mark.start.line);
  const above = aboveIndex >= 0 ? items[aboveIndex] : undefined;
  let belowIndex = aboveIndex + 1;
  if (items[belowIndex]?.mark.start.line === ctx.line) belowIndex++;
  const below = items[belowIndex];
  let max = 0;
  for (const item of items) {
    if (item.mark.start.line !== ctx.line && item.value !== undefined)
      max = Math.max(max, item.value);
  }
  let next: number;
  if (above?.value !== undefined && below) next = above.value + 1;
  else if (above || max > 0) next = max + 1;
  else next = below?.value ?? 1;
  return { above, below, next };
}

export function itemNumberCompletions(ctx: Context, markStart: number): CompletionList {
  const items = ctx.source.ast.items;
  const { above, below, next } = numberingAt(ctx);
  const space = /^[ \t]/.test(ctx.after) ? '' : ' ';
  const out: CompletionItem[] = [
    {
      label: `§ ${next}`,
      kind: CompletionItemKind.Value,
      detail: ITEM_TEXT.next[ctx.locale],
      documentation:
        above?.value !== undefined && below
          ? { kind: 'markdown', value: ITEM_TEXT.after[ctx.locale](String(above.value)) }
          : undefined,
      textEdit: { range: ctx.at(markStart), newText: `§ ${next}${space}` },
      filterText: `§ ${next}`,
      sortText: sortKey(0),
      insertTextFormat: 1,
      preselect: true,
    },
  ];
  if (above?.value !== undefined && below) {
    const letter = nextSuffix(items, above.value);
    if (letter) {
      out.push({
        label: `§ ${above.value} ${letter}`,
        kind: CompletionItemKind.Value,
        detail: ITEM_TEXT.inserted[ctx.locale](String(above.value)),
        textEdit: { range: ctx.at(markStart), newText: `§ ${above.value} ${letter}${space}` },
        filterText: `§ ${above.value} ${letter}`,
        sortText: sortKey(1),
        insertTextFormat: 1,
      });
    }
  }
  return { isIncomplete: false, items: out };
}

function nextSuffix(items: readonly AgendaItem[], value: number): string | undefined {
  const used = new Set(
    items.filter((i) => i.value === value && i.suffix).map((i) => i.suffix!.text),
  );
  return [...'abcdefghijklmnopqrstuvwxyz'].find((letter) => !used.has(letter));
}

const SNIPPET_TEXT = {
  title: { sv: 'Rubrik', en: 'Title' },
  detail: {
    sv: (mark: string) => `Ny punkt: ${mark} med rubrik`,
    en: (mark: string) => `New item: ${mark} with a title`,
  },
};

/**
 * The `paragraf` snippet at the start of a line among or after the items: `§ N ${1:Rubrik}`
 * with the next free number. Between two items whose numbers follow each other, the free mark
 * is the next letter (`§ 12 a`), as for an item added at the meeting.
 */
export function paragraphSnippet(
  ctx: Context,
  start: number,
  typed: string,
): CompletionItem | undefined {
  const folded = typed.trim().toLowerCase();
  if (folded !== '' && !matchesTyped('paragraf', folded) && !matchesTyped('item', folded))
    return undefined;
  const items = ctx.source.ast.items;
  const { above, below, next } = numberingAt(ctx);
  let mark = `§ ${next}`;
  if (above?.value !== undefined && below && items.some((i) => i.value === next)) {
    const letter = nextSuffix(items, above.value);
    if (letter) mark = `§ ${above.value} ${letter}`;
  }
  const title = SNIPPET_TEXT.title[ctx.locale];
  return {
    label: 'paragraf',
    kind: CompletionItemKind.Snippet,
    detail: SNIPPET_TEXT.detail[ctx.locale](mark),
    documentation: { kind: 'markdown', value: `\`\`\`protokoll\n${mark} ${title}\n\`\`\`` },
    textEdit: { range: ctx.at(start), newText: `${mark} \${1:${title}}` },
    filterText: 'paragraf item',
    insertTextFormat: InsertTextFormat.Snippet,
  };
}
