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
    // Without the Markdown written (build --format html, and preview, which has no --format), the
    // hint says where the place named is, in words that fit both.
    const hint = brokenAnchors([{ file: 'a.md', markdown: '# A\n\n[x](#b)\n' }], shown, new Set(), { markdownWritten: false })[0]!.hint;
    expect(hint).toContain('(out/a.md is the Markdown the other formats are made from; only a build with md among its formats writes it.)');
    expect(hint).not.toContain('--format');
  });

  it('says a link that leads to the first of several headings with the same words, none above the others (the links went to the first country\'s notes on the session, without a word)', () => {
    // The session's own heading no longer says "Session 2: Trends"; the country summaries' headings still do.
    const report = [
      '# Sessions', '', '## Session 2 — Trends', '', '# Countries', '', '## Ghana', '', '### Session 2: Trends', '', '## Mali', '', '### Session 2: Trends', '',
      '# Recommendations', '', '| R1 | [2](#session-2-trends) |', '', '[again](#session-2-trends) [Mali\'s](#session-2-trends-1)', '',
    ].join('\n');
    const brief = '# Ghana\n\n[2](../report.md#session-2-trends)\n';
    const found = brokenAnchors([{ file: 'report.md', markdown: report }, { file: 'countries/GHA.md', markdown: brief }], shown);
    expect(found.map((d) => `${d.location!.file}:${d.location!.start.line}:${d.location!.start.column} ${d.message}`)).toEqual([
      'out/report.md:17:8 This link leads to “#session-2-trends”, the first of the 2 headings of this document that say those words, none standing above the others. 2 more links lead there too.',
    ]);
    expect(found[0]!.code).toBe('broken-anchor');
    expect(found[0]!.related?.map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['out/report.md:9:1 The heading the link leads to.']);
    // A heading of the same words standing above the others (the shipped templates: the session's
    // `##` before the country summaries' `###`) is the one such a link means; a numbered id is explicit.
    const shipped = report.replace('## Session 2 — Trends', '## Session 2: Trends');
    expect(brokenAnchors([{ file: 'report.md', markdown: shipped }, { file: 'countries/GHA.md', markdown: brief }], shown)).toEqual([]);
    // The first lower than a later one, or a lone heading, is judged as it was.
    expect(brokenAnchors([{ file: 'a.md', markdown: '### X\n\n## X\n\n[x](#x)\n' }], shown).map((d) => d.message)).toEqual(['This link leads to “#x”, the first of the 2 headings of this document that say those words, none standing above the others.']);
    expect(brokenAnchors([{ file: 'a.md', markdown: '# A\n\n### X\n\n[x](#x)\n' }], shown)).toEqual([]);
  });
});
