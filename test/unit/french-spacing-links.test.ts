import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { applyTypography, frenchSpacing } from '../../src/i18n/typography.js';
import { parseGfm } from '../../src/markdown/parse.js';
import { walk } from '../../src/markdown/walk.js';

const NNBSP = '\u202f';
const fr = (markdown: string) => applyTypography(`${markdown}\n`, 'fr').slice(0, -1);

describe('French spacing after a web address, or any inline element, in the same text', () => {
  it('reaches the text right after a bare web address (a GFM literal autolink), written then as an explicit link', () => {
    // Before: `https://example.org/page : la liste` kept its ordinary space, the text after the
    // address starting a text of its own with nothing before it.
    expect(fr('Voir https://example.org/page : la liste ; puis : fin.')).toBe(`Voir <https://example.org/page>${NNBSP}: la liste${NNBSP}; puis${NNBSP}: fin.`);
    expect(fr('www.unodc.org ; puis')).toBe(`[www.unodc.org](http://www.unodc.org)${NNBSP}; puis`);
    expect(fr('Écrire à contact@unodc.org ! Merci.')).toBe(`Écrire à <contact@unodc.org>${NNBSP}! Merci.`);
    // A colon written against the address gets its space too, as after a word.
    expect(fr('Voir https://example.org/page: la liste')).toBe(`Voir <https://example.org/page>${NNBSP}: la liste`);
  });

  it('reaches the text after an explicit link, emphasis or code', () => {
    expect(fr('Voir <https://example.org/a:b> : la liste')).toBe(`Voir <https://example.org/a:b>${NNBSP}: la liste`);
    expect(fr('Voir [le site](https://example.org/?q=a:b) ! Merci')).toBe(`Voir [le site](https://example.org/?q=a:b)${NNBSP}! Merci`);
    expect(fr('**R5** : En cours')).toBe(`**R5**${NNBSP}: En cours`);
    expect(fr('La commande `a : b` ? Oui')).toBe(`La commande \`a : b\`${NNBSP}? Oui`);
  });

  it('never changes a web address, a code span or a link destination', () => {
    // The text of an autolink is its address: `<https://x.org/a:>` gained a space before its `:`.
    expect(fr('Voir <https://example.org/a:> et la suite')).toBe('Voir <https://example.org/a:> et la suite');
    expect(fr('Voir https://example.org/?q=1&r=a:b et https://example.org/p?x !')).toBe(`Voir https://example.org/?q=1&r=a:b et <https://example.org/p?x>${NNBSP}!`);
    expect(fr('`https://example.org : x` ; [x](https://example.org/a?b=c:d)')).toBe(`\`https://example.org : x\`${NNBSP}; [x](https://example.org/a?b=c:d)`);
  });

  it('keeps a bare address a link of the same address where a narrow space now touches it', () => {
    // A narrow no-break space right before `www.` is no place GFM starts a literal (mdast then
    // read `« www.x.org »` as a link to `http://www.x.org »`), and GitHub's cmark-gfm carries a
    // literal on past any space that is not ASCII: the address is written as an explicit link.
    expect(fr('Le site « www.unodc.org » et « https://example.org/a »')).toBe(`Le site «${NNBSP}[www.unodc.org](http://www.unodc.org)${NNBSP}» et «${NNBSP}<https://example.org/a>${NNBSP}»`);
    // Nothing touches it: it stays as written.
    expect(fr('Le site www.unodc.org, puis https://example.org.')).toBe('Le site www.unodc.org, puis https://example.org.');
  });

  it('leaves a narrow space that is already there (guillemets took a second one)', () => {
    expect(frenchSpacing(`«${NNBSP}ceci${NNBSP}» ; et «\u00a0cela\u00a0»`)).toBe(`«${NNBSP}ceci${NNBSP}»${NNBSP}; et «${NNBSP}cela${NNBSP}»`);
    expect(frenchSpacing(`Pays${NNBSP}: Mali${NNBSP}!`)).toBe(`Pays${NNBSP}: Mali${NNBSP}!`);
  });

  it('puts one space before a group of marks, none between them (it made “Pourquoi? !”)', () => {
    expect(frenchSpacing('Pourquoi?! Vraiment!!! Et; ?')).toBe(`Pourquoi${NNBSP}?! Vraiment${NNBSP}!!! Et${NNBSP}; ?`);
    expect(frenchSpacing(`Pourquoi ?!`)).toBe(`Pourquoi${NNBSP}?!`);
  });

  it('spaces a text that begins a paragraph, a cell or a link as before: nothing precedes it', () => {
    expect(fr('| a | b |\n| - | - |\n|: x | [: y](https://example.org) |')).toBe('| a | b |\n| - | - |\n|: x | [: y](https://example.org) |');
    expect(frenchSpacing(' : la liste')).toBe(' : la liste');
    expect(frenchSpacing(' : la liste', true)).toBe(`${NNBSP}: la liste`);
  });
});

const SEED = 23;
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const label = fc.array(alnum, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
const host = fc.array(label, { minLength: 2, maxLength: 3 }).map((labels) => labels.join('.'));
// A path and query with the punctuation an address holds (`:` `;` `!` `?` `=` `&`), ending with a
// letter or digit so that the address is all of it: what follows is the prose's.
const rest = fc.tuple(fc.array(fc.constantFrom(...'abc019-./:;!?=&%,'), { maxLength: 14 }), alnum).map(([chars, last]) => `/${chars.join('')}${last}`);
const address = fc.oneof(
  fc.tuple(fc.constantFrom('https://', 'http://'), host, fc.option(rest, { nil: '' })).map((parts) => parts.join('')),
  fc.tuple(host, fc.option(rest, { nil: '' })).map(([name, path]) => `www.${name}${path}`),
  fc.tuple(label, host).map(([user, name]) => `${user}@${name}`),
);
const words = (min: number) => fc.array(fc.constantFrom('Voir', 'la', 'liste', 'état', 'à', '10:30', ':', ';', '!', '?', '«', '»', ',', '.', 'puis'), { minLength: min, maxLength: 6 }).map((list) => list.join(' '));
// Prose, an address after a space, then prose after a space or against it (`https://x.org: la`).
const sentence = fc.tuple(words(0), address, fc.constantFrom(' ', ''), words(1)).filter(([, , gap, after]) => gap === ' ' || /^[:;!?]/.test(after));

const links = (markdown: string) => {
  const found: Array<[string, string]> = [];
  walk(parseGfm(markdown), (node: Nodes) => {
    if (node.type === 'link') found.push([node.url, toString(node)]);
  });
  return found;
};

describe('French spacing around web addresses, for any text', () => {
  it('never changes an address: the same links, to the same addresses, showing the same text', () => {
    fc.assert(fc.property(sentence, ([before, url, gap, after]) => {
      const markdown = `${before} ${url}${gap}${after}\n`;
      expect(links(applyTypography(markdown, 'fr'))).toEqual(links(markdown));
    }), { numRuns: 500, seed: SEED });
  });

  it('spaces the prose around an address as it would around a word', () => {
    fc.assert(fc.property(sentence, ([before, url, gap, after]) => {
      const withAddress = toString(parseGfm(applyTypography(`${before} ${url}${gap}${after}\n`, 'fr')));
      const withWord = toString(parseGfm(applyTypography(`${before} ADRESSE${gap}${after}\n`, 'fr')));
      expect(withAddress).toBe(withWord.replace('ADRESSE', url));
    }), { numRuns: 500, seed: SEED });
  });

  it('changes nothing the second time', () => {
    fc.assert(fc.property(sentence, ([before, url, gap, after]) => {
      const once = applyTypography(`${before} ${url}${gap}${after}\n`, 'fr');
      expect(applyTypography(once, 'fr')).toBe(once);
    }), { numRuns: 500, seed: SEED });
  });
});

describe('French spacing before %', () => {
  it('keeps a number and its % together with a narrow no-break space, typed with a space or none (a line broke between them)', () => {
    expect(frenchSpacing('un taux de 12,5 % des postes')).toBe(`un taux de 12,5${NNBSP}% des postes`);
    expect(frenchSpacing('12,5% des postes')).toBe(`12,5${NNBSP}% des postes`);
    expect(frenchSpacing(`100\u00a0%`)).toBe(`100${NNBSP}%`);
    // Not after a letter, nor in an address.
    expect(frenchSpacing('x%y')).toBe('x%y');
    expect(frenchSpacing('www.a.org/1%a et 2%20')).toBe('www.a.org/1%a et 2%20');
    expect(fr('Voir https://example.org/a%20b et 5 %')).toBe(`Voir https://example.org/a%20b et 5${NNBSP}%`);
  });
});
