import type { ProtokollAst } from '../../server/src/language/syntax/ast';

/**
 * What formatting must keep (issue 12): the items (number and title words), the attendance
 * sections (group and people), header fields, signature lines and the kind of every body line
 * (labels, tallies, bullets and the list they belong to). Lines holding only white space count
 * as blank: formatting empties them.
 */
export function structure(ast: ProtokollAst): unknown {
  const words = (s?: { text: string }) =>
    s?.text.split(/\s+/u).filter(Boolean).join(' ') || undefined;
  return {
    title: words(ast.title?.text),
    header: ast.header.map((h) => h.kind),
    sections: ast.sections.map((s) => [
      s.kind,
      s.group,
      s.entries
        .map((e) => [words(e.name), words(e.organisation), e.party?.text])
        .filter((e) => e.some(Boolean)),
    ]),
    items: ast.items.map((item) => ({
      value: item.value,
      title: words(item.title),
      body: item.body
        .filter((b) => b.kind !== 'blank' && !(b.kind === 'text' && b.text.text.trim() === ''))
        .map((b) =>
          b.kind === 'label'
            ? `label ${b.label}`
            : b.kind === 'bullet'
              ? `bullet ${b.list ?? ''} ${b.roundTable ? 'roundTable' : ''}`
              : b.kind === 'tally'
                ? `tally ${b.choice}`
                : b.kind,
        ),
    })),
    signatures: ast.signatures.map((s) => s.kind),
  };
}
