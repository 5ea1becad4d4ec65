/**
 * A deep copy of a model (plain objects, arrays, maps) in which each value `replace` answers for is
 * replaced (undefined: the value is kept, an object copied with its values mapped). An object the
 * model holds in several places (a recommendation listed twice) is copied once and stays shared.
 * What the render stage (SafeMarkdown for each (md) text) and a worker thread's messages (see
 * build/programme-workshops.ts) do to a model. Pure.
 */
export function mapModel<T>(model: T, replace: (value: unknown) => unknown): T {
  const seen = new Map<object, unknown>();
  const visit = (value: unknown): unknown => {
    const replaced = replace(value);
    if (replaced !== undefined) return replaced;
    if (value === null || typeof value !== 'object') return value;
    const copied = seen.get(value);
    if (copied !== undefined) return copied;
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(value, out);
      for (const [key, item] of value) out.set(key, visit(item));
      return out;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(visit(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    // Keys, not entries: no [key, value] pair allocated per property (a programme's model has millions).
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = visit((value as Record<string, unknown>)[keys[i]!]);
    return out;
  };
  return visit(model) as T;
}
