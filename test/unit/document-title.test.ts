import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/html/page.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { documentFrontMatter } from '../../src/typeset/front-matter.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };

describe('the title of a document without front matter (a custom document\'s template without {{> front-matter}})', () => {
  it('is its front matter\'s title when it has one', () => {
    expect(documentFrontMatter(parseMarkdown('---\ntitle: "Rabat 2022"\n---\n# Press release\n'), 'press.md').title).toBe('Rabat 2022');
  });

  it('is the words of its first heading, else its file\'s name without .md (it was “press.md”, or empty in HTML)', () => {
    expect(documentFrontMatter(parseMarkdown('Intro.\n\n## The *press* release\n\n# Later\n'), 'press.md').title).toBe('The press release');
    expect(documentFrontMatter(parseMarkdown('Only a paragraph.\n'), 'fr/public/press.md').title).toBe('press');
    // A front matter that is not valid YAML is as none.
    expect(documentFrontMatter(parseMarkdown('---\ntitle: Press: release\n---\n# Press release\n'), 'press.md').title).toBe('Press release');
  });

  it('gives the HTML page its <title> and first heading', () => {
    const { html } = htmlPage('# Press release\n\nThe workshop closed.\n', { file: 'press.md', root: '', labels });
    expect(html).toContain('<title>Press release</title>');
    expect(html).toContain('<h1 class="title">Press release</h1>');
  });
});

describe('an HTML page', () => {
  it('never holds a character XML 1.0 forbids, whatever the Markdown holds', () => {
    const { html } = htmlPage('---\ntitle: "T\uffff"\n---\n# A\u0007B\n\nC\u001b[31mD\ufffeE\n', { file: 'odd.md', root: '', labels });
    expect(html).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
    expect(html).toContain('<h1 id="ab">AB</h1>');
    expect(html).toContain('C[31mDE');
  });
});
