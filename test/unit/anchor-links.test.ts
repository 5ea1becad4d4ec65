import { describe, expect, it } from 'vitest';
import { brokenAnchors } from '../../src/build/anchor-links.js';

describe('brokenAnchors', () => {
  const shown = (file: string) => `out/${file}`;

  it('places links to headings as the writers give ids (marked-up and repeated headings too), and says each heading missed once, at its first link', () => {
    const a = [
      '# Intro', '', '## <span lang="fr">Séance **1**</span> (9 mai)', '', '## Intro', '',
      '[one](#intro) [two](#intro-1) [three](#séance-1-9-mai) [four](countries/b.md#top) [five](https://example.org/#nope) [six](#nope)', '',
      '| x |', '| - |', '| [seven](#nope) |', '',
    ].join('\n');
    const b = '# Top\n\n[back](../a.md#gone)\n';
    const found = brokenAnchors([{ file: 'a.md', markdown: a }, { file: 'countries/b.md', markdown: b }], shown);
    expect(found.map((d) => `${d.location!.file}:${d.location!.start.line}:${d.location!.start.column} ${d.message}`)).toEqual([
      'out/a.md:7:117 This link leads to “#nope”, a heading this document does not have. 1 more link leads there too.',
      'out/countries/b.md:3:1 This link leads to “#gone”, a heading a.md does not have.',
    ]);
    expect(found.every((d) => d.code === 'broken-anchor' && d.severity === 'warning')).toBe(true);
  });

  it('says nothing of links that lead where they should, of links to documents it was not given, and of a heading an earlier edition missed', () => {
    // An earlier edition (en/public/) missed a.md#gone: this one (en/restricted/) says nothing of it.
    const reported = new Set(['a.md#gone']);
    expect(brokenAnchors([{ file: 'en/restricted/a.md', markdown: '# A b\n\n[x](#a-b) [y](other.md#z) [z](#gone)\n' }], shown, reported, { folder: 'en/restricted/' })).toEqual([]);
    expect(brokenAnchors([{ file: 'a.md', markdown: '# A\n\n[x](#b)\n' }], shown, reported).map((d) => d.message)).toEqual(['This link leads to “#b”, a heading this document does not have.']);
    expect(reported.has('a.md#b')).toBe(true);
    // The same anchor missed in two documents is two headings missed.
    const two = brokenAnchors([{ file: 'a.md', markdown: '# A\n\n[x](#b) [y](c.md#b)\n' }, { file: 'c.md', markdown: '# C\n' }], shown);
    expect(two.map((d) => d.message)).toEqual(['This link leads to “#b”, a heading this document does not have.', 'This link leads to “#b”, a heading c.md does not have.']);
    // Without the Markdown written (--format html), the hint says where the place named is.
    expect(brokenAnchors([{ file: 'a.md', markdown: '# A\n\n[x](#b)\n' }], shown, new Set(), { markdownWritten: false })[0]!.hint).toContain('out/a.md is the Markdown the other formats are made from; it is not written: add md to --format to read it.');
  });
});
