/**
 * A model in which each value `replace` answers for is replaced (undefined: the value is kept, and
 * looked into). Only what leads to a replaced value is copied: a plain object or array holding none
 * is the same object in the result, so the result must be read, not changed (templates only read
 * it). An object the model holds in several places (a recommendation listed twice) is mapped once
 * and stays shared. Maps and objects of other kinds are always copied (as plain objects). A cycle
 * ends the walk: a plain object or array met again inside itself is the original there (models
 * have none; the walk does not loop). What the
 * render stage (SafeMarkdown for each (md) text) and a worker thread's messages (see
 * build/programme-workshops.ts) do to a model. Pure.
 */
export function mapModel<T>(model: T, replace: (value: unknown) => unknown): T {
  const seen = new Map<object, unknown>();
  const visit = (value: unknown): unknown => {
    const replaced = replace(value);
    if (replaced !== undefined) return replaced;
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (Array.isArray(value)) return mapArray(value);
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype === Object.prototype || prototype === null) return mapObject(value as Record<string, unknown>);
    return copy(value);
  };
  // Copied from the first item or property that changes on; until then, none is made.
  const mapArray = (value: unknown[]): unknown[] => {
    // A cycle back to this array finds the array itself.
    seen.set(value, value);
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = visit(value[i]);
      if (out) out.push(item);
      else if (item !== value[i]) (out = value.slice(0, i)).push(item);
    }
    seen.set(value, out ?? value);
    return out ?? value;
  };
  const mapObject = (value: Record<string, unknown>): Record<string, unknown> => {
    seen.set(value, value);
    // Keys, not entries: no [key, value] pair allocated per property (a programme's model has millions).
    const keys = Object.keys(value);
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = visit(value[key]);
      if (out) out[key] = item;
      else if (item !== value[key]) {
        out = {};
        for (let k = 0; k < i; k++) out[keys[k]!] = value[keys[k]!];
        out[key] = item;
      }
    }
    seen.set(value, out ?? value);
    return out ?? value;
  };
  const copy = (value: object): unknown => {
    if (value instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(value, out);
      for (const [key, item] of value) out.set(key, visit(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const key of Object.keys(value)) out[key] = visit((value as Record<string, unknown>)[key]);
    return out;
  };
  return visit(model) as T;
}
