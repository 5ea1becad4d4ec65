import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageLeaver, leaveOutImages, leaveOutLogo, leftOutImageDiagnostics, notesImagesLeaver } from '../../src/build/left-out-images.js';
import { htmlPage } from '../../src/html/page.js';
import { parseGfm } from '../../src/markdown/parse.js';

/** Shows `ok.png` and `assets/ok.png` only. */
const shows = (src: string) => src === 'ok.png' || src === 'assets/ok.png';
const leave = (markdown: string) => leaveOutImages(markdown, shows);

/** The kinds of node a Markdown text holds, for what it must not become (an image, a link). */
function kinds(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: Nodes): void => {
    found.push(node.type);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseGfm(markdown));
  return found;
}

describe('an image the report cannot show, in the Markdown every writer is given', () => {
  it('is its alt text, plain, where it was; the rest is left byte for byte, an image it shows too', () => {
    const { markdown, leftOut } = leave('# T\n\nPhoto: ![Group *photo*](bad.png "The delegations") and ![Fine](ok.png "Kept") here.\n\n![Remote](https://example.org/x.png)\n');
    expect(markdown).toBe('# T\n\nPhoto: Group photo and ![Fine](ok.png "Kept") here.\n\nRemote\n');
    expect(leftOut.map((image) => [image.src, markdown.slice(image.start, image.end)])).toEqual([['bad.png', 'Group photo'], ['https://example.org/x.png', 'Remote']]);
  });

  it('a document without one is the same string (the golden documents do not change)', () => {
    const text = '---\ntitle: "T"\nlogo: "assets/bad.png"\n---\n\n# T\n\n![Fine](assets/ok.png)\n\n`![code](bad.png)`\n\n    ![indented](bad.png)\n';
    expect(leave(text)).toEqual({ markdown: text, leftOut: [] });
  });

  it('its alt text is escaped, so it reads as written, and stays in its table cell, its link, its heading', () => {
    const { markdown } = leave('![1. under_score \\[x\\] *a*](bad.png)\n\n| A | B |\n| --- | --- |\n| ![a\\|b](bad.png) | c |\n\n[![Logo](bad.png)](https://example.org/)\n\n## Map ![#](bad.png)\n');
    expect(markdown).toBe('1\\. under\\_score \\[x\\] a\n\n| A | B |\n| --- | --- |\n| a\\|b | c |\n\n[Logo](https://example.org/)\n\n## Map \\#\n');
    const tree = parseGfm(markdown);
    expect(tree.children.map((node) => [node.type, toString(node)])).toEqual([
      ['paragraph', '1. under_score [x] a'],
      ['table', 'ABa|bc'],
      ['paragraph', 'Logo'],
      ['heading', 'Map #'],
    ]);
    expect(kinds(markdown)).not.toContain('image');
  });

  it('joins the text around it without making a link or an image of it', () => {
    const { markdown } = leave('See [a]![(b)](bad.png) and ![Wow!](bad.png)[more](https://example.org/).\n\n[a]: https://example.org/a\n');
    expect(markdown).toBe('See [a]\\(b) and Wow\\![more](https://example.org/).\n\n[a]: https://example.org/a\n');
    expect(kinds(markdown).filter((kind) => kind === 'image' || kind === 'link')).toEqual(['link']);
    expect(toString(parseGfm(markdown).children[0]!)).toBe('See a(b) and Wow!more.');
  });

  it('in a long document, found in whichever of its sections holds it, at its own place', () => {
    const filler = (n: number) => `${'Words of the notes. '.repeat(60)}${n}\n\n`;
    const text = `---\ntitle: "T"\n---\n\n# One\n\n${filler(1)}![Fine](ok.png)\n\n# Two\n\n${filler(2)}| A |\n| --- |\n| ![In a cell](gone.png) |\n\n# Three\n\n${filler(3)}Last ![Gone](gone.png).\n`;
    const { markdown, leftOut } = leave(text);
    expect(markdown).toBe(text.replace('![In a cell](gone.png)', 'In a cell').replace('![Gone](gone.png)', 'Gone'));
    expect(leftOut.map((image) => markdown.slice(image.start, image.end))).toEqual(['In a cell', 'Gone']);
  });

  it('one written as a reference is left out whatever it names, said by its label', () => {
    const { markdown, leftOut } = leave('Ref: ![Ref image][logo]\n\n[logo]: ok.png\n');
    expect(markdown).toBe('Ref: Ref image\n\n[logo]: ok.png\n');
    expect(leftOut).toEqual([{ src: 'logo', reference: true, start: 5, end: 14 }]);
  });

  it('the HTML page made from it shows the same text in the same place (the model every writer reads)', () => {
    const { markdown } = leave('---\ntitle: "T"\n---\n# A\n\nPhoto: ![Damaged](assets/bad.png) and ![Fine](assets/ok.png) here.\n');
    const { html, images } = htmlPage(markdown, { file: 'report.md', root: '', labels: { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' }, usableImage: shows });
    expect(html).toContain('<p>Photo: Damaged and here.</p>\n<figure class="image"><img src="assets/ok.png" alt="Fine"></figure>');
    expect(images).toEqual(['assets/ok.png']);
  });
});

describe('what an image left out is', () => {
  it('said with validate\'s words, at its alt text in the document', () => {
    const { markdown, leftOut } = leave('# T\n\nA ![Gone](assets/gone.png) b ![Bad](assets/bad.png) ![Ref][r]\n\n[r]: x.png\n');
    const read = (src: string) => (src === 'assets/bad.png' ? new Uint8Array([1, 2, 3]) : undefined);
    const said = leftOutImageDiagnostics('report.md', markdown, leftOut, read);
    expect(said.map((d) => [d.code, d.severity, d.actual, d.message.split(':')[0], `${d.location?.start.line}:${d.location?.start.column}-${d.location?.end.column}`])).toEqual([
      ['image', 'warning', 'assets/gone.png', 'The image file was not found.', '3:3-7'],
      ['image', 'warning', 'assets/bad.png', 'The image is not a PNG or JPEG file and is left out.', '3:10-13'],
      ['image', 'warning', 'r', 'The image is written as a reference (![…][r]), which the report does not show', '3:14-17'],
    ]);
  });
});

describe('a logo the report cannot show, in the front matter', () => {
  const front = (logo: string) => `---\ntitle: "T"\nlang: en\n${logo}---\n# T\n\nText.\n`;

  it('is named no more (the Markdown named a file the build does not publish); where its line was is kept', () => {
    const text = front('logo: "assets/bad\\\\_logo.png"\n');
    const { markdown, logo } = leaveOutLogo(text, shows);
    expect(markdown).toBe(front(''));
    // Its path as the writers read it (front-matter strings are Markdown: the \_ is an _).
    expect(logo).toEqual({ src: 'assets/bad_logo.png', at: text.indexOf('logo:') });
  });

  it('one it shows, a document without one or without front matter: the same string', () => {
    for (const text of [front('logo: "assets/ok.png"\n'), front(''), '# T\n\nlogo: assets/bad.png\n', '---\ntitle: "T"\n']) expect(leaveOutLogo(text, shows)).toEqual({ markdown: text });
  });

  it('a build\'s documents: a logo a template of the project\'s own writes, not in the notes, is said at the front matter, the path named', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-left-logo-'));
    try {
      const { markdown, diagnostics } = imageLeaver(dir)('report.md', front('logo: "assets/gone.png"\n'));
      expect(markdown).toBe(front(''));
      expect(diagnostics.map((d) => [d.code, d.actual, d.message, `${d.location?.file}:${d.location?.start.line}:${d.location?.start.column}`])).toEqual([['image', 'assets/gone.png', 'The image file was not found.', 'report.md:1:1']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the images of a workshop\'s notes, in a programme\'s documents', () => {
  it('are their alt text, plain, whatever they name (the programme publishes none); each text that had one is kept with their paths', () => {
    const { text, left } = notesImagesLeaver();
    expect(text('See ![Map of *border* posts](assets/map.png) and ![Ref][r].\n\n[r]: ok.png')).toBe('See Map of border posts and Ref.\n\n[r]: ok.png');
    expect(text('Plain words, **bold**.')).toBe('Plain words, **bold**.');
    expect(text('Also ![ok](assets/ok.png)')).toBe('Also ok');
    expect([...left]).toEqual([
      ['See ![Map of *border* posts](assets/map.png) and ![Ref][r].\n\n[r]: ok.png', ['assets/map.png', 'r']],
      ['Also ![ok](assets/ok.png)', ['assets/ok.png']],
    ]);
  });
});
