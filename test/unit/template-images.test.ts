import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/html/page.js';
import { templateMarkup } from '../../src/render/template-markup.js';
import { imageProblem } from '../../src/validate/images.js';
import { imageLoader } from '../../src/typeset/layout/load-image.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };

describe('images a template names', () => {
  it('are found at their place in the template; one whose path data makes has no path to check', () => {
    const { images } = templateMarkup({ text: '# {{t "introduction"}}\n\n![Remote](https://example.org/x.png)\n\nLogo: ![Logo](assets/logoo.png)\n\n![Flag](assets/{{workshop.id}}.png)\n', displayPath: 'templates/report.md.hbs', overridden: true });
    expect(images.map((image) => [image.src, image.text, `${image.location.file}:${image.location.start.line}:${image.location.start.column}`])).toEqual([
      ['https://example.org/x.png', '![Remote](https://example.org/x.png)', 'templates/report.md.hbs:3:1'],
      ['assets/logoo.png', '![Logo](assets/logoo.png)', 'templates/report.md.hbs:5:7'],
      [undefined, '![Flag](assets/{{workshop.id}}.png)', 'templates/report.md.hbs:7:1'],
    ]);
  });

  it('are judged with the words the notes\' images get', () => {
    const none = () => undefined;
    expect(imageProblem('https://example.org/x.png', undefined, none)?.message).toMatch(/^The image is a web address, and images come only from files inside the project/);
    expect(imageProblem('../logo.png', undefined, none)?.message).toMatch(/^The image path leads outside the project folder/);
    expect(imageProblem('assets/logoo.png', undefined, none)?.message).toBe('The image file was not found.');
  });

  it('the PDF says a web address is one, not that its file was not found', () => {
    const diagnostics: Diagnostic[] = [];
    expect(imageLoader(() => undefined, false, diagnostics)('https://example.org/x.png', undefined)).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^The image is a web address/)]);
  });
});

describe('an image on an HTML page', () => {
  const page = (body: string, usable: (src: string) => boolean) => htmlPage(`---\ntitle: "T"\n---\n# A\n\n${body}\n`, { file: 'report.md', root: '', labels, usableImage: usable });

  it('is its alt text, plain, when it is a web address, outside the project or cannot be shown (a build leaves it out before); never a request outside the site', () => {
    const asked: string[] = [];
    const { html, images } = page('![Remote](https://example.org/x.png)\n\n![Up](../x.png)\n\n![Logo](assets/logoo.png)\n\n![Group](assets/group.png)', (src) => (asked.push(src), src === 'assets/group.png'));
    expect(html).not.toMatch(/<img src="(https:|\.\.\/|assets\/logoo)/);
    expect(html).toContain('<figure class="image">Remote</figure>');
    expect(html).toContain('<figure class="image">Up</figure>');
    expect(html).toContain('<figure class="image">Logo</figure>');
    expect(html).toContain('<img src="assets/group.png" alt="Group">');
    expect(images).toEqual(['assets/group.png']);
    expect(asked).toEqual(['assets/logoo.png', 'assets/group.png']);
  });

  it('comes after its paragraph\'s text, in a figure of its own with its title as the caption, as the PDF and the DOCX show it (it sat in the line)', () => {
    const { html } = page('Photo: ![Team](assets/team.png "The delegations in Rabat") and [more ![icon](assets/icon.png)](#a).', () => true);
    expect(html).toContain('<p>Photo: and <a href="#a">more</a>.</p>\n<figure class="image"><img src="assets/team.png" alt="Team" title="The delegations in Rabat"><figcaption>The delegations in Rabat</figcaption></figure>\n<figure class="image"><a href="#a"><img src="assets/icon.png" alt="icon"></a></figure>');
  });
});
