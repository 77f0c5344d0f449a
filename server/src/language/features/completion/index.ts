import { DEFAULT_CONFIG, type ProtokollConfig } from '../../config';
import { BODY_ELECTION, meetingRolesIn } from '../../syntax/meetingRoles';
import type { Position, Range } from '../../types';
import { lineNodeAt } from '../symbols';
import { attendanceCompletions } from './attendance';
import { empty, type CompletionList, type CompletionSource, type Context } from './context';
import { itemNumberCompletions } from './itemNumbers';
import { keywordCompletions } from './keywords';
import { organisationCompletions } from './organisations';
import {
  adjusterCompletions,
  itemPeopleCompletions,
  ownerCompletions,
  signerCompletions,
  type ItemListPurpose,
} from './people';

export {
  CompletionItemKind,
  type CompletionItem,
  type CompletionItemKindValue,
  type CompletionList,
  type CompletionSource,
} from './context';

/** The item labels whose value (and bullets) start with the people concerned. */
const PEOPLE_LABELS: Readonly<Partial<Record<string, ItemListPurpose>>> = {
  motions: 'motions',
  reservation: 'reservation',
  jav: 'jav',
  note: 'note',
};

/**
 * Completions at a position, chosen by what the line is:
 * - `§` at line start: the next free item number;
 * - an attendance line: party letters and roles after `(`, roles, `ersätter` and functions
 *   after a comma, the member replaced after `ersätter`, municipalities on a network's lines;
 * - an item's line: the voters after `Ja:`/`Nej:`/`Avstår:`, people after `Reservation:`,
 *   `Jäv:`, `Yrkanden:`, `Protokollsanteckning:` (and their bullets) and `Till justerare utses`,
 *   municipalities at a round-table bullet, the attendees after `@` in an action;
 * - `Utses att justera:` and the signature lines: the people who may sign there;
 * - otherwise, at line start: the keywords valid there and the `paragraf` and `underskrifter`
 *   snippets.
 */
export function completions(
  source: CompletionSource,
  position: Position,
  config: ProtokollConfig = DEFAULT_CONFIG,
): CompletionList {
  const { ast } = source;
  if (position.line < 0 || position.line >= ast.lineCount) return empty();
  const lineText = textOfLine(source, position.line);
  const character = Math.max(0, Math.min(position.character, lineText.length));
  const before = lineText.slice(0, character);
  const after = lineText.slice(character);
  const at = (start: number): Range => ({
    start: { line: position.line, character: start },
    end: { line: position.line, character },
  });
  const ctx: Context = {
    source,
    config,
    locale: config.locale,
    before,
    after,
    at,
    line: position.line,
  };

  const itemMark = /^([ \t]*)(?:\p{Lu}{1,5}[ \t]+)?§[ \t]*\d*$/u.exec(before);
  if (itemMark) {
    const start =
      itemMark[1].length + (/^[ \t]*(\p{Lu}{1,5}[ \t]+)/u.exec(before)?.[1].length ?? 0);
    return itemNumberCompletions(ctx, start);
  }

  const node = lineNodeAt(ast, position.line);
  if (node?.kind === 'entry' || node?.kind === 'sectionKeyword') {
    // `Beslutande: Anna Ek (` — the first entry may stand on the keyword line.
    const entry =
      node.kind === 'entry'
        ? node.entry
        : node.section.entries.find((e) => e.range.start.line === position.line);
    if (!entry) return empty();
    const contentStart =
      entry.range.start.line === node.section.keyword.range.start.line
        ? node.section.keyword.range.end.character
        : entry.marker.end.character;
    if (character < contentStart) return empty();
    return attendanceCompletions(ctx, node.section, entry, contentStart);
  }
  if (node?.kind === 'header' && node.field.kind === 'appointedAdjusters') {
    const colon = node.field.keyword.range.end.character;
    if (character >= colon) return adjusterCompletions(ctx, colon);
    return empty();
  }
  if (node?.kind === 'body') {
    const line = node.line;
    if (line.kind === 'action') {
      const owner = /@([ \t]*)([^@,]*)$/.exec(before);
      return owner ? ownerCompletions(ctx, owner.index + 1 + owner[1].length, owner[2]) : empty();
    }
    if (line.kind === 'tally') {
      const colon = line.label.range.end.character;
      if (character < colon) return empty();
      if (/^[ \t]*\d*$/.test(before.slice(colon))) {
        // A count is being written (or nothing yet): offer the names only once a letter comes.
        if (before.slice(colon).trim() !== '') return empty();
      }
      return itemPeopleCompletions(ctx, node.item, 'tally', colon);
    }
    if (line.kind === 'label') {
      const purpose = PEOPLE_LABELS[line.label];
      const colon = line.keyword.range.end.character;
      if (purpose && character >= colon)
        return itemPeopleCompletions(ctx, node.item, purpose, colon);
      return empty();
    }
    if (line.kind === 'bullet') {
      const purpose = line.list ? PEOPLE_LABELS[line.list] : undefined;
      if (purpose) {
        const markerEnd = line.marker.end.character;
        if (character < markerEnd) return empty();
        return itemPeopleCompletions(ctx, node.item, purpose, markerEnd);
      }
      if (line.list) return empty();
      const bullet = /^[ \t]*[-•*][ \t]*([^:]*)$/.exec(before);
      if (bullet && bullet[1].trim().split(/\s+/).length <= 3) {
        return organisationCompletions(
          ctx,
          character - bullet[1].length,
          bullet[1],
          'roundTable',
          node.item,
        );
      }
      return empty();
    }
    if (line.kind === 'text' || line.kind === 'election') {
      const lead = /^[ \t]*/.exec(before)![0].length;
      const election = BODY_ELECTION.exec(before.slice(lead));
      if (election && meetingRolesIn(election[1]).length === 1) {
        return adjusterCompletions(ctx, lead + election[0].length);
      }
    }
  }
  if (node?.kind === 'signature') {
    const kind = node.signature.kind;
    if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') {
      const colon = before.indexOf(':');
      if (colon < 0) return empty();
      return signerCompletions(ctx, kind, colon);
    }
    return empty();
  }
  const keyword = /^([ \t]*)((?:[\p{L}\p{M}]+(?:[ \t]+[\p{L}\p{M}]*)?)?)$/u.exec(before);
  if (keyword && after.trim() === '') return keywordCompletions(ctx, keyword[1].length, keyword[2]);
  return empty();
}

function textOfLine({ text, ast }: CompletionSource, line: number): string {
  const start = ast.lineStarts[line];
  const end = line + 1 < ast.lineStarts.length ? ast.lineStarts[line + 1] : text.length;
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
}
