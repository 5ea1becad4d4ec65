import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/html/page.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };
const page = (body: string) => htmlPage(`---\ntitle: "T"\n---\n# A\n\n${body}\n`, { file: 'report.md', root: '', labels }).html;

describe('right-to-left text on an HTML page', () => {
  it('a block holding Arabic or Hebrew takes its direction from its first strong letter (dir="auto"); others are left as they are', () => {
    const html = page('- Screening at land borders.\n- يجب تعزيز التعاون بين الدول 2022.\n\n| Name | Country |\n| --- | --- |\n| محمد العلوي | Morocco |\n| Amina Benali | Morocco |\n\nShalom: שלום.');
    expect(html).toContain('<li dir="auto">يجب تعزيز التعاون بين الدول 2022.</li>');
    expect(html).toContain('<li>Screening at land borders.</li>');
    expect(html).toMatch(/<td dir="auto"[^>]*>محمد العلوي<\/td>/);
    expect(html).toMatch(/<td[^>]*>Amina Benali<\/td>/);
    expect(html).not.toMatch(/<td dir="auto"[^>]*>Amina/);
    expect(html).toContain('<p dir="auto">Shalom: שלום.</p>');
    expect(html).toContain('<h1 id="a">A</h1>');
  });
});
