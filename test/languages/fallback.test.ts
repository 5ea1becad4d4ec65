import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { liftLanguageSpans, languageSpan } from '../../src/markdown/language-spans.js';
import { parseGfm } from '../../src/markdown/parse.js';
import { safeMarkdown } from '../../src/render/safe-markdown.js';
import { applyTypography } from '../../src/i18n/typography.js';

/** Each text node's words with the language it says it is in (its own mark or an ancestor's). */
function languages(markdown: string): Array<[string, string]> {
  const tree = parseGfm(markdown);
  liftLanguageSpans(tree);
  const out: Array<[string, string]> = [];
  const visit = (node: Nodes, lang: string) => {
    const own = node.data?.lang ?? lang;
    if (node.type === 'text' || node.type === 'html') out.push([node.value, own]);
    if ('children' in node) for (const child of node.children) visit(child, own);
  };
  visit(tree, 'fr');
  return out;
}

describe('language spans: a fallback text says which language it is in', () => {
  it('lifts a span pair into marked nodes, its markers gone', () => {
    expect(languages(`Avant ${languageSpan('Make *use* of it', 'en')} après.`)).toEqual([
      ['Avant ', 'fr'], ['Make ', 'en'], ['use', 'en'], [' of it', 'en'], [' après.', 'fr'],
    ]);
  });

  it('leaves an unclosed span, or another tag, as raw HTML', () => {
    expect(languages('A <span lang="en">b')).toEqual([['A ', 'fr'], ['<span lang="en">', 'fr'], ['b', 'fr']]);
    expect(languages('A <span class="x">b</span>')).toEqual([['A ', 'fr'], ['<span class="x">', 'fr'], ['b', 'fr'], ['</span>', 'fr']]);
  });

  it('keeps the heading text (and so its anchor) what it was', () => {
    const tree = parseGfm(`## Session 3 : ${languageSpan('Border management', 'en')}`);
    liftLanguageSpans(tree);
    expect(toString(tree)).toBe('Session 3 : Border management');
  });

  it('marks every paragraph, list item and cell of a (md) text, keeping its blocks', () => {
    const marked = safeMarkdown('First: one.\n\n- item *a*\n- item b\n\n| x | y |\n| - | - |\n| 1 | 2 |', 'k', 'en');
    const lines = marked.split('\n');
    expect(lines.slice(0, 5)).toEqual(['<span lang="en">First: one.</span>', '', '- <span lang="en">item *a*</span>', '- <span lang="en">item b</span>', '']);
    expect(lines[5]).toBe('| <span lang="en">x</span> | <span lang="en">y</span> |');
    expect(lines[7]).toBe('| <span lang="en">1</span> | <span lang="en">2</span> |');
    expect(parseGfm(marked).children.map((n) => n.type)).toEqual(parseGfm(safeMarkdown('First: one.\n\n- item *a*\n- item b\n\n| x | y |\n| - | - |\n| 1 | 2 |')).children.map((n) => n.type));
  });

  it('French typography spaces the French words and leaves the English ones alone', () => {
    const out = applyTypography(`Note : voir ci-dessous ! ${languageSpan('Note: see below!', 'en')}\n`, 'fr');
    expect(out).toBe(`Note\u202f: voir ci-dessous\u202f! ${languageSpan('Note: see below!', 'en')}\n`);
  });
});
