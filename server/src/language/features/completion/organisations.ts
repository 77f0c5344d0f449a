import type { Locale, ProtokollConfig } from '../../config';
import {
  findMunicipality,
  normalizeName,
  rankMunicipalities,
  type Municipality,
} from '../../municipalities/index';
import type { AgendaItem, ProtokollAst, Span } from '../../syntax/ast';
import { municipalityLines } from '../hover';
import {
  CompletionItemKind,
  foldedKey,
  sortKey,
  type CompletionItem,
  type CompletionList,
  type Context,
} from './context';

/*
 * Municipalities and configured organisations: after `- Name, ` and in absence lists, and at a
 * round-table bullet. Ranked by `rankMunicipalities` (prefix, then fuzzy, tolerant of missing
 * å/ä/ö); the ranking survives through `sortText`.
 */
const ORG_TEXT = {
  configured: { sv: 'Organisation från inställningarna', en: 'Organisation from the settings' },
  member: { sv: 'medlem, ej redovisad', en: 'member, not yet listed' },
  attending: { sv: 'närvarande', en: 'present' },
};

export type OrganisationPlace = 'present' | 'absent' | 'roundTable';

interface Candidate {
  readonly score: number;
  readonly boosted: boolean;
  /** In a county the document's other organisations are in (a network is usually regional). */
  readonly nearby: boolean;
  readonly order: number;
  readonly item: CompletionItem;
}

export function organisationCompletions(
  ctx: Context,
  start: number,
  query: string,
  place: OrganisationPlace,
  item?: AgendaItem,
): CompletionList {
  const { config, locale } = ctx;
  const typed = query.trimEnd();
  const intent = longFormIntent(typed);
  const boosted = boostedOrganisations(ctx.source.ast, config, place, item);
  const counties = new Set<string>();
  for (const organisation of attendanceOrganisations(ctx.source.model.ast)) {
    const county = findMunicipality(organisation.span.text)?.countyCode;
    if (county) counties.add(county);
  }
  const scores = new Map<Municipality, number>();
  const rankings = [typed, ...intent.stems].map((q) => rankMunicipalities(q));
  for (const ranking of rankings) {
    for (const { municipality, score } of ranking) {
      if (score > (scores.get(municipality) ?? -1)) scores.set(municipality, score);
    }
  }
  const range = ctx.at(start);
  const filterText = query === '' ? undefined : query;
  const foldedTyped = foldedKey(typed);
  const candidates: Candidate[] = [];
  let order = 0;
  for (const ranking of rankings) {
    for (const { municipality } of ranking) {
      const score = scores.get(municipality);
      if (score === undefined) continue;
      scores.delete(municipality);
      const folded = foldedKey(municipality.name);
      const official =
        !folded.startsWith(foldedTyped) &&
        (intent.long ||
          foldedTyped === `${folded}s` ||
          intent.stems.some((s) => foldedKey(s) === `${folded}s`));
      const isBoosted = boosted.has(municipality.code);
      candidates.push({
        score,
        boosted: isBoosted,
        nearby: counties.has(municipality.countyCode),
        order: order++,
        item: {
          label: municipality.name,
          kind: CompletionItemKind.Module,
          detail: `${municipality.county} · ${municipality.code}${isBoosted ? ` · ${boostLabel(place, locale)}` : ''}`,
          documentation: {
            kind: 'markdown',
            value: municipalityLines(municipality, locale).join('\n'),
          },
          textEdit: { range, newText: official ? municipality.official : municipality.name },
          filterText,
          insertTextFormat: 1,
        },
      });
    }
  }
  for (const name of config.organisations) {
    if (findMunicipality(name)) continue;
    const score = configuredScore(foldedKey(name), foldedTyped);
    if (score === 0 && foldedTyped !== '') continue;
    const isBoosted = boosted.has(normalizeName(name));
    candidates.push({
      score,
      boosted: isBoosted,
      nearby: true,
      order: order++,
      item: {
        label: name,
        kind: CompletionItemKind.Module,
        detail: `${ORG_TEXT.configured[locale]}${isBoosted ? ` · ${boostLabel(place, locale)}` : ''}`,
        textEdit: { range, newText: name },
        filterText,
        insertTextFormat: 1,
      },
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.boosted) - Number(a.boosted) ||
      Number(b.nearby) - Number(a.nearby) ||
      a.order - b.order,
  );
  const items = candidates.map((c, i) => ({ ...c.item, sortText: sortKey(i) }));
  if (items.length > 0) items[0].preselect = true;
  return { isIncomplete: true, items };
}

function boostLabel(place: OrganisationPlace, locale: Locale): string {
  return place === 'absent' ? ORG_TEXT.member[locale] : ORG_TEXT.attending[locale];
}

/**
 * Whether the user started a long form (`Tidaholm k`, `Gullspångs kommun`, `Region G`), and
 * the name typed before the `kommun`/`stad` word (with and without a genitive `s`) to rank too.
 */
function longFormIntent(typed: string): { long: boolean; stems: string[] } {
  if (/^region\s/iu.test(typed)) return { long: true, stems: [] };
  const words = /^(.*\S)\s+(\S+)$/u.exec(typed);
  if (!words) return { long: false, stems: [] };
  const last = words[2].toLowerCase();
  if (!'kommun'.startsWith(last) && !'stad'.startsWith(last)) return { long: false, stems: [] };
  const stem = words[1];
  const stems = [stem];
  if (/\p{L}s$/u.test(stem)) stems.push(stem.slice(0, -1));
  return { long: true, stems };
}

function configuredScore(name: string, typed: string): number {
  if (typed === '') return 0;
  if (name.startsWith(typed)) return 88;
  if (name.split(' ').some((word) => word.startsWith(typed))) return 78;
  let i = 0;
  for (const c of name) if (c === typed[i]) i++;
  return i === typed.length && name[0] === typed[0] ? 10 : 0;
}

/**
 * Organisations to put first among equally ranked ones: in an absence list the configured
 * members nobody has accounted for yet; at a round-table bullet the organisations present that
 * have not reported in this item yet.
 */
function boostedOrganisations(
  ast: ProtokollAst,
  config: ProtokollConfig,
  place: OrganisationPlace,
  item: AgendaItem | undefined,
): Set<string> {
  const keyOf = (name: string): string => findMunicipality(name)?.code ?? normalizeName(name);
  const boosted = new Set<string>();
  if (place === 'absent') {
    const accounted = new Set(attendanceOrganisations(ast).map((o) => keyOf(o.span.text)));
    for (const member of config.members) {
      const key = keyOf(member);
      if (!accounted.has(key)) boosted.add(key);
    }
  } else if (place === 'roundTable') {
    const reported = new Set<string>();
    for (const line of item?.body ?? []) {
      if (line.kind === 'bullet' && line.roundTable) {
        reported.add(keyOf(line.roundTable.organisation.text));
      }
    }
    for (const o of attendanceOrganisations(ast)) {
      if (o.present && !reported.has(keyOf(o.span.text))) boosted.add(keyOf(o.span.text));
    }
  }
  return boosted;
}

/** The organisations of the attendance lists (not the round-table mentions, which can be many). */
function attendanceOrganisations(ast: ProtokollAst): { span: Span; present: boolean }[] {
  const out: { span: Span; present: boolean }[] = [];
  for (const section of ast.sections) {
    for (const entry of section.entries) {
      if (entry.organisation)
        out.push({ span: entry.organisation, present: section.kind === 'present' });
    }
  }
  return out;
}
