import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FrontMatter } from '../../typeset/front-matter.js';
import type { SectionParses } from '../../typeset/markdown.js';
import type { WEB_FONTS } from '../../html/site.js';
import { byLanguage, translate } from '../../i18n/index.js';
import type { Language } from '../../notes/types.js';
import { resolveTheme, type PdfThemeYaml } from '../../typeset/theme.js';
import type { OutputFile } from '../publish.js';
import { imageFileReader } from '../../load/image-files.js';
import { imageFiles, showsImage } from './images.js';
import type { Writer, WriterContext, WriterDocument, WriterResult } from '../writer.js';
import type { BuiltSite } from '../sites.js';
import { entryEditions, pageTranslations } from './html-sites.js';

/**
 * A small static site per edition: one page per document, `index.html`, one stylesheet and the
 * web fonts, all with relative links, so it works from the file system and offline. With several
 * languages each page links to itself in the edition's other languages; when the sites are in
 * folders of their own, the output folder gets an `index.html` listing them (see outputIndex).
 */
export function htmlWriter(cache?: PageCache): Writer {
  return {
    format: 'html',
    write: (documents, context) => writeSite(documents, context, cache),
    outputIndex: writeEntryPage,
  };
}

/**
 * Watch mode's pages of the last build, by file: a document whose Markdown (and whose pages in the
 * other languages, `translations`) are the same keeps its page.
 */
export type PageCache = Map<string, { markdown: string; root: string; translations: string; page: { html: string; front: FrontMatter; images: string[] }; sections: SectionParses; verdicts: Map<string, boolean> }>;

/** The output folder's index.html, listing its sites (public first), when they are in folders of their own. */
async function writeEntryPage(sites: readonly BuiltSite[], language: Language): Promise<OutputFile[]> {
  const editions = entryEditions(sites);
  if (!editions) return [];
  const { entryPage } = await import('../../html/entry-page.js');
  const first = editions[0]!.sites[0]!;
  const title = (sites.find((site) => site.language === language) ?? sites[0]!).title;
  return [{ path: 'index.html', content: entryPage({ title, language, stylesheet: first.href.replace(/index\.html$/, 'style.css'), editions }) }];
}

async function writeSite(documents: readonly WriterDocument[], context: WriterContext, cache: PageCache | undefined): Promise<WriterResult> {
  // Loaded only now: a build without HTML never loads the HTML tree libraries.
  const [{ htmlPage }, { indexPage, siteWords, stylesheet, WEB_FONTS }, { SectionParses }] = await Promise.all([import('../../html/page.js'), import('../../html/site.js'), import('../../typeset/markdown.js')]);
  const files: OutputFile[] = [];
  const texts = new Map<string, string>();
  const wordsIn = (language: Language) => ({ ...siteWords(language), contents: translate(language, 'contents') });
  const words = wordsIn(context.language);
  const wordsByLanguage = byLanguage(wordsIn);
  // The documents of one edition, in its folder (`public/`, or the output folder itself): the site's root.
  const prefix = context.folder ?? '';
  const listed: Array<{ href: string; title: string }> = [];
  let first: FrontMatter | undefined;
  const images = new Set<string>();
  // The build left out every image the report cannot show (see leaveOutImages); one that has gone since is its alt text on the page too.
  const read = imageFileReader(context.projectDir);
  const usableImage = showsImage(read);
  for (const doc of documents) {
    const relative = doc.file.slice(prefix.length).replace(/\.md$/, '.html');
    const root = '../'.repeat(relative.split('/').length - 1);
    const kept = cache?.get(doc.file);
    const sections = kept?.sections ?? new SectionParses();
    // A kept page is kept while the images it asked about are judged as they were (a file added since, or removed).
    const sameImages = (verdicts: Map<string, boolean>) => [...verdicts].every(([src, usable]) => usableImage(src) === usable);
    const verdicts = new Map<string, boolean>();
    const judged = (src: string) => {
      const usable = usableImage(src);
      verdicts.set(src, usable);
      return usable;
    };
    const translations = pageTranslations(doc.file, prefix, context.otherLanguages ?? []);
    const translationsKey = JSON.stringify(translations);
    const reuse = kept && kept.markdown === doc.markdown && kept.root === root && kept.translations === translationsKey && sameImages(kept.verdicts);
    const page = reuse ? kept.page : htmlPage(doc.markdown, { file: doc.file, root, labels: words, labelsByLanguage: wordsByLanguage, language: context.language, translations, usableImage: judged, ...(cache ? { sections } : {}) });
    cache?.set(doc.file, { markdown: doc.markdown, root, translations: translationsKey, page, sections, verdicts: reuse ? kept.verdicts : verdicts });
    files.push({ path: `${prefix}${relative}`, content: page.html });
    // What a reader sees is the document's text: the leak guard reads it there.
    texts.set(`${prefix}${relative}`, doc.markdown);
    first ??= page.front;
    for (const image of page.images) images.add(image);
    listed.push({ href: relative, title: page.front.document ?? relative });
  }
  // Documents of one title (a custom document made per country, `Country annex`): told apart by their file's name (`Country annex (BFA)`).
  const titles = new Map<string, number>();
  for (const doc of listed) titles.set(doc.title, (titles.get(doc.title) ?? 0) + 1);
  const named = listed.map((doc) => ((titles.get(doc.title) ?? 0) > 1 ? { ...doc, title: `${doc.title} (${path.posix.basename(doc.href, '.html')})` } : doc));
  if (first) files.push({ path: `${prefix}index.html`, content: indexPage(first, named, context.language, pageTranslations(`${prefix}index.md`, prefix, context.otherLanguages ?? [])) });
  files.push({ path: `${prefix}style.css`, content: stylesheet(resolveTheme(context.workshop.report?.pdf_theme as PdfThemeYaml | undefined).accentColor) });
  for (const font of await fontFiles(WEB_FONTS)) files.push({ path: `${prefix}fonts/${font.name}`, content: font.bytes });
  // Images beside the pages (see imageFiles); the Markdown publishes the same ones at the same paths.
  files.push(...imageFiles(images, prefix, read));
  return { files, diagnostics: [], sources: new Map(), texts };
}

async function fontFiles(fonts: typeof WEB_FONTS): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('source-sans/package.json')), 'WOFF2', 'TTF');
  return Promise.all(fonts.map(async (font) => ({ name: font.file, bytes: new Uint8Array(await readFile(path.join(folder, font.file))) })));
}
