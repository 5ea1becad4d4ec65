// The Markdown writer names each image from the document's own folder, whatever the shape of its link.
import { describe, expect, it } from 'vitest';
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
