import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from '../load/decode.js';
import { parseYamlFile } from '../load/parse-yaml.js';
import { fileSystemError } from '../load/file-system.js';
import type { Language } from '../notes/types.js';
import { bundledFontPaths } from '../typeset/font-files.js';
import { resolveTheme, type PdfThemeYaml } from '../typeset/theme.js';
import { createMetrics, FontFormatError, parsedFont } from '../typeset/measure.js';
import { layoutHeadingPages, SectionParses, typeset, type FontBytes, type HeadingPages, type ResolvedTheme, type TypesetLabels } from '../typeset/index.js';
import { byLanguage, pageWords } from '../i18n/index.js';
import { schemaDiagnostics } from '../validate/schema-diagnostics.js';
import { InterruptedError, SetupError } from '../errors.js';
import { imageFileReader } from '../load/image-files.js';
import type { OutputFile } from './publish.js';
import type { ParsedTree, WriterContext, WriterDocument, WriterResult } from './writer.js';
import { typesetInParallel, type TypesetPool } from './parallel-typeset.js';

/** A writer's context, and what watch mode keeps between builds. */
export interface PdfContext extends WriterContext {
  /** Worker threads kept warm between builds (watch mode); else started and stopped per build. */
  pool?: TypesetPool;
  /** PDFs of the previous build by document (watch mode): unchanged documents are not typeset again. */
  cache?: PdfCache;
}

/** What the PDF writer returns. */
export type PdfResult = WriterResult;

/** What every document's typesetting shares; plain data, so worker threads can receive it. */
export interface TypesetSettings {
  projectDir: string;
  theme: ResolvedTheme;
  fontFiles: Record<keyof FontBytes, string>;
  labels: TypesetLabels;
  /** The same words in every language, for a document whose front matter names another (`lang: fr`). */
  labelsByLanguage?: Partial<Record<Language, TypesetLabels>>;
  /** The edition's language (the chart's text alternative of a document whose front matter names none). */
  language?: Language;
  creationDate: Date;
  /** Watch mode: each thread keeps the parsed sections of each document's last version. */
  keepSections: boolean;
}

/** Watch mode's PDFs by document file, with what they were made from. */
export type PdfCache = Map<string, { key: string; result: TypesetResult }>;

/** One typeset document, as the main thread or a worker returns it. */
export interface TypesetResult {
  pdf: Uint8Array;
  diagnostics: Diagnostic[];
  /** The text drawn on the pages. */
  text: string;
  /** Where the headings fall (the DOCX contents' page numbers). */
  headingPages: HeadingPages;
}

/** Told where a document's headings fall, as soon as it is laid out. */
export type OnLayout = (file: string, pages: HeadingPages) => void;

/** Typesets every rendered document, on every core. Loaded lazily: importing pdfkit costs a few hundred ms. */
export async function typesetDocuments(documents: readonly WriterDocument[], context: PdfContext): Promise<PdfResult> {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const themeYaml = await themeSettings(context, diagnostics, sources);
  // An error in the theme file stops the build; a warning (a control character in a comment) is said
  // and the PDFs are made. A warning once stopped them alone: no PDF, the last build's removed, exit 0.
  if (hasErrors(diagnostics)) return { files: [], diagnostics, sources };
  const settings: TypesetSettings = {
    projectDir: context.projectDir,
    theme: resolveTheme(context.pdfA ? { ...themeYaml, pdf_a: true } : themeYaml),
    fontFiles: fontFiles(themeYaml?.fonts, context.projectDir),
    labels: pageWords(context.language),
    labelsByLanguage: byLanguage(pageWords),
    language: context.language,
    creationDate: creationDateOf(context),
    keepSections: context.cache !== undefined,
  };
  // Watch mode: a document whose Markdown and settings did not change keeps its PDF.
  const settingsKey = JSON.stringify(settings);
  const cacheKey = (doc: WriterDocument) => `${settingsKey}\0${doc.markdown}`;
  const cached = (doc: WriterDocument) => context.cache?.get(doc.file)?.key === cacheKey(doc);
  const changed = documents.filter((doc) => !cached(doc));
  // The DOCX contents take their page numbers from this layout (see HeadingPagesBook), as each document is laid out.
  const book = context.headingPages?.fromPdf ? context.headingPages : undefined;
  const onLayout: OnLayout | undefined = book ? (file, pages) => book.publish(file, pages) : undefined;
  for (const doc of documents) if (cached(doc)) onLayout?.(doc.file, context.cache!.get(doc.file)!.result.headingPages);
  let done = 0;
  let fresh: TypesetResult[];
  try {
    // Trees the DOCX thread parsed (see WriterContext.parsedTree); watch mode reparses only the sections that changed instead.
    const parsedTree = settings.keepSections ? undefined : context.parsedTree;
    fresh = await typesetInParallel(changed, settings, (docs, s, onDocument) => typesetHere(docs, s, onDocument, onLayout, parsedTree), {
      onDocument: (doc) => {
        // Ctrl-C between two documents typeset on this thread (the pool's threads are stopped by the signal).
        if (context.signal?.aborted) throw new InterruptedError('interrupted');
        context.onDocument?.(doc.file.replace(/\.md$/, '.pdf'), done++, changed.length);
      },
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.pool ? { pool: context.pool } : {}),
      ...(onLayout ? { onLayout } : {}),
    });
  } catch (error) {
    if (error instanceof SetupError || error instanceof InterruptedError) throw error;
    throw (await damagedThemeFont(settings.fontFiles, error)) ?? error;
  } finally {
    // A document that was not laid out (an error, an interruption) leaves its DOCX without page numbers rather than waiting.
    book?.finish();
  }
  changed.forEach((doc, i) => context.cache?.set(doc.file, { key: cacheKey(doc), result: fresh[i]! }));
  const byFile = new Map(changed.map((doc, i) => [doc.file, fresh[i]!]));
  const results = documents.map((doc) => byFile.get(doc.file) ?? context.cache!.get(doc.file)!.result);
  const texts = new Map<string, string>();
  const files: OutputFile[] = [];
  for (const [index, doc] of documents.entries()) {
    const out = results[index]!;
    for (const d of out.diagnostics) {
      diagnostics.push(d);
      sources.set(doc.file, doc.markdown);
    }
    const file = doc.file.replace(/\.md$/, '.pdf');
    files.push({ path: file, content: out.pdf });
    texts.set(file, out.text);
  }
  return { files, diagnostics, sources, texts };
}

/** Reads and parses the bundled fonts ahead of the first document (typesetting workers, at start). */
export async function warmUp(): Promise<void> {
  createMetrics(await readFonts(bundledFontPaths()));
}

/** Typesets documents one after another on this thread; fonts are read once per thread. */
export async function typesetHere(documents: readonly WriterDocument[], settings: TypesetSettings, onDocument?: (doc: WriterDocument) => void, onLayout?: OnLayout, parsedTree?: ParsedTree): Promise<TypesetResult[]> {
  const fonts = await readFonts(settings.fontFiles);
  const loadImage = imageFileReader(settings.projectDir);
  const results: TypesetResult[] = [];
  // With trees parsed on another thread, each document as soon as its tree has come (see inReadyOrder).
  const trees = parsedTree ? documents.map((doc) => parsedTree(doc.file, doc.markdown)) : documents.map(() => Promise.resolve(undefined));
  for await (const [index, root] of inReadyOrder(trees)) {
    const doc = documents[index]!;
    onDocument?.(doc);
    const { theme, labels, labelsByLanguage, language, creationDate } = settings;
    const sections = settings.keepSections ? keptSections(doc.file) : undefined;
    const out = await typeset({ markdown: doc.markdown, file: doc.file, theme, fonts, labels, ...(labelsByLanguage ? { labelsByLanguage } : {}), ...(language ? { language } : {}), creationDate, loadImage, ...(root ? { root } : {}), ...(sections ? { sections } : {}), ...(onLayout ? { onLayout: (pages) => onLayout(doc.file, pages) } : {}) });
    results[index] = { pdf: out.pdf, diagnostics: out.diagnostics, text: out.text, headingPages: out.headingPages };
  }
  return results;
}

/**
 * The promises' values with their indexes: the first in order of those settled, else the first to
 * settle. The typesetter then works on a document whose tree has come rather than wait for the one
 * before it (each PDF is made alone: the order changes no byte).
 */
export async function* inReadyOrder<T>(promises: ReadonlyArray<Promise<T>>): AsyncGenerator<[number, T]> {
  const settled = new Map<number, T>();
  const waiting = new Map(promises.map((promise, index) => [index, promise.then((value) => void settled.set(index, value))]));
  while (waiting.size > 0) {
    if (settled.size === 0) await Promise.race(waiting.values());
    const index = Math.min(...settled.keys());
    const value = settled.get(index) as T;
    settled.delete(index);
    waiting.delete(index);
    yield [index, value];
  }
}

/**
 * Lays the documents out without painting them, for the DOCX contents' page numbers when no PDF
 * shares its layout (no pdf format, or a --pdf-theme the DOCX does not follow): the bundled fonts
 * (those the DOCX embeds) and `theme`, one document after another, each told as soon as it is done.
 */
export async function layoutHere(documents: readonly WriterDocument[], settings: Pick<TypesetSettings, 'projectDir' | 'theme' | 'labels' | 'labelsByLanguage' | 'language' | 'creationDate'>, onLayout: OnLayout, parsedTree?: ParsedTree): Promise<void> {
  const fonts = await readFonts(bundledFontPaths());
  const loadImage = imageFileReader(settings.projectDir);
  const trees = parsedTree ? documents.map((doc) => parsedTree(doc.file, doc.markdown)) : documents.map(() => Promise.resolve(undefined));
  for await (const [index, root] of inReadyOrder(trees)) {
    const doc = documents[index]!;
    const { theme, labels, labelsByLanguage, language, creationDate } = settings;
    onLayout(doc.file, layoutHeadingPages({ markdown: doc.markdown, file: doc.file, theme, fonts, labels, ...(labelsByLanguage ? { labelsByLanguage } : {}), ...(language ? { language } : {}), creationDate, loadImage, ...(root ? { root } : {}) }));
    // Gives the build's other work (the next edition's rendering) a turn between documents.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** This thread's parsed sections of each document's last version (watch mode). */
const sectionsByFile = new Map<string, SectionParses>();
/** More documents than any workshop has; those not typeset for longest (renamed, removed) go first. */
const KEPT_DOCUMENTS = 200;

function keptSections(file: string): SectionParses {
  const sections = sectionsByFile.get(file) ?? new SectionParses();
  sectionsByFile.delete(file);
  sectionsByFile.set(file, sections);
  if (sectionsByFile.size > KEPT_DOCUMENTS) sectionsByFile.delete(sectionsByFile.keys().next().value!);
  return sections;
}

/**
 * --pdf-theme FILE wins over report.pdf_theme; both are checked against the pdf-theme schema. The
 * file is read as the notes are: strict UTF-8 (a Latin-1 byte, UTF-16, a NUL byte is an `encoding`
 * error at its place, never a U+FFFD in a font's path). Undefined with an error in `diagnostics`;
 * the theme, with the warnings it gives (a control character), otherwise.
 */
async function themeSettings(context: PdfContext, diagnostics: Diagnostic[], sources: Map<string, string>): Promise<PdfThemeYaml | undefined> {
  if (context.pdfTheme === undefined) return context.workshop.report?.pdf_theme as PdfThemeYaml | undefined;
  const file = path.resolve(context.cwd, context.pdfTheme);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw fileSystemError('Cannot read the PDF theme file', context.pdfTheme, error, `--pdf-theme takes the path of a YAML theme file from the current folder (${context.cwd}); \`workshop-report schema pdf-theme\` lists its keys.`);
  }
  const shown = path.relative(context.projectDir, file).split(path.sep).join('/');
  const decoded = decodeUtf8(shown, bytes);
  if (!decoded.ok) {
    diagnostics.push(decoded.diagnostic);
    return undefined;
  }
  sources.set(shown, decoded.text);
  const { file: parsed, diagnostics: problems } = parseYamlFile({ path: shown, text: decoded.text }, 'pdf-theme');
  diagnostics.push(...problems);
  if (parsed.data === undefined || hasErrors(problems)) return undefined;
  const invalid = schemaDiagnostics(parsed, 'pdf-theme');
  diagnostics.push(...invalid);
  return hasErrors(invalid) ? undefined : parsed.data as PdfThemeYaml;
}

function fontFiles(custom: PdfThemeYaml['fonts'], projectDir: string): Record<keyof FontBytes, string> {
  const bundled = bundledFontPaths();
  const chosen = {
    regular: custom?.regular, bold: custom?.bold, italic: custom?.italic, boldItalic: custom?.bold_italic, mono: custom?.mono,
  };
  const keys = Object.keys(bundled) as Array<keyof FontBytes>;
  return Object.fromEntries(keys.map((key) => [key, chosen[key] ? path.resolve(projectDir, chosen[key]) : bundled[key]])) as Record<keyof FontBytes, string>;
}

/**
 * Font bytes by path, with the size and time they were read at: the typesetter caches parsed fonts
 * (and their HarfBuzz copies) by these very arrays, so a font edited during watch mode replaces its
 * old version rather than adding to it.
 */
const fontCache = new Map<string, { id: string; bytes: Uint8Array }>();

async function readFonts(files: Record<keyof FontBytes, string>): Promise<FontBytes> {
  const entries = await Promise.all(Object.entries(files).map(async ([key, file]) => {
    let bytes: Uint8Array | undefined;
    try {
      const { size, mtimeMs } = await stat(file);
      const id = `${size}\0${mtimeMs}`;
      const cached = fontCache.get(file);
      bytes = cached?.id === id ? cached.bytes : new Uint8Array(await readFile(file));
      if (cached?.bytes !== bytes) fontCache.set(file, { id, bytes });
    } catch (error) {
      throw fileSystemError('Cannot read the font file', file, error, 'Font paths in the PDF theme are relative to the project folder.');
    }
    try {
      parsedFont(bytes); // parsed once here, as the typesetter will use it
    } catch (error) {
      if (!(error instanceof FontFormatError)) throw error;
      if (error.webFont) {
        throw new SetupError(`${file} is a web font (${error.webFont}), which the PDF cannot embed.`, 'Give the same font as a TrueType or OpenType file (.ttf or .otf); font families ship both.');
      }
      if (error.damage) throw new SetupError(`${file} (${themeKey(key)}) is not a font the PDF can embed: ${error.damage}, as in a damaged file.`, DAMAGED_HINT, { cause: error });
      throw new SetupError(`${file} is not a font the PDF can embed.`, 'Give a TrueType or OpenType font file (.ttf or .otf), one font per file (not a .ttc collection).', { cause: error });
    }
    return [key, bytes] as const;
  }));
  return Object.fromEntries(entries) as unknown as FontBytes;
}

const DAMAGED_HINT = 'Download or copy the font again (a single changed byte does this), or remove it from the PDF theme to use the bundled font.';

/** The theme's key of a font, e.g. `fonts.bold_italic` (in report.pdf_theme or the --pdf-theme file). */
function themeKey(key: string): string {
  return `the PDF theme's fonts.${key === 'boldItalic' ? 'bold_italic' : key}`;
}

/**
 * A build that failed on something other than a setup error, with theme fonts of the user's: if
 * fontkit alone cannot read or subset the glyphs of one of them (see fontGlyphProblem), that font
 * is to blame, a setup error naming it; else undefined, and the error stays a bug of ours.
 */
async function damagedThemeFont(files: Record<keyof FontBytes, string>, error: unknown): Promise<SetupError | undefined> {
  const bundled = bundledFontPaths();
  const { fontGlyphProblem } = await import('../typeset/font-check.js');
  for (const [key, file] of Object.entries(files) as Array<[keyof FontBytes, string]>) {
    if (file === bundled[key]) continue;
    const bytes = fontCache.get(file)?.bytes ?? await readFile(file).then((b) => new Uint8Array(b), () => undefined);
    const problem = bytes && fontGlyphProblem(bytes);
    if (problem) return new SetupError(`${file} (${themeKey(key)}) is not a font the PDF can embed: fontkit cannot read its glyphs (${problem}), as in a damaged file.`, DAMAGED_HINT, { cause: error });
  }
  return undefined;
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the workshop's last day: never the clock. */
function creationDateOf(context: PdfContext): Date {
  const epoch = context.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${context.workshop.dates.end}T00:00:00Z`);
}
