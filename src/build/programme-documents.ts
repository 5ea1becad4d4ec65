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
import type { OutputFile } from './publish.js';
import { unmadeDocuments, visibleTexts, type WriterContext, type WriterDocument } from './writer.js';
import { writerFor } from './writers/index.js';
import { madeFor } from './output-formats.js';

/** Event-loop turns given to the staging between two programme documents (see writeProgrammeDocuments). */
const STAGING_TURNS = 6;

export interface ProgrammeDocuments {
  /** The documents in every format asked for, then the exports. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** Texts for code frames of the writers' diagnostics, by file. */
  sources: Map<string, string>;
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
}

/**
 * The programme's exports (actions.csv, actions.ics, programme.json) and documents (overview, action
 * register, recurring recommendations, a dossier per country) in each of `formats`: the Markdown as
 * rendered, and the other formats made from that Markdown by the writers a workshop's build uses, so
 * they cannot disagree. Each file goes to `staged` as soon as it is made: the exports first, each
 * Markdown document as it is rendered (written while the next is rendered), then the other formats. A document `guard` refuses is not staged, nor is anything after it.
 * `leftOut`: the workshops --as-of left out of `model`, which programme.json names.
 */
export async function writeProgrammeDocuments(model: ProgrammeModel, templates: TemplateSet, fallbacks: Fallbacks | undefined, formats: readonly Format[], context: WriterContext, { staged, guard = () => true, anchors }: ProgrammeDocumentHooks = {}, leftOut: readonly LeftOutWorkshop[] = []): Promise<ProgrammeDocuments> {
  const result: ProgrammeDocuments = { files: [], diagnostics: [], sources: new Map() };
  let refused = false;
  const exports: OutputFile[] = [{ path: 'actions.csv', content: actionsCsv(model) }, { path: 'actions.ics', content: actionsIcs(model) }, { path: 'programme.json', content: programmeJson(model, leftOut) }];
  for (const file of exports) staged?.add(file);
  const markdown = formats.includes('md');
  const others = formats.filter((format) => format !== 'md');
  const documents: WriterDocument[] = [];
  const linked: Array<{ file: string; markdown: string }> = [];
  for (const step of renderProgrammeEach(model, templates, fallbacks)) {
    if ('diagnostic' in step) {
      result.diagnostics.push(step.diagnostic);
      continue;
    }
    if (hasErrors(result.diagnostics) || refused) continue;
    if (!guard([{ file: step.document.file, text: step.document.markdown }])) {
      refused = true;
      continue;
    }
    if (others.length > 0) documents.push(step.document);
    if (anchors) linked.push({ file: step.document.file, markdown: step.document.markdown });
    if (!markdown) continue;
    const file: OutputFile = { path: step.document.file, content: step.document.markdown, formats: ['md'] };
    result.files.push(file);
    if (staged) {
      staged.add(file);
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
        for (const made of written.files) {
          const file = madeFor(made, writers[index]!.format);
          result.files.push(file);
          staged?.add(file);
        }
      }
    } finally {
      for (const writer of writers) await writer.close?.();
    }
  }
  result.files.push(...exports);
  return result;
}
