import type { BodyLine } from './ast';

/**
 * The text of a v2 body line as written (keyword and value), for views that show it as a
 * paragraph until they render it in its own way. Undefined for the v1 kinds and blank lines.
 */
export function v2LineText(line: BodyLine): string | undefined {
  switch (line.kind) {
    case 'label':
      return `${line.keyword.text} ${line.text?.text ?? ''}`.trim();
    case 'tally':
      return `${line.label.text} ${line.count?.text ?? line.rest?.text ?? line.persons.map((p) => (p.party ? `${p.name.text} (${p.party.text})` : p.name.text)).join(', ')}`.trim();
    case 'immediate':
    case 'election':
      return line.text.text;
    default:
      return undefined;
  }
}
