// The Markdown writer names each image from the document's own folder, whatever the shape of its link.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePng } from '../typeset/png.js';
import { markdownWriter } from '../../src/build/writers/markdown.js';
import type { WriterContext } from '../../src/build/writer.js';

const context = { projectDir: '/nonexistent-project', folder: 'public/' } as WriterContext;
const written = async (file: string, markdown: string) => {
  const result = await markdownWriter().write([{ file, markdown }], context);
  return result.files.find((f) => f.path === file)?.content;
};

describe('image links in the Markdown output', () => {
  it('a document one folder down names them ../ (title, <…>, brackets and escapes in the alt text, a link around it, a table cell)', async () => {
    const markdown = [
      'Photo: ![Group photo](assets/x.png) and ![a \\] [b] c](assets/y.png "A title")',
      '',
      '[![linked](<assets/z z.png>)](https://example.org)',
      '',
      '| a |',
      '| - |',
      '| ![cell](assets/x.png) |',
      '',
      '![web](https://example.org/p.png) stays as it is, and `![code](assets/x.png)` too.',
      '',
    ].join('\n');
    expect(await written('public/countries/MLI.md', markdown)).toBe([
      'Photo: ![Group photo](../assets/x.png) and ![a \\] [b] c](../assets/y.png "A title")',
      '',
      '[![linked](<../assets/z z.png>)](https://example.org)',
      '',
      '| a |',
      '| - |',
      '| ![cell](../assets/x.png) |',
      '',
      '![web](https://example.org/p.png) stays as it is, and `![code](assets/x.png)` too.',
      '',
    ].join('\n'));
    // At the edition's top, unchanged.
    expect(await written('public/report.md', markdown)).toBe(markdown);
  });
});

describe('images published with the Markdown', () => {
  it('by their plain name (./assets/x.png was a name publishing refused, and the build stopped), once per edition', async () => {
    const projectDir = mkdtempSync(path.join(tmpdir(), 'wr-md-images-'));
    try {
      mkdirSync(path.join(projectDir, 'assets'));
      writeFileSync(path.join(projectDir, 'assets/x.png'), makePng(2, 2, 2));
      const writer = markdownWriter();
      const ctx = { projectDir, folder: 'public/' } as WriterContext;
      const first = await writer.write([{ file: 'public/report.md', markdown: '![a](./assets/x.png) ![b](assets//x.png) ![c](assets/missing.png)\n' }], ctx);
      expect(first.files.map((f) => [f.path, f.shared])).toEqual([['public/report.md', undefined], ['public/assets/x.png', true]]);
      const second = await writer.write([{ file: 'public/countries/MLI.md', markdown: '![a](assets/x.png)\n' }], ctx);
      expect(second.files.map((f) => [f.path, f.content])).toEqual([['public/countries/MLI.md', '![a](../assets/x.png)\n']]);
    } finally {
      rmSync(projectDir, { recursive: true, force: true });
    }
  });
});

describe('which image paths the report keeps', () => {
  it('a Windows path is absolute, not a URL whose scheme is “C:” (the warning said “named by a URL”)', async () => {
    const { imageUrlRefusal } = await import('../../src/markdown/images.js');
    expect(imageUrlRefusal('C:\\Users\\me\\photo.jpg')).toBe('absolute');
    expect(imageUrlRefusal('d:/photos/x.png')).toBe('absolute');
    expect(imageUrlRefusal('data:image/png;base64,AAAA')).toBe('url');
    expect(imageUrlRefusal('https://example.org/x.png')).toBe('remote');
    expect(imageUrlRefusal('assets/x.png')).toBeUndefined();
  });
});
