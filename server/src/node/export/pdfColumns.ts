/**
 * How many of the entries `heights` (points, in order) a part of a first-page row takes in its
 * first and second column when `room` points are left on the page. Balanced by count when every
 * entry fits that way; otherwise the first column is filled, then the second, and the rest waits
 * for the next page. A part takes one entry at least, so the row always moves on.
 */
export function packColumns(
  heights: readonly number[],
  room: number,
  twoColumns: boolean,
): [first: number, second: number] {
  const fill = (from: number): number => {
    let n = from;
    let used = 0;
    while (n < heights.length && used + heights[n] <= room) used += heights[n++];
    return n - from;
  };
  if (!twoColumns) return [Math.max(1, fill(0)), 0];
  const half = Math.ceil(heights.length / 2);
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  if (sum(0, half) <= room && sum(half, heights.length) <= room)
    return [half, heights.length - half];
  const first = Math.max(1, fill(0));
  return [first, fill(first)];
}
