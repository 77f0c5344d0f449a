import type { ProtokollAst } from './ast';
import { BlockBuilder, type Block, type BlockOptions } from './blockBuilder';
import { diffText, layoutOf, relayout, type LineLayout } from './layout';
import { ItemNode } from './itemNode';
import type { Anchor } from './place';

/** What the next parse of the same document may reuse: the layout and the § item blocks. */
interface Reusable {
  readonly layout: LineLayout;
  /** The blocks of § items other than the last, by the offset where they start. */
  readonly blocks: Map<number, Block | ItemNode>;
}

const reusableParts = new WeakMap<ProtokollAst, Reusable>();

const LAST_ITEM: BlockOptions = { followedByItem: false, allAfterLastItem: true };
const OTHER_ITEM: BlockOptions = { followedByItem: true, allAfterLastItem: false };

/**
 * Reads the document text into an AST. Never throws; unreadable lines become `problems`.
 *
 * With `previous` (an earlier parse of the same document), only what changed is read again: the
 * lines outside the common start and end of the two texts are classified, and every § item that
 * lies entirely in the unchanged start or end is taken over, moved to its new line. A § item's
 * lines mean the same wherever the item stands, except for the last item (signatures follow it),
 * which is why the last item and the header block are always read again. The result equals a
 * fresh parse. `previous` must not be used afterwards: its reused items now sit at their new lines.
 */
export function buildAst(text: string, previous?: ProtokollAst): ProtokollAst {
  const old = previous ? reusableParts.get(previous) : undefined;
  if (previous) reusableParts.delete(previous);
  const change = old ? diffText(old.layout.text, text) : undefined;
  const layout = old && change ? relayout(old.layout, text, change) : layoutOf(text);
  const { lineStarts, itemLines } = layout;
  const count = lineStarts.length;
  const delta = old ? text.length - old.layout.text.length : 0;
  const unchangedEnd = change ? text.length - change.suffix : 0;
  const blocksByStart = new Map<number, Block | ItemNode>();
  const headerEnd = itemLines.length > 0 ? itemLines[0] : count;
  const builder = new BlockBuilder(text, lineStarts);
  const first = builder.build(0, headerEnd, {
    followedByItem: itemLines.length > 0,
    allAfterLastItem: itemLines.length === 0,
  });
  const parts = new Parts(first);
  for (let k = 0; k < itemLines.length; k++) {
    const from = itemLines[k];
    const last = k === itemLines.length - 1;
    const to = last ? count : itemLines[k + 1];
    if (last) {
      parts.add(builder.build(from, to, LAST_ITEM));
      continue;
    }
    const start = lineStarts[from];
    const end = lineStarts[to];
    let block: Block | ItemNode | undefined;
    if (old && change) {
      // The same text in the old version: in the unchanged start, or shifted in the unchanged end.
      const was =
        end <= change.prefix
          ? old.blocks.get(start)
          : start >= unchangedEnd
            ? old.blocks.get(start - delta)
            : undefined;
      // Same start, same length: the same text.
      if (was && lengthOf(was) === end - start) {
        block = was;
        const anchor = anchorOf(was);
        anchor.line = from;
        // Its spans read from the new text: the old version is not kept alive by reused items.
        anchor.text = text;
        anchor.offset = start;
        anchor.lineStarts = lineStarts;
      }
    }
    block ??= builder.build(from, to, OTHER_ITEM);
    blocksByStart.set(start, block);
    parts.add(block);
  }
  const ast: ProtokollAst = {
    title: first instanceof ItemNode ? undefined : first.title,
    header: parts.header,
    preamble: first instanceof ItemNode ? [] : first.preamble,
    sections: first instanceof ItemNode ? [] : first.sections,
    items: parts.items,
    signatures: parts.signatures,
    comments: parts.comments,
    problems: parts.problems,
    lineCount: count,
    lineStarts,
  };
  reusableParts.set(ast, { layout, blocks: blocksByStart });
  return ast;
}

function lengthOf(block: Block | ItemNode): number {
  return block instanceof ItemNode ? block._length : block.length;
}

function anchorOf(block: Block | ItemNode): Anchor {
  return block instanceof ItemNode ? block._anchor : block.anchor;
}

/** The lists of the tree, gathered block by block in document order. */
class Parts {
  readonly header: Block['header'] = [];
  readonly items: Block['items'] = [];
  readonly signatures: Block['signatures'] = [];
  readonly comments: Block['comments'] = [];
  readonly problems: Block['problems'] = [];

  constructor(first: Block | ItemNode) {
    this.add(first);
  }

  add(block: Block | ItemNode): void {
    if (block instanceof ItemNode) {
      this.items.push(block);
      return;
    }
    append(this.header, block.header);
    append(this.items, block.items);
    append(this.signatures, block.signatures);
    append(this.comments, block.comments);
    append(this.problems, block.problems);
  }
}

function append<T>(to: T[], list: readonly T[]): void {
  for (let i = 0; i < list.length; i++) to.push(list[i]);
}
