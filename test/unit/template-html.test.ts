import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/build/templates.js';
import { htmlPage } from '../../src/html/page.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { templateMarkup } from '../../src/render/template-markup.js';
import { ROOT } from '../helpers/run-cli.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };
const page = (body: string) => htmlPage(`---\ntitle: "T"\n---\n# A\n\n${body}\n`, { file: 'report.md', root: '', labels }).html;
const template = (text: string) => templateMarkup({ text, displayPath: 'templates/report.md.hbs', overridden: true });

/** The tree's nodes as `type` or `type:value`, in document order (positions left out). */
function shape(node: Nodes): string[] {
  const own = 'value' in node ? `${node.type}:${node.value}` : node.type;
  return [own, ...('children' in node ? (node.children as Nodes[]).flatMap(shape) : [])];
}

const DRAFT = '# Introduction\n\n<div style="color:red"><b>DRAFT</b> &amp; – not for circulation</div>\n\nEditor\'s note<br>second line with <em>emphasis</em>.\n';

describe('HTML a template writes, in the one model every writer reads', () => {
  it('a block of HTML is a paragraph of its words; inline tags leave their words; <br> is a line break', () => {
    expect(shape(parseMarkdown(DRAFT))).toEqual([
      'root', 'heading', 'text:Introduction',
      'paragraph', 'text:DRAFT & – not for circulation',
      'paragraph', "text:Editor's note", 'break', 'text:second line with emphasis.',
    ]);
  });

  it('comments stay raw HTML (the chart directive among them), a <br> block leaves nothing, script and style leave no words', () => {
    const nodes = shape(parseMarkdown('<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->\n\n<!-- a note -->\n\n<br>\n\n<style>p { color: red }</style>\n\nText\n'));
    expect(nodes).toEqual(['root', 'html:<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->', 'html:<!-- a note -->', 'paragraph', 'text:Text']);
  });

  it('reads a block as a browser does (hast-util-from-html): a “>” inside an attribute, paragraphs and <br> as lines, entities', () => {
    expect(shape(parseMarkdown('<div title="a > b">Kept <b>words</b></div>\n\nNext\n'))).toEqual(['root', 'paragraph', 'text:Kept words', 'paragraph', 'text:Next']);
    expect(shape(parseMarkdown('<div><p>One &ndash; two</p><p>Three<br>four</p></div>\n'))).toEqual(['root', 'paragraph', 'text:One – two', 'break', 'text:Three', 'break', 'text:four']);
  });

  it('the HTML page shows the words, with <br> a line break, and no tag of the template', () => {
    const html = page(DRAFT.replace('# Introduction\n\n', ''));
    expect(html).toContain('<p>DRAFT &#x26; – not for circulation</p>');
    expect(html).toContain("<p>Editor's note<br>\nsecond line with emphasis.</p>");
    expect(html).not.toMatch(/<div style|<b>|<em>/);
  });
});

describe('the template check: template-html', () => {
  it('warns once per block of HTML and once per paragraph of inline tags, at the first tag, with what to write instead', () => {
    const text = '{{!-- A comment with <b>tags</b> is no HTML --}}\n# {{t "introduction"}}\n\n<div style="color:red"><b>DRAFT</b> – not for circulation</div>\n\nEditor\'s note<br>second line with <em>emphasis</em> and <b>{{workshop.title}}</b>.\n';
    const { diagnostics } = template(text);
    expect(diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.start.line}:${d.location?.start.column}`)).toEqual([
      'template-html templates/report.md.hbs:4:1',
      'template-html templates/report.md.hbs:6:35',
    ]);
    expect(diagnostics[0]!.message).toContain('(<div>, <b>)');
    expect(diagnostics[0]!.message).toContain('the PDF, the DOCX and the HTML pages do not carry');
    expect(diagnostics[1]!.message).toContain('(<em>, <b>)');
    expect(diagnostics[0]!.hint).toContain('**DRAFT**');
    expect(diagnostics[0]!.hint).toContain('backslash');
  });

  it('is silent for <br>, comments, the chart directive, HTML in code, and the shipped templates', async () => {
    expect(template('A<br>B<br/>C <span lang="fr">mot</span>\n\n<!-- a note -->\n\n<!-- wr:chart stacked-bars columns="{{t "women"}},{{t "men"}}" table="keep" -->\n\n```html\n<div>code</div>\n```\n\nSay `<b>` in code.\n').diagnostics).toEqual([]);
    const shipped = await loadTemplates();
    expect(shipped.size).toBeGreaterThan(5);
    for (const file of shipped.values()) expect(templateMarkup(file).diagnostics).toEqual([]);
  });

  it('is in the README\'s rule table', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/^\| `template-html` \| warning \|/m);
  });
});
