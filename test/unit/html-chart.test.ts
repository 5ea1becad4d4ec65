import type { Element, Text } from 'hast';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { stackedBars } from '../../src/html/chart.js';
import { parseGfm } from '../../src/markdown/parse.js';

const table = (rows: Array<[string, number, number]>): Table => parseGfm(`| Who | Women | Men |\n| :-- | --: | --: |\n${rows.map(([label, w, m]) => `| ${label} | ${w} | ${m} |`).join('\n')}\n`).children[0] as Table;
/** The row labels as drawn, and where the label column ends. */
function labels(figure: Element): { texts: string[]; end: number } {
  const svg = figure.children[0] as Element;
  const drawn = svg.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'text' && c.properties['text-anchor'] === 'end');
  return { texts: drawn.map((t) => (t.children[0] as Text).value), end: Number(drawn[0]!.properties['x']) + 8 };
}

describe('the HTML chart\'s row labels', () => {
  it('widen their column for longer labels, so none runs off the left edge', () => {
    const short = labels(stackedBars(table([['Mali', 1, 5], ['Niger', 1, 4]]), ['Women', 'Men'], 'en')!);
    const longer = labels(stackedBars(table([['Border Security Management Workshop', 10, 21]]), ['Women', 'Men'], 'en')!);
    expect(short.texts).toEqual(['Mali', 'Niger']);
    expect(longer.texts).toEqual(['Border Security Management Workshop']);
    expect(longer.end).toBeGreaterThan(short.end);
    expect(longer.end).toBeGreaterThanOrEqual('Border Security Management Workshop'.length * 7);
  });

  it('shorten a label too long for the widest column with an ellipsis; the text alternative keeps it whole', () => {
    const label = 'Regional Workshop on Good Practices in Border Security Management (9 May 2022)';
    const figure = stackedBars(table([[label, 10, 21]]), ['Women', 'Men'], 'en')!;
    const { texts } = labels(figure);
    expect(texts[0]!.endsWith('…')).toBe(true);
    expect(texts[0]!.length).toBeLessThan(label.length);
    expect(label.startsWith(texts[0]!.slice(0, -1))).toBe(true);
    const title = ((figure.children[0] as Element).children[0] as Element).children[0] as Text;
    expect(title.value).toContain(label);
  });
});

describe('the chart\'s text alternative', () => {
  const title = (figure: Element) => (((figure.children[0] as Element).children[0] as Element).children[0] as Text).value;
  it('is in the document\'s language, with its numbers and French spacing', () => {
    const rows = table([['Burkina Faso', 2, 4], ['Ghana', 1200, 5]]);
    expect(title(stackedBars(rows, ['Women', 'Men'], 'en')!)).toBe('Stacked bar chart of Women and Men: Burkina Faso 2 and 4; Ghana 1,200 and 5.');
    const french = parseGfm('| Pays | Femmes | Hommes |\n| :-- | --: | --: |\n| Burkina Faso | 2 | 4 |\n| Ghana | 1200 | 5 |\n').children[0] as Table;
    expect(title(stackedBars(french, ['Femmes', 'Hommes'], 'fr')!)).toBe('Diagramme à barres empilées (Femmes et Hommes)\u202f: Burkina Faso 2 et 4\u202f; Ghana 1\u202f200 et 5.');
  });
});
