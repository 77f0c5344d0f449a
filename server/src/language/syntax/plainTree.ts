/**
 * The tree as plain data (ranges included, internal position fields left out): what a fresh and
 * an incremental parse must agree on, and handy when debugging.
 */
export function plainTree(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainTree);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key.startsWith('_')) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = plainTree(v);
  }
  let proto = Object.getPrototypeOf(value) as object | null;
  while (proto && proto !== Object.prototype) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (!d.get || key.startsWith('_') || key in out || key === 'line') continue;
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = plainTree(v);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return out;
}
