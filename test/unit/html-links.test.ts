import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/html/page.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };
const page = (body: string) => htmlPage(`---\ntitle: "T"\n---\n# A\n\n${body}\n`, { file: 'report.md', root: '', labels }).html;

describe('links on an HTML page', () => {
  it('keep http(s), mailto, in-page and other documents\' links; any other scheme is its text only, as in the PDF and the DOCX', () => {
    const html = page('[x](javascript:alert(1)) [d](data:text/html,hi) [f](file:///etc/passwd) [J]( JAVASCRIPT:alert(2)) [w](https://un.org) [m](mailto:a@un.org) [r](report.md#session-2) [h](#a) [ref][bad]\n\n[bad]: javascript:alert(3)');
    expect(html).not.toMatch(/javascript:|data:text|file:\/\//i);
    expect(html).toContain('<span>x</span> <span>d</span> <span>f</span> <span>J</span>');
    expect(html).toContain('<a href="https://un.org">w</a> <a href="mailto:a@un.org">m</a> <a href="report.html#session-2">r</a> <a href="#a">h</a>');
  });
});
