import type { BodyLine, PersonRef, Span, TallyLine } from '../syntax/ast';
import type { ItemLabelKind, VoteChoice } from '../syntax/keywords';
import { v2LineText } from '../syntax/lineText';
import { parseInline, type Inline } from './inline';
import type { Labels } from './labels';

/** A run of source lines as the writers lay it out. */
export type Block =
  | { readonly kind: 'paragraph'; readonly lines: Sourced<Inline[]>[] }
  | { readonly kind: 'list'; readonly items: ListItemView[] }
  | { readonly kind: 'decision'; readonly line: number; readonly content: Inline[] }
  | {
      readonly kind: 'action';
      readonly line: number;
      readonly content: Inline[];
      readonly owner?: string;
      readonly due?: string;
    }
  | {
      readonly kind: 'nextMeeting';
      readonly line: number;
      readonly date?: string;
      readonly place?: string;
    }
  | LabelledBlock
  | VoteBlock
  | SecrecyBlock;

export interface Sourced<T> {
  readonly line: number;
  readonly value: T;
}

export interface ListItemView {
  readonly line: number;
  /** The organisation (or speaker) of a round-table bullet (`- Hjo: …`). */
  readonly organisation?: string;
  readonly content: Inline[];
}

/**
 * A labelled part of an item (`Beslutsunderlag`, `Yrkanden`, `Reservation`, …): the heading in
 * the document's language, the text after the colon and the bullets below it.
 */
export interface LabelledBlock {
  readonly kind: 'labelled';
  readonly label: Exclude<ItemLabelKind, 'vote' | 'secrecy'>;
  readonly line: number;
  readonly heading: string;
  readonly content: Inline[];
  readonly items: ListItemView[];
}

/** `Omröstning:` with what Ja and Nej stand for and one row per choice. */
export interface VoteBlock {
  readonly kind: 'vote';
  readonly line: number;
  readonly heading: string;
  readonly meaning?: Sourced<Inline[]>;
  readonly rows: VoteRowView[];
  /** True when names are listed (a roll call): the table gets a column for them. */
  readonly rollCall: boolean;
}

export interface VoteRowView {
  readonly line: number;
  readonly choice: VoteChoice;
  /** `Ja`, `Nej`, `Avstår` in the document's language. */
  readonly label: string;
  /** The number written, or the number of names. */
  readonly count?: number;
  /** `Anna Ek (S)`, for a roll call. */
  readonly names: string[];
  /** Text that is neither a count nor names, shown as written. */
  readonly rest?: string;
}

/** `Sekretess: OSL 26 kap. 1 §`: the mark on a secret item (the notice in the public version). */
export interface SecrecyBlock {
  readonly kind: 'secrecy';
  readonly line: number;
  /** `OSL 26 kap. 1 §`; may be empty when nothing follows the colon. */
  readonly reference: string;
}

/** `Anna Ek (S)`. */
export function personText(person: PersonRef): string {
  return person.party ? `${person.name.text} (${person.party.text})` : person.name.text;
}

function inline(span: Span | undefined): Inline[] {
  return span ? parseInline(span.text) : [];
}

/**
 * Groups body lines into blocks: adjacent text lines form a paragraph, adjacent bullets a list;
 * a v2 label takes the bullets below it; `Omröstning:` takes the line saying what Ja and Nej
 * mean and its tallies. `Beslutet skickas till` goes to the foot of the item, as municipalities
 * print it. `Justeras omedelbart` is not a block: the item heading shows it.
 */
export function buildBlocks(lines: readonly BodyLine[], labels: Labels): Block[] {
  const blocks: Block[] = [];
  const foot: Block[] = [];
  let paragraph: Sourced<Inline[]>[] | undefined;
  let list: ListItemView[] | undefined;
  let labelled: ListItemView[] | undefined;
  let vote: MutableVote | undefined;
  for (const line of lines) {
    const at = line.range.start.line;
    if (line.kind !== 'text') paragraph = undefined;
    if (line.kind !== 'bullet') list = undefined;
    if (line.kind !== 'bullet' && line.kind !== 'blank') labelled = undefined;
    const continuesVote =
      line.kind === 'tally' ||
      line.kind === 'blank' ||
      (line.kind === 'text' && vote !== undefined && !vote.meaning && vote.rows.length === 0);
    if (!continuesVote) vote = undefined;
    switch (line.kind) {
      case 'text':
        if (vote) {
          // The line after `Omröstning:` that says what Ja and Nej stand for.
          vote.meaning = { line: at, value: inline(line.text) };
          break;
        }
        if (!paragraph) blocks.push({ kind: 'paragraph', lines: (paragraph = []) });
        paragraph.push({ line: at, value: parseInline(line.text.text) });
        break;
      case 'bullet': {
        const item = line.roundTable
          ? {
              line: at,
              organisation: line.roundTable.organisation.text,
              content: inline(line.roundTable.text),
            }
          : { line: at, content: inline(line.text) };
        if (line.list && labelled) {
          labelled.push(item);
          break;
        }
        if (!list) blocks.push({ kind: 'list', items: (list = []) });
        list.push(item);
        break;
      }
      case 'label': {
        if (line.label === 'secrecy') {
          blocks.push({ kind: 'secrecy', line: at, reference: line.text?.text ?? '' });
          break;
        }
        if (line.label === 'vote') {
          vote = newVote(at, labels, line.text && { line: at, value: inline(line.text) });
          blocks.push(vote);
          break;
        }
        const block: LabelledBlock = {
          kind: 'labelled',
          label: line.label,
          line: at,
          heading: labels.itemLabels[line.label],
          content: inline(line.text),
          items: (labelled = []),
        };
        (line.label === 'sendTo' ? foot : blocks).push(block);
        break;
      }
      case 'tally': {
        if (!vote) blocks.push((vote = newVote(at, labels)));
        vote.rows.push(voteRow(line, labels));
        if (line.persons.length > 0) vote.rollCall = true;
        break;
      }
      case 'decision':
        blocks.push({ kind: 'decision', line: at, content: inline(line.text) });
        break;
      case 'action':
        blocks.push({
          kind: 'action',
          line: at,
          content: inline(line.text),
          owner: line.owner?.text,
          due: line.due?.text,
        });
        break;
      case 'nextMeeting':
        blocks.push({
          kind: 'nextMeeting',
          line: at,
          date: line.date?.text,
          place: line.place?.text,
        });
        break;
      case 'blank':
      case 'immediate':
        break;
      default: {
        // Body elections (`Till justerare utses …`) read as the sentence they are.
        const text = v2LineText(line);
        if (text === undefined) break;
        if (!paragraph) blocks.push({ kind: 'paragraph', lines: (paragraph = []) });
        paragraph.push({ line: at, value: parseInline(text) });
      }
    }
  }
  return [...blocks, ...foot];
}

type MutableVote = { -readonly [K in keyof VoteBlock]: VoteBlock[K] };

function newVote(line: number, labels: Labels, meaning?: Sourced<Inline[]>): MutableVote {
  return {
    kind: 'vote',
    line,
    heading: labels.itemLabels.vote,
    meaning,
    rows: [],
    rollCall: false,
  };
}

function voteRow(line: TallyLine, labels: Labels): VoteRowView {
  const names = line.persons.map(personText);
  return {
    line: line.range.start.line,
    choice: line.choice,
    label: labels.voteChoices[line.choice],
    count: line.value ?? (names.length > 0 ? names.length : undefined),
    names,
    rest: line.rest?.text,
  };
}
