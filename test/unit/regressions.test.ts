/**
 * Regression tests for bugs found by the unit-test review (each describe names the file and
 * function that had the bug; all fixed).
 */
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { safeMarkdown, safeMarkdownInline } from '../../src/render/safe-markdown.js';
import { findSimilarPairs, jaccard, shingles } from '../../src/validate/near-duplicates.js';
import { schemaDiagnostics } from '../../src/validate/schema-diagnostics.js';
import { check, parse, session, WORKSHOP, where } from './helpers.js';
import { ofType, parseMarkdown, toString } from './markdown-tree.js';
import { expectIntact, expectPlainTextSafe, mdProject, sessionOne } from './render-helpers.js';

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? new TextEncoder().encode(part) : part));
  return new Uint8Array(out);
}

describe('src/load/decode.ts decodeUtf8 (firstInvalidByte)', () => {
  // The binary search decodes prefixes with { stream: true }, which accepts a lead byte at the end
  // of the prefix as "incomplete": the search stops one byte after a lone lead byte.
  it('reports a Latin-1 "é" (0xE9) on line 3 at that byte', () => {
    const result = decodeUtf8('sessions/a.yaml', bytes('a: 1\nb: 2\nc: caf', [0xe9], ' ok\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.location!.start).toMatchObject({ line: 3, column: 7 });
    expect(result.diagnostic.message).toContain('0xE9');
  });

  it('reports a multi-byte sequence cut off at the end of the file at its first byte', () => {
    const result = decodeUtf8('f.yaml', bytes('ab', [0xe2, 0x82]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic.location!.start).toMatchObject({ line: 1, column: 3 });
    expect(result.diagnostic.message).toContain('0xE2');
  });
});

describe('src/load/parse-yaml.ts explicitTagStart', () => {
  // Only looks for the "!" on the line where the node starts; a tag alone on the key's line,
  // before a block value on the next lines, is not reported and the tagged value is accepted.
  it.each([
    ['a: !!str\n  1\n', '1:4'],
    ['a: !!map\n  k: 1\n', '1:4'],
    ['a: !!seq\n  - 1\n', '1:4'],
    ['--- !!map\na: 1\n', '1:5'],
  ])('reports the tag in %j', (text, position) => {
    const result = parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');
    expect(result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`)).toEqual([`yaml-tag ${position}`]);
    // The tagged entry is left out; a tag on the whole document leaves nothing.
    expect(result.file.data).toEqual(text.startsWith('---') ? undefined : {});
  });
});

describe('src/validate/schema-diagnostics.ts collapseCombinators', () => {
  // ajv gives errors inside a $ref'd anyOf branch the schemaPath of the referenced definition
  // (#/$defs/builtInDocument/…), not `<anyOf path>/<branch>/…`, so the branches are never collapsed.
  const workshop = (documents: string) => parse(`${WORKSHOP}report:\n  documents: ${documents}\n`, 'workshop', 'workshop.yaml');

  it('reports a misspelt built-in document once, as an enum with a suggestion', () => {
    const list = schemaDiagnostics(workshop('[report, repot]'), 'workshop');
    expect(list.map(where)).toEqual(['enum workshop.yaml:27:23']);
    expect(list[0]!.hint).toContain('Did you mean “report”?');
  });

  it('reports a custom document with a bad template name once, at the template, with no “[object Object]”', () => {
    const list = schemaDiagnostics(workshop('[report, { name: x, template: y }]'), 'workshop');
    expect(list.map(where)).toEqual(['invalid-value workshop.yaml:27:44']);
    expect(list.map((d) => d.message).join(' ')).not.toContain('[object Object]');
  });
});

describe('src/validate/schema-diagnostics.ts toDiagnostic (propertyNames)', () => {
  // The `pattern` error ajv emits inside propertyNames is turned into a second diagnostic
  // ("Country_notes must match pattern …") next to the propertyNames one.
  it('reports a lower-case country_notes key once', () => {
    const list = schemaDiagnostics(parse(session({ extra: 'country_notes:\n  mli:\n    needs: [x]' })), 'session');
    expect(list.map(where)).toEqual(['invalid-value sessions/a.yaml:6:3']);
  });
});

describe('src/validate/schema-diagnostics.ts dropRequiredExplainedByTypo', () => {
  // Drops every `required` diagnostic whose key name some unknown-key hint suggests, anywhere in
  // the file: the typo in recommendations[1] hides the missing `text` of recommendations[2].
  it('keeps a missing key in another mapping than the typo', () => {
    const list = schemaDiagnostics(parse(session({ extra: 'recommendations:\n  - txt: a\n    theme: kst\n  - theme: kst' })), 'session');
    expect(list.map(where)).toEqual(['unknown-key sessions/a.yaml:6:5', 'required sessions/a.yaml:8:5']);
  });
});

describe('src/validate/rules/organization-typo.ts checkOrganizationTypos', () => {
  // `ids.find(distance <= 2)` takes the first id within two edits, not the closest one.
  it('suggests the closest id', () => {
    const workshop = WORKSHOP.replace('  - id: unoct-rabat\n    name: UNOCT Programme Office\n', '  - id: unoct\n    name: UN Office of Counter-Terrorism\n');
    const both = 'country_notes:\n  MLI:\n    needs: [x]\n  NER:\n    needs: [y]';
    const { diagnostics } = check({ workshop, sessions: { 'sessions/a.yaml': session({ extra: `${both}\nchairs:\n  - name: X\n    organization: unoc` }) } });
    expect(diagnostics.map(where)).toEqual(['organization-typo sessions/a.yaml:12:19']);
    expect(diagnostics[0]!.hint).toContain('Did you mean “unoct”?');
  });
});

describe('src/validate/near-duplicates.ts shingles', () => {
  // mdast-util-to-string joins blocks, list items and hard breaks without a space: the last word of
  // one block and the first of the next become one word ("officersshare").
  it('does not glue the words of adjacent blocks together', () => {
    expect(shingles('- Train border officers\n- Share data with neighbours')).toEqual(shingles('Train border officers. Share data with neighbours.'));
    expect(shingles('# Train border officers\n\nShare data with neighbours')).toEqual(shingles('Train border officers share data with neighbours'));
    expect(shingles('Train border officers  \nshare data')).toEqual(shingles('Train border officers share data'));
  });

  // (md) fields are GFM (render/safe-markdown.ts parses them with micromark-extension-gfm),
  // but shingles parses plain CommonMark: GFM markup stays in the words.
  it('removes GFM markup (strikethrough) like other markup', () => {
    expect(shingles('train ~~border~~ officers now')).toEqual(shingles('train border officers now'));
  });
});

describe('src/validate/near-duplicates.ts findSimilarPairs', () => {
  // `threshold * tokens.length` is computed in floating point: 0.55 * 100 = 55.00000000000001, so
  // Math.ceil gives 56 (prefix one token too short) and the size filter `size >= threshold * length`
  // drops a 55-element subset whose similarity is exactly 55 / 100 === 0.55. (The default 0.8 is not
  // affected for sets of up to 400 shingles.)
  it('finds a pair exactly at a threshold of 0.55 with 100 and 55 shingles', () => {
    const big = new Set(Array.from({ length: 100 }, (_, i) => `t${i}`));
    const small = new Set([...big].slice(0, 55));
    expect(jaccard(big, small)).toBe(0.55);
    expect(findSimilarPairs([big, small], 0.55)).toEqual([{ a: 0, b: 1, similarity: 0.55 }]);
  });
});

describe('src/render/escape.ts escapeMarkdown', () => {
  // A trailing run of "#" after a space is an ATX heading's closing sequence; it is not escaped, so a
  // session or theme title such as "Forum #" loses its "#" in the heading (and the programme's link
  // slug, computed from the title as written, no longer matches the heading).
  it.each(['Forum #', 'Panel ##'])('keeps a trailing #-run in headings: %s', (title) => {
    expectPlainTextSafe(title);
  });
});

describe('src/render/safe-markdown.ts sanitize (case "html")', () => {
  // A block-level html node is replaced by a phrasing `text` node directly under root (or a list
  // item, blockquote…). mdast-util-to-markdown then serialises the whole container as phrasing,
  // concatenating every block of the field without blank lines.
  it('keeps the blocks around raw HTML separate', () => {
    const out = parseMarkdown(safeMarkdown('# Big\n\n<div>raw</div>\n\nAfter.'));
    expect(out.children.map((n) => [n.type, toString(n)])).toEqual([['heading', 'Big'], ['paragraph', '<div>raw</div>'], ['paragraph', 'After.']]);
  });

  it('keeps a list after raw HTML a list', () => {
    const out = parseMarkdown(safeMarkdown('<div>x</div>\n\n- item'));
    expect(ofType(out, 'list')).toHaveLength(1);
  });

  // safeMarkdownInline's collect() keeps paragraphs, headings, cells, code and html, but the bare
  // text node that replaced an html block matches none of them and is dropped: the HTML vanishes.
  it('shows an HTML block as text in a table cell (safeMarkdownInline) instead of dropping it', () => {
    const cell = parseMarkdown(safeMarkdownInline('Before.\n\n<div>x</div>\n\nAfter.'));
    expect(toString(cell)).toBe('Before. <div>x</div> After.');
  });

  it('cannot open a code fence that swallows the next session', () => {
    const report = mdProject('<div>x</div>\n\n```\ncode');
    expectIntact(report);
    expect(ofType({ type: 'root', children: sessionOne(report).nodes }, 'code').map((c) => c.value)).toEqual(['code']);
  });
});
