import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { input } from './helpers.js';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function freshTypeset(): Promise<typeof import('../../src/typeset/index.js').typeset> {
  vi.resetModules();
  return (await import('../../src/typeset/index.js')).typeset;
}

// Documents that reach the same glyphs through different characters, first in a different order.
const a = '---\ntitle: A\n---\n\nSpace then no-break: a b\u00a0c, hyphen - then \u2010, e\u0301 then \u00e9, office.\n';
const b = '---\ntitle: B\n---\n\nx\u00a0y\u2011\u2010-\u00e9e\u0301\u00ad then z.\n';

describe('reproducibility', () => {
  it('gives the same bytes for a document whatever was typeset before it in the process', async () => {
    let typeset = await freshTypeset();
    const alone = sha((await typeset(input(a))).pdf);
    typeset = await freshTypeset();
    await typeset(input(b));
    const after = sha((await typeset(input(a))).pdf);
    expect(after).toBe(alone);
  });

  it('changes the bytes (and the file id) when the creation date changes', async () => {
    const typeset = await freshTypeset();
    const one = await typeset(input(a));
    const two = await typeset(input(a, { creationDate: new Date('2023-01-01T00:00:00Z') }));
    expect(sha(one.pdf)).not.toBe(sha(two.pdf));
    const id = (pdf: Uint8Array): string => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1] ?? '';
    expect(id(one.pdf)).not.toBe(id(two.pdf));
    expect(id(one.pdf)).toBe(id((await typeset(input(a))).pdf));
  });
});

describe('text extraction', () => {
  it('maps ligature glyphs back to their letters, whatever ligature characters the source had', async () => {
    const { inflateSync } = await import('node:zlib');
    const typeset = await freshTypeset();
    const out = await typeset(input('---\ntitle: L\n---\n\nThe \ufb03ce and the office, the \ufb00 and the ff, fifty flows.\n'));
    const raw = Buffer.from(out.pdf);
    const cmaps: string[] = [];
    for (let at = raw.indexOf('stream\n'); at >= 0; at = raw.indexOf('stream\n', at + 7)) {
      const end = raw.indexOf('\nendstream', at);
      try {
        const text = inflateSync(raw.subarray(at + 7, end)).toString('latin1');
        if (text.includes('begincmap')) cmaps.push(text);
      } catch {
        // not a Flate stream
      }
    }
    expect(cmaps.length).toBeGreaterThan(0);
    for (const c of cmaps) expect(c).not.toMatch(/<fb0[0-6]>/i);
  });
});
