import { MAX_FINDINGS_PER_CODE } from './checks/context';

/**
 * `own` diagnostics of a document (already capped per code by the checks) with `extra` ones
 * computed apart from them — the numbering across the files of a folder — under the same
 * per-code cap: an extra diagnostic is added only while its code has fewer than
 * MAX_FINDINGS_PER_CODE diagnostics in the document (a code at its cap already carries the
 * summary of those left out). Works on the service's and on LSP diagnostics alike.
 */
export function withinCodeCap<D extends { readonly code?: string | number }>(
  own: readonly D[],
  extra: readonly D[],
  limit = MAX_FINDINGS_PER_CODE,
): D[] {
  if (extra.length === 0) return [...own];
  const counts = new Map<string | number | undefined, number>();
  for (const d of own) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  const out = [...own];
  for (const d of extra) {
    const n = counts.get(d.code) ?? 0;
    if (n >= limit) continue;
    counts.set(d.code, n + 1);
    out.push(d);
  }
  return out;
}
