import { lastAtOrBefore } from '../sortedSearch';

/** Collects the source lines the rendered blocks carry in `data-line`. */
export class LineMapBuilder {
  private readonly seen = new Set<number>();

  add(line: number): void {
    this.seen.add(line);
  }

  /** Ascending, distinct lines. */
  build(): number[] {
    return [...this.seen].sort((a, b) => a - b);
  }
}

/**
 * The rendered line that stands for a source line: the greatest mapped line at or above it, or
 * the first mapped line when none is above. Undefined for an empty map.
 */
export function nearestMappedLine(lineMap: readonly number[], line: number): number | undefined {
  if (lineMap.length === 0) return undefined;
  return lineMap[lastAtOrBefore(lineMap, line)];
}
