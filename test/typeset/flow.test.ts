import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/typeset/layout/boxes.js';
import { type Slice, flow } from '../../src/typeset/layout/flow.js';

const frame = { top: 0, bottom: 100 };
const mark = (name: string): Box => ({ kind: 'dest', name, y: 0 });
const slice = (name: string, height: number, extra: Partial<Slice> = {}): Slice => ({ height, spaceBefore: 0, boxes: [mark(name)], ...extra });
const names = (pages: ReturnType<typeof flow>): string[][] => pages.map((p) => p.boxes.flatMap((b) => (b.kind === 'dest' ? [b.name] : [])));

describe('flow', () => {
  it('fills pages and starts a new one when the next slice does not fit', () => {
    expect(names(flow([slice('a', 60), slice('b', 30), slice('c', 30)], frame))).toEqual([['a', 'b'], ['c']]);
  });

  it('drops the space before a slice at the top of a page', () => {
    const pages = flow([slice('a', 90), slice('b', 10, { spaceBefore: 20 })], frame);
    expect(pages[1]?.boxes[0]).toMatchObject({ name: 'b', y: 0 });
  });

  it('moves a heading to the next page with the lines it must keep', () => {
    const lines = Array.from({ length: 20 }, (_, i) => slice(`l${i}`, 10, { keepWithNext: 1 }));
    const pages = flow([slice('filler', 75), slice('h', 10, { keepWithNext: 2 }), ...lines], frame);
    expect(names(pages)[0]).toEqual(['filler']);
    expect(names(pages)[1]?.slice(0, 3)).toEqual(['h', 'l0', 'l1']);
  });

  it('repeats header slices when a continued slice starts a page, and honours page breaks', () => {
    const header = slice('head', 10);
    const rows = Array.from({ length: 12 }, (_, i) => slice(`r${i}`, 10, { repeat: [header] }));
    const pages = names(flow([header, ...rows, slice('next', 10, { pageBreakBefore: true })], frame));
    expect(pages[1]?.[0]).toBe('head');
    expect(pages[pages.length - 1]).toEqual(['next']);
  });

  it('stretches marked rectangles over the space above them', () => {
    const bar: Box = { kind: 'rect', x: 0, y: 0, width: 2, height: 10, fill: '#000000', stretchUp: true };
    const pages = flow([slice('a', 10), { height: 10, spaceBefore: 5, boxes: [bar] }], frame);
    expect(pages[0]?.boxes[1]).toMatchObject({ y: 10, height: 15 });
  });
});
