import { setImmediate } from 'node:timers/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Format } from '../notes/types.js';
import { actionsCsv, actionsIcs, programmeJson, type LeftOutWorkshop } from '../programme/exports.js';
import type { ProgrammeModel } from '../programme/model.js';
import { renderProgrammeEach } from '../programme/render.js';
import type { Fallbacks, TemplateSet } from '../render/index.js';
import { anchorSources, brokenAnchors } from './anchor-links.js';
import { HeadingPagesBook } from './heading-pages.js';
import { imageLeaver, notesImagesLeaver } from './left-out-images.js';
import type { OutputFile } from './publish.js';
import { unmadeDocuments, visibleTexts, type WriterContext, type WriterDocument } from './writer.js';
import { writerFor } from './writers/index.js';
import { markdownWriter } from './writers/markdown.js';
import { madeFor } from './output-formats.js';

/** Event-loop turns given to the staging between two programme documents (see writeProgrammeDocuments). */
const STAGING_TURNS = 6;

export interface ProgrammeDocuments {
  /** The documents in every format asked for, then the exports. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Texts for code frames of the writers' diagnostics, by file. */
  sources: Map<string, string>;
  /** The workshops' (md) texts whose images the documents show as their alt text, each with the images' paths (see notesImagesLeaver). */
  notesImages: ReadonlyMap<string, readonly string[]>;
}

/** What writeProgrammeDocuments tells as it goes. */
export interface ProgrammeDocumentHooks {
  /** Each file as soon as it is made (see writeProgrammeDocuments). */
  staged?: { add(file: OutputFile): void };
  /**
   * Reads each document's visible text (the Markdown, then a writer's text) before it is staged:
   * false stops the documents (the leak guard found a restricted text; it keeps its diagnostics).
   */
  guard?: (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => boolean;
  /**
   * With templates of the programme's own: the links to headings of its documents are checked
   * (`broken-anchor`, as a workshop's are), each document named by the path this gives it.
   */
  anchors?: (file: string) => string;
  /** Where each document is published, relative to the programme's folder (`out/overview.md`): where an image its template names and the build leaves out is said. */
  published?: (file: string) => string;
  /** What was said already (the programme's templates' problems): an image judged there is not judged again at each document. */
  known?: readonly Diagnostic[];
}

/**
 * The programme's exports (actions.csv, actions.ics, programme.json) and documents (overview, action
 * register, recurring recommendations, a dossier per country) in each of `formats`: the Markdown as
 * rendered, and the other formats made from that Markdown by the writers a workshop's build uses, so
 * they cannot disagree. Each file goes to `staged` as soon as it is made: the exports first, each
 * Markdown document as it is rendered (written while the next is rendered), then the other formats. A document `guard` refuses is not staged, nor is anything after it.
 * Images: one of a workshop's (md) text is its alt text, plain, in every format (the programme does
 * not publish its workshops' images, see notesImagesLeaver); one the programme's own templates name
 * is shown and published beside the documents as in a workshop's build (the Markdown writer's, the
 * HTML's), or left out as its alt text when the report cannot show it (see imageLeaver).
 * `leftOut`: the workshops --as-of left out of `model`, which programme.json names.
 */
export async function writeProgrammeDocuments(model: ProgrammeModel, templates: TemplateSet, fallbacks: Fallbacks | undefined, formats: readonly Format[], context: WriterContext, { staged, guard = () => true, anchors, published = (file) => file, known = [] }: ProgrammeDocumentHooks = {}, leftOut: readonly LeftOutWorkshop[] = []): Promise<ProgrammeDocuments> {
  const notesImages = notesImagesLeaver();
  const result: ProgrammeDocuments = { files: [], diagnostics: [], sources: new Map(), notesImages: notesImages.left };
  let refused = false;
  const exports: OutputFile[] = [{ path: 'actions.csv', content: actionsCsv(model) }, { path: 'actions.ics', content: actionsIcs(model) }, { path: 'programme.json', content: programmeJson(model, leftOut) }];
  for (const file of exports) staged?.add(file);
  const markdown = formats.includes('md');
  const others = formats.filter((format) => format !== 'md');
  const documents: WriterDocument[] = [];
  const linked: Array<{ file: string; markdown: string }> = [];
  // An image the Markdown and the HTML both publish (the same file, see imageFiles) goes out once.
  const shared = new Set<string>();
  const add = (file: OutputFile): void => {
    if (file.shared) {
      if (shared.has(file.path)) return;
      shared.add(file.path);
    }
    result.files.push(file);
    staged?.add(file);
  };
  const markdownFiles = markdownWriter();
  const leaveOutImages = imageLeaver(context.projectDir);
  // An image problem is the file's, not each document's (as in a workshop's build, see relocateWriterDiagnostics): said once.
  const said = new Set(known.filter((d) => d.code === 'image').map((d) => `${d.message}\0${d.actual}`));
  for (const step of renderProgrammeEach(model, templates, fallbacks, {}, notesImages.text)) {
    if ('diagnostic' in step) {
      result.diagnostics.push(step.diagnostic);
      continue;
    }
    if (hasErrors(result.diagnostics) || refused) continue;
    const shown = leaveOutImages(step.document.file, step.document.markdown);
    const document: WriterDocument = { file: step.document.file, markdown: shown.markdown };
    for (const d of shown.diagnostics) {
      const key = `${d.message}\0${d.actual}`;
      if (said.has(key)) continue;
      said.add(key);
      // At its alt text in the document as published, the path named (a template's {{…}} made it).
      result.diagnostics.push({ ...d, ...(d.location ? { location: { ...d.location, file: published(document.file) } } : {}), ...(d.actual !== undefined && !d.message.includes(d.actual) ? { message: `${d.message.replace(/\.$/, '')}: “${d.actual}”.` } : {}) });
      result.sources.set(published(document.file), document.markdown);
    }
    if (!guard([{ file: document.file, text: document.markdown }])) {
      refused = true;
      continue;
    }
    if (others.length > 0) documents.push(document);
    if (anchors) linked.push({ file: document.file, markdown: document.markdown });
    if (!markdown) continue;
    // The images its templates show go with it, named from its folder (`../assets/x.png` in countries/), as in a workshop's build.
    for (const made of (await markdownFiles.write([document], context)).files) add(madeFor(made, 'md'));
    if (staged) {
      // Lets its writing start, and the writes before it go on, before the next is rendered: each
      // file is several trips to the thread pool, and a trip's answer is taken only when this thread
      // turns the event loop (a few turns: one left the last files to be written after the last
      // document, 90 ms; six, 60 ms).
      for (let turn = 0; turn < STAGING_TURNS; turn++) await setImmediate();
    }
  }
  if (hasErrors(result.diagnostics) || refused) return { ...result, files: [] };
  if (anchors) {
    const broken = brokenAnchors(linked, anchors, new Set(), { markdownWritten: markdown });
    result.diagnostics.push(...broken);
    for (const [file, text] of anchorSources(broken, linked, anchors)) result.sources.set(file, text);
  }
  if (others.length > 0) {
    const writers = others.map((format) => writerFor(format));
    // With PDF and DOCX, the DOCX contents take their page numbers from the PDF's layout, as in a workshop's build.
    const headingPages = others.includes('docx') ? new HeadingPagesBook(others.includes('pdf') && context.pdfTheme === undefined) : undefined;
    const full: WriterContext = { ...context, ...(headingPages ? { headingPages } : {}) };
    try {
      const started = writers.map((writer) => writer.write(documents, full));
      for (const pending of started) pending.catch(() => undefined);
      for (const [index, pending] of started.entries()) {
        const written = await pending;
        result.diagnostics.push(...written.diagnostics);
        for (const [file, text] of written.sources) result.sources.set(file, text);
        if (hasErrors(result.diagnostics)) break;
        const unmade = unmadeDocuments(writers[index]!.format, documents.map((doc) => doc.file), written);
        if (unmade) throw unmade;
        if (!guard(visibleTexts(written))) return { ...result, files: [] };
        for (const made of written.files) add(madeFor(made, writers[index]!.format));
      }
    } finally {
      for (const writer of writers) await writer.close?.();
    }
  }
  result.files.push(...exports);
  return result;
}
