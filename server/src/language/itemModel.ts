import type {
  AgendaItem,
  BodyLine,
  DecisionLine,
  ImmediateLine,
  LabelLine,
  PersonRef,
  Span,
  TallyLine,
} from './syntax/ast';
import type { ItemLabelKind, VoteChoice } from './syntax/keywords';
import type { Range } from './types';

/** A person named in an item (a yrkande, a reservation, a jäv, a note), with the line. */
export interface ItemMention {
  readonly person: PersonRef;
  /** The label or bullet line that names the person. */
  readonly line: BodyLine;
}

/** A vote: `Omröstning:`, an optional line saying what Ja and Nej mean, and the tallies. */
export interface Vote {
  /** The `Omröstning:` line; undefined when tallies stand without it. */
  readonly label?: LabelLine;
  /** Where vote diagnostics sit: the `Omröstning:` keyword, else the first tally. */
  readonly anchor: Range;
  /** `Ja för kommunstyrelsens förslag, nej för Annas yrkande`. */
  readonly meaning?: Span;
  readonly tallies: TallyLine[];
  /** The count per choice: the number written, or the number of names listed. */
  readonly counts: Readonly<Partial<Record<VoteChoice, number>>>;
  /** True when at least one tally lists names (a roll call). */
  readonly rollCall: boolean;
}

/** What one § item says, as the checks, hover and renderer read it. */
export interface ItemModel {
  readonly item: AgendaItem;
  readonly decisions: DecisionLine[];
  readonly basis: Span[];
  readonly proposal?: Span;
  readonly motions: ItemMention[];
  readonly order?: Span;
  readonly votes: Vote[];
  readonly reservations: ItemMention[];
  readonly jav: ItemMention[];
  readonly notes: ItemMention[];
  /** Every `Protokollsanteckning:` line and bullet (some name nobody). */
  readonly noteLines: BodyLine[];
  readonly sendTo: Span[];
  readonly attachments: Span[];
  /** `Justeras omedelbart.`: the item counts as adjusted on the meeting day. */
  readonly immediate?: ImmediateLine;
  /**
   * `Sekretess: OSL 26 kap. 1 §`: the item's body is secret; a public version replaces it by
   * "Sekretessbelagd uppgift enligt OSL 26 kap. 1 §".
   */
  readonly secrecy?: LabelLine;
}

// The model lives as long as its item: empty lists (most of them) are one shared frozen list,
// and the others have no spare capacity (a list grown by `push` keeps room for 16 more).
const NONE: never[] = Object.freeze([]) as never[];

function exact<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

class VoteNode implements Vote {
  constructor(
    readonly label: LabelLine | undefined,
    private readonly at: Span,
    readonly meaning: Span | undefined,
    readonly tallies: TallyLine[],
    readonly counts: Readonly<Partial<Record<VoteChoice, number>>>,
    readonly rollCall: boolean,
  ) {}

  get anchor(): Range {
    return this.at.range;
  }
}

/** Reads one item's body into its parts. One pass over the body lines. */
export function buildItemModel(item: AgendaItem): ItemModel {
  const decisions: DecisionLine[] = [];
  const lists: Record<'basis' | 'sendTo' | 'attachments', Span[]> = {
    basis: [],
    sendTo: [],
    attachments: [],
  };
  const mentions: Record<'motions' | 'reservation' | 'jav' | 'note', ItemMention[]> = {
    motions: [],
    reservation: [],
    jav: [],
    note: [],
  };
  const noteLines: BodyLine[] = [];
  const votes: Vote[] = [];
  // The anchor is kept as the span it sits on, not as a range: the model is kept with the item
  // and a reused item moves (a range read now would keep the old line).
  let vote: { label?: LabelLine; at: Span; meaning?: Span; tallies: TallyLine[] } | undefined;
  let proposal: Span | undefined;
  let order: Span | undefined;
  let immediate: ImmediateLine | undefined;
  let secrecy: LabelLine | undefined;
  const voteRecords: (typeof vote & object)[] = [];
  const addMentions = (label: ItemLabelKind, line: BodyLine, persons?: PersonRef[]) => {
    if (label === 'motions' || label === 'reservation' || label === 'jav' || label === 'note') {
      for (const person of persons ?? []) mentions[label].push({ person, line });
      if (label === 'note') noteLines.push(line);
    }
  };
  for (const line of item.body) {
    switch (line.kind) {
      case 'decision':
        decisions.push(line);
        break;
      case 'immediate':
        immediate ??= line;
        break;
      case 'label':
        if (line.label === 'vote') {
          vote = { label: line, at: line.keyword, meaning: line.text, tallies: [] };
          voteRecords.push(vote);
          break;
        }
        if (line.label === 'secrecy') secrecy ??= line;
        else if (line.label === 'proposal') proposal ??= line.text;
        else if (line.label === 'order') order ??= line.text;
        else if (
          line.label === 'basis' ||
          line.label === 'sendTo' ||
          line.label === 'attachments'
        ) {
          if (line.text) lists[line.label].push(line.text);
        } else addMentions(line.label, line, line.persons);
        break;
      case 'bullet':
        if (line.list === 'basis' || line.list === 'sendTo' || line.list === 'attachments') {
          if (line.text) lists[line.list].push(line.text);
        } else if (line.list) addMentions(line.list, line, line.persons);
        break;
      case 'tally':
        if (!vote) {
          vote = { at: line.label, tallies: [] };
          voteRecords.push(vote);
        }
        vote.tallies.push(line);
        break;
      case 'text':
        if (vote && vote.tallies.length === 0 && !vote.meaning) vote.meaning = line.text;
        break;
    }
  }
  for (const record of voteRecords) {
    const counts: Partial<Record<VoteChoice, number>> = {};
    let rollCall = false;
    for (const tally of record.tallies) {
      const n = tally.value ?? (tally.persons.length > 0 ? tally.persons.length : undefined);
      if (tally.persons.length > 0) rollCall = true;
      if (n !== undefined) counts[tally.choice] = (counts[tally.choice] ?? 0) + n;
    }
    const { label, at, meaning } = record;
    votes.push(new VoteNode(label, at, meaning, exact(record.tallies), counts, rollCall));
  }
  return {
    item,
    decisions: exact(decisions),
    basis: exact(lists.basis),
    proposal,
    motions: exact(mentions.motions),
    order,
    votes: exact(votes),
    reservations: exact(mentions.reservation),
    jav: exact(mentions.jav),
    notes: exact(mentions.note),
    noteLines: exact(noteLines),
    sendTo: exact(lists.sendTo),
    attachments: exact(lists.attachments),
    immediate,
    secrecy,
  };
}
