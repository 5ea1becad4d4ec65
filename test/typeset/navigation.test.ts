import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/typeset/index.js';
import { fixture, input } from './helpers.js';
import { openPdf, pageText } from './read-pdf.js';
import { makePng } from './png.js';

interface Annot {
  subtype: string;
  rect: [number, number, number, number];
  dest?: string;
  url?: string;
  unsafeUrl?: string;
}

describe('navigation in the example report', async () => {
  const out = await typeset(input(fixture('report.md')));
  const doc = await openPdf(out.pdf);
  const annots = async (p: number): Promise<Annot[]> => (await (await doc.getPage(p)).getAnnotations()) as Annot[];
  const destPage = async (name: string): Promise<number> => {
    const dest = await doc.getDestination(name);
    const ref = dest?.[0];
    if (!ref || typeof ref !== 'object') throw new Error(`no destination ${name}`);
    return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
  };

  it('has bookmarks for level 1 headings with level 2 nested', async () => {
    const outline = (await doc.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual(['Executive summary', 'Opening session', 'Trends and threats', 'Sessions', 'Recommendations', 'Country findings', 'Closing session']);
    expect(outline[0]?.items.map((o) => o.title)).toEqual(['Background', 'Objectives', 'Participation']);
    expect(outline[3]?.items.map((o) => o.title)).toEqual([
      'Session 1: Inter-agency and international cooperation',
      'Session 2: Biometrics, API and PNR',
      'Session 3: Community engagement and human rights',
    ]);
  });

  it('names a destination per heading, GitHub-style, on the page where the heading is', async () => {
    const cases: [string, string][] = [
      ['recommendations', 'Recommendations'],
      ['trends-and-threats', 'Trends and threats'],
      ['session-2-biometrics-api-and-pnr', 'Session 2: Biometrics, API and PNR'],
      ['key-points-raised-1', 'Key points raised'],
    ];
    for (const [id, heading] of cases) {
      const p = await destPage(id);
      expect(await pageText(doc, p)).toContain(heading);
    }
  });

  it('turns internal, web and relative .md links into link annotations', async () => {
    const all: Annot[] = [];
    for (let p = 1; p <= doc.numPages; p++) all.push(...(await annots(p)));
    const links = all.filter((a) => a.subtype === 'Link');
    expect(links.some((a) => a.dest === 'recommendations')).toBe(true);
    expect(links.some((a) => a.url === 'https://www.un.org/counterterrorism/')).toBe(true);
    expect(links.some((a) => a.url === 'mailto:uncct@un.org')).toBe(true);
    const files = links.map((a) => a.unsafeUrl ?? '').filter((u) => u.includes('.pdf'));
    expect(files.some((u) => u.startsWith('countries/MLI.pdf#summary'))).toBe(true);
    expect(files.some((u) => u.startsWith('../report.pdf#trends-threats'))).toBe(true);
    expect(links.some((a) => (a.unsafeUrl ?? '').includes('.md'))).toBe(false);
  });

  it('prints in the contents the page number where each heading is, and links each entry', async () => {
    expect(await pageText(doc, 2)).toMatch(/^.*Contents/);
    const page = await doc.getPage(2);
    const items = (await page.getTextContent()).items.flatMap((i) => ('str' in i && /^\d+$/.test(i.str) ? [{ n: Number(i.str), y: i.transform[5] as number }] : []));
    const entries = (await annots(2)).filter((a) => a.dest);
    expect(entries.length).toBe(16);
    for (const a of entries) {
      const number = items.find((i) => i.y > a.rect[1] && i.y < a.rect[3]);
      expect(number, a.dest).toBeDefined();
      expect(number?.n, a.dest).toBe(await destPage(a.dest ?? ''));
    }
  });

  it('is a tagged PDF: structure tree, language, header and footer as artifacts', async () => {
    const raw = Buffer.from(out.pdf).toString('latin1');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const roles = new Set<string>();
    let linkWithText = false;
    const walk = (n: { role?: string; children?: unknown[] } | null): void => {
      if (!n) return;
      if (n.role) roles.add(n.role);
      if (n.role === 'Link' && (n.children ?? []).some((c) => (c as { type?: string }).type === 'content')) linkWithText = true;
      for (const c of n.children ?? []) walk(c as { role?: string; children?: unknown[] });
    };
    for (let p = 1; p <= doc.numPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as never);
    for (const r of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure', 'TOC', 'TOCI', 'Link']) expect(roles, r).toContain(r);
    expect(linkWithText).toBe(true);
    expect(raw).toMatch(/\/Scope \/Column/);
    const content = await (await doc.getPage(2)).getTextContent({ includeMarkedContent: true });
    let inArtifact = 0;
    let footerTagged: boolean | undefined;
    for (const i of content.items) {
      const tag = (i as { tag?: string }).tag;
      if ('type' in i && i.type === 'beginMarkedContent' && tag === 'Artifact') inArtifact++;
      else if ('type' in i && i.type === 'endMarkedContent' && inArtifact > 0) inArtifact--;
      else if ('str' in i && i.str.startsWith('Page 2 of')) footerTagged = inArtifact === 0;
    }
    expect(footerTagged).toBe(false);
  });
});

describe('an image inside a link', () => {
  it('is the link: a web address or a heading of the document, over the image', async () => {
    const png = makePng(120, 60, 2);
    const markdown = '---\ntitle: "Linked"\n---\n\n# Partners\n\n[![UNOCT logo](logo.png)](https://www.un.org/counterterrorism/) and [back ![icon](logo.png)](#partners)\n';
    const out = await typeset(input(markdown, { loadImage: () => png }));
    const doc = await openPdf(out.pdf);
    const links = ((await (await doc.getPage(doc.numPages)).getAnnotations()) as Annot[]).filter((a) => a.subtype === 'Link');
    const web = links.find((a) => a.url === 'https://www.un.org/counterterrorism/');
    const back = links.filter((a) => a.dest === 'partners');
    // 120 px at 96 dpi is 90 pt wide: the link covers the image, not a line of text.
    expect(web && Math.round(web.rect[2] - web.rect[0])).toBe(90);
    expect(web && Math.round(web.rect[3] - web.rect[1])).toBe(45);
    // The text "back" is a link, and so is the image after it.
    expect(back.map((a) => Math.round(a.rect[2] - a.rect[0])).sort((a, b) => b - a)[0]).toBe(90);
    expect(back.length).toBe(2);
  });
});
