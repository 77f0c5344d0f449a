import type { Locale } from '../config';
import type { Keyword, ProtokollAst } from '../syntax/ast';
import { KEYWORDS, type KeywordKind } from '../syntax/keywords';

/**
 * Keyword spellings beyond the first two (Swedish canonical, English) by language. Every spelling
 * in `KEYWORDS` is in exactly one language; a unit test fails when a new synonym is missing here.
 */
export const SYNONYM_LANGUAGE: Readonly<Record<string, Locale>> = {
  ledamöter: 'sv',
  members: 'en',
  'övriga deltagande': 'sv',
  'also present': 'en',
  yrkande: 'sv',
  motion: 'en',
  reservationer: 'sv',
  protokollsanteckningar: 'sv',
  'expedieras till': 'sv',
  'send to': 'en',
  bilaga: 'sv',
  attachment: 'en',
  protokollförare: 'sv',
  'minute taker': 'en',
  adjusters: 'en',
  justerande: 'sv',
  adjusted: 'en',
};

const SPELLING_LANGUAGE = new Map<string, Locale>();
for (const spellings of Object.values(KEYWORDS) as readonly (readonly string[])[]) {
  spellings.forEach((spelling, i) => {
    const key = spelling.toLowerCase();
    const language = i === 0 ? 'sv' : i === 1 ? 'en' : SYNONYM_LANGUAGE[key];
    // A spelling shared by both languages (none today) would count for neither.
    if (language && !SPELLING_LANGUAGE.has(key)) SPELLING_LANGUAGE.set(key, language);
  });
}

const TALLY_LANGUAGE: Readonly<Record<string, Locale>> = {
  ja: 'sv',
  nej: 'sv',
  avstår: 'sv',
  'avstår från att rösta': 'sv',
  yes: 'en',
  no: 'en',
  abstain: 'en',
  abstained: 'en',
  abstentions: 'en',
};

/** The language of one keyword as written, if it belongs to one. */
export function keywordLanguage(keyword: Pick<Keyword, 'text'>): Locale | undefined {
  const spelling = keyword.text
    .normalize('NFC')
    .replace(/:\s*$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return SPELLING_LANGUAGE.get(spelling);
}

/**
 * The language the minutes are written in, from their keywords (header, lists, item labels,
 * vote tallies, signatures): the language of the majority. The rendered labels follow it, so
 * Swedish minutes get Swedish labels whatever language the editor's messages are in. A document
 * with no keywords yet, or as many of each, gets `fallback`.
 */
export function documentLanguage(ast: ProtokollAst, fallback: Locale): Locale {
  const count = { sv: 0, en: 0 };
  const add = (language: Locale | undefined) => {
    if (language) count[language]++;
  };
  const keywords: Keyword[] = [
    ...ast.header.map((h) => h.keyword),
    ...ast.sections.map((s) => s.keyword),
    ...ast.signatures.map((s) => s.keyword),
  ];
  for (const item of ast.items) {
    for (const line of item.body) {
      if ('keyword' in line) keywords.push(line.keyword);
      else if (line.kind === 'tally') {
        add(TALLY_LANGUAGE[line.label.text.replace(/:\s*$/, '').trim().toLowerCase()]);
      }
    }
  }
  for (const keyword of keywords) add(keywordLanguage(keyword));
  if (count.sv === count.en) return fallback;
  return count.sv > count.en ? 'sv' : 'en';
}

/** Every keyword spelling with no language (for the test that keeps the table complete). */
export function unclassifiedSpellings(): string[] {
  return (Object.keys(KEYWORDS) as KeywordKind[])
    .flatMap((kind) => KEYWORDS[kind].slice(2).map((s) => s.toLowerCase()))
    .filter((s) => SYNONYM_LANGUAGE[s] === undefined);
}
