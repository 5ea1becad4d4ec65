import { describe, expect, it } from 'vitest';
import { mapModel } from '../../src/consolidate/map-model.js';

class Text {
  constructor(readonly source: string) {}
}

const upper = (value: unknown) => (value instanceof Text ? value.source.toUpperCase() : undefined);

describe('mapModel', () => {
  it('replaces what `replace` answers for, copying only the objects and arrays on the way to a replaced value', () => {
    const country = { code: 'MLI', name: 'Mali' };
    const rec = { label: 'R1', text: new Text('api'), countries: [country] };
    const model = { title: 'Rabat', countries: [country], recommendations: [rec, rec], plain: { a: [1, 2], b: null } };
    const mapped = mapModel(model, upper);
    expect(mapped).toEqual({ title: 'Rabat', countries: [country], recommendations: [{ label: 'R1', text: 'API', countries: [country] }, { label: 'R1', text: 'API', countries: [country] }], plain: { a: [1, 2], b: null } });
    // The input is unchanged; what holds no replaced value is the same object; a shared object stays shared.
    expect(rec.text).toBeInstanceOf(Text);
    expect(mapped).not.toBe(model);
    expect(mapped.recommendations).not.toBe(model.recommendations);
    expect(mapped.countries).toBe(model.countries);
    expect(mapped.plain).toBe(model.plain);
    expect(mapped.recommendations[0]).toBe(mapped.recommendations[1]);
    expect(mapped.recommendations[0]!.countries).toBe(rec.countries);
  });

  it('keeps the order of keys and items around the first change', () => {
    const model = { a: 1, b: new Text('x'), c: 3, list: [0, new Text('y'), 2, new Text('z')] };
    const mapped = mapModel(model, upper);
    expect(Object.keys(mapped)).toEqual(['a', 'b', 'c', 'list']);
    expect(mapped.list).toEqual([0, 'Y', 2, 'Z']);
  });

  it('copies maps and objects that are not plain, and a model without anything to replace is itself', () => {
    const inner = { text: new Text('t') };
    const model = { byCode: new Map([['MLI', inner]]), other: Object.assign(Object.create({ inherited: 1 }) as object, { own: 2 }) };
    const mapped = mapModel(model, upper) as unknown as { byCode: Map<string, unknown>; other: object };
    expect(mapped.byCode).not.toBe(model.byCode);
    expect(mapped.byCode.get('MLI')).toEqual({ text: 'T' });
    expect(Object.getPrototypeOf(mapped.other)).toBe(Object.prototype);
    expect(mapped.other).toEqual({ own: 2 });
    const plain = { a: [1, { b: 'c' }] };
    expect(mapModel(plain, upper)).toBe(plain);
  });

  it('ends on a cycle', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    expect(mapModel(node, upper)).toBe(node);
  });
});
