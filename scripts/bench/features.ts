import {
  createProtokollService,
  createTextDocument,
  type Position,
} from '../../server/src/language';
import { median } from './check';
import { generateMinutes } from './generate';

/** Editor requests at the end of a long document, on the cached parse of an unchanged version. */
export function benchFeatures(lines: number): { name: string; ms: number }[] {
  const text = generateMinutes(lines);
  const rows = text.split('\n');
  const last = (prefix: string): number => rows.findLastIndex((l) => l.startsWith(prefix));
  const action = last('Åtgärd:');
  const owner: Position = { line: action, character: rows[action].indexOf('@') + 3 };
  const bullet = last('- ');
  const service = createProtokollService();
  const doc = createTextDocument('bench://features', text);
  service.parse(doc);
  const probes: [string, () => unknown][] = [
    ['completion after @', () => service.getCompletions(doc, owner)],
    [
      'completion at a round-table bullet',
      () => service.getCompletions(doc, { line: bullet, character: 4 }),
    ],
    [
      'completion at line start',
      () => service.getCompletions(doc, { line: action + 1, character: 0 }),
    ],
    ['hover on a person', () => service.getHover(doc, owner)],
    ['references of a person', () => service.getReferences(doc, owner, true)],
    ['document symbols', () => service.getDocumentSymbols(doc)],
  ];
  return probes.map(([name, run]) => ({ name, ms: median(11, run) }));
}
