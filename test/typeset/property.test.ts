import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/typeset/layout/boxes.js';
import { input } from './helpers.js';
import { contentTexts, layout, overlaps, texts } from './layout-helpers.js';

const word = fc.oneof(
  fc.constantFrom('border', 'sécurité', 'cœur', '«', '»', '—', 'inter-agency', 'and/or', '10\u00a0000', '9\u202f%', 'a', 'recommendations'),
  fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', 'é', 'x', '-', '/') }),
  fc.integer({ min: 30, max: 400 }).map((n) => 'w'.repeat(n)),
);
const text = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(' '));
const inline = fc.tuple(text, fc.constantFrom('', '**', '*', '`')).map(([t, m]) => (m === '`' ? `\`${t}\`` : `${m}${t}${m}`));
const cell = fc.array(word, { minLength: 0, maxLength: 25 }).map((w) => w.join(' ').replace(/\|/g, ''));
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }))
  .chain(([cols, rows]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }).map((body) => {
    const head = `| ${Array.from({ length: cols }, (_, i) => `Head ${i}`).join(' | ')} |`;
    const sep = `|${'---|'.repeat(cols)}`;
    return [head, sep, ...body.map((r) => `| ${r.map((c) => c || ' ').join(' | ')} |`)].join('\n');
  }));
const block = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), text).map(([l, t]) => `${'#'.repeat(l)} ${t.slice(0, 120)}`),
  fc.array(inline, { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
  fc.array(text, { minLength: 1, maxLength: 6 }).map((items) => items.map((t, i) => (i % 3 === 2 ? `  - ${t}` : `- ${t}`)).join('\n')),
  text.map((t) => `> ${t}`),
  text.map((t) => `\`\`\`\n${t}\n\`\`\``),
  table,
  fc.constant('---'),
);
const doc = fc.array(block, { minLength: 1, maxLength: 12 }).map((blocks) => `---\ntitle: Property\n---\n\n${blocks.join('\n\n')}\n`);

function inside(b: Box, left: number, right: number, top: number, bottom: number): boolean {
  if (b.kind === 'dest') return true;
  if (b.kind === 'line') return b.artifact === true || (Math.min(b.x1, b.x2) >= left - 0.01 && Math.max(b.x1, b.x2) <= right + 0.01 && Math.min(b.y1, b.y2) >= top - 0.01 && Math.max(b.y1, b.y2) <= bottom + 0.01);
  if (b.kind === 'text' && b.artifact) return true;
  return b.x >= left - 0.01 && b.x + b.width <= right + 0.01 && b.y >= top - 0.01 && b.y + b.height <= bottom + 0.01;
}

describe('layout invariants on generated documents', () => {
  it('keeps everything inside the frame and never overlaps text', () => {
    const base = input('');
    const { margins } = base.theme;
    fc.assert(
      fc.property(doc, (md) => {
        const r = layout(input(md));
        const right = r.page.width - margins.right;
        const bottom = r.page.height - margins.bottom;
        r.pages.slice(1).forEach((page) => {
          for (const b of page.boxes) expect(inside(b, margins.left, right, margins.top, bottom), JSON.stringify(b)).toBe(true);
          const t = texts(page.boxes);
          for (let a = 0; a < t.length; a++) {
            for (let c = a + 1; c < t.length; c++) {
              const [p, q] = [t[a], t[c]];
              if (p && q && overlaps(p, q)) expect.fail(`"${p.text}" overlaps "${q.text}"`);
            }
          }
        });
        // Every word of the source that is plain text reaches some page.
        expect(r.pages.reduce((n, p) => n + contentTexts(p.boxes).length, 0)).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 20220509 },
    );
  });
});
