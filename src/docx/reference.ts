import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportedXmlComponent } from 'docx';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { SetupError } from '../errors.js';
import { styleRunSize } from './reference-run-size.js';
import { STYLE } from './styles.js';

/** What a reference document gives the DOCX: its styles, and its page size and margins (twips). */
export interface ReferenceDocument {
  styles: string;
  /** Style ids it defines: the writer adds its own only for those it lacks. */
  styleIds: Set<string>;
  /** The text size, in half-points, of its own "Table text" style (TableText), when it has one that gives a size (see table-text.ts). */
  tableTextSize?: number;
  page?: { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number } };
}

const HINT = 'report.docx_reference names a Word document (.docx) relative to the project folder, e.g. a house template saved as .docx; its styles, page size and margins are used.';

/**
 * Reads `report.docx_reference`, as pandoc's --reference-doc: `word/styles.xml` and the page of the
 * last section of `word/document.xml`. A file that cannot be read or is not a Word document is a
 * setup error (exit 2) with a hint.
 */
export async function readReference(file: string, projectDir: string): Promise<ReferenceDocument> {
  const full = path.resolve(projectDir, file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(full));
  } catch (error) {
    throw new SetupError(`Cannot read the DOCX reference document ${file}.`, HINT, { cause: error });
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => entry.name === 'word/styles.xml' || entry.name === 'word/document.xml' });
  } catch (error) {
    throw new SetupError(`${file} is not a Word document (it is not a .docx package).`, HINT, { cause: error });
  }
  const stylesBytes = entries['word/styles.xml'];
  if (!stylesBytes) throw new SetupError(`${file} is not a Word document (it has no word/styles.xml).`, HINT);
  const styles = new TextDecoder().decode(stylesBytes);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'w:style' || name === 'w:sectPr' });
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(styles) as Record<string, unknown>;
  } catch (error) {
    throw new SetupError(`${file} is not a Word document (its word/styles.xml cannot be read).`, HINT, { cause: error });
  }
  const list = (parsed['w:styles'] as { 'w:style'?: Array<Record<string, string>> } | undefined)?.['w:style'];
  if (!list) throw new SetupError(`${file} is not a Word document (its word/styles.xml has no styles).`, HINT);
  // The docx library reads the styles again when it writes, with its own, stricter parser (no entities
  // declared in a DOCTYPE): what it cannot read stopped the build as an internal error.
  try {
    ImportedXmlComponent.fromXmlString(styles);
  } catch (error) {
    throw new SetupError(`${file} is not a Word document the DOCX can use (its word/styles.xml cannot be read: ${reason(error)}).`, HINT, { cause: error });
  }
  const styleIds = new Set(list.map((style) => style['w:styleId']).filter((id): id is string => typeof id === 'string'));
  let page: ReferenceDocument['page'];
  if (entries['word/document.xml']) {
    try {
      page = pageOf(parser.parse(new TextDecoder().decode(entries['word/document.xml'])));
    } catch (error) {
      throw new SetupError(`${file} is not a Word document (its word/document.xml cannot be read: ${reason(error)}).`, HINT, { cause: error });
    }
  }
  if (page) checkRoom(page, file);
  const tableTextSize = styleIds.has(STYLE.tableText) ? styleRunSize(parsed, STYLE.tableText) : undefined;
  return { styles, styleIds, ...(tableTextSize !== undefined ? { tableTextSize } : {}), ...(page ? { page } : {}) };
}

/** The least text width and height a reference page may leave, in twips (1 cm): what the PDF theme's margins (under 100 mm each) leave at least. */
export const MIN_TEXT_TWIPS = 567;

/**
 * A page whose margins leave no room for text (left + right as wide as the page: the writer sized
 * the chart, tables and images from a negative width, and the build stopped) is a setup error.
 */
function checkRoom(page: NonNullable<ReferenceDocument['page']>, file: string): void {
  const { width, height, margins } = page;
  const textWidth = width - margins.left - margins.right;
  const textHeight = height - margins.top - margins.bottom;
  if (textWidth < MIN_TEXT_TWIPS) {
    throw new SetupError(
      `${file} has margins that leave no room for text: its page is ${cm(width)} wide, its left and right margins ${cm(margins.left)} and ${cm(margins.right)}, so the text would be ${cm(textWidth)} wide (at least ${cm(MIN_TEXT_TWIPS)} is needed).`,
      `${HINT} Narrow the margins in Word (Layout > Margins) and save the reference document again.`,
    );
  }
  if (textHeight < MIN_TEXT_TWIPS) {
    throw new SetupError(
      `${file} has margins that leave no room for text: its page is ${cm(height)} high, its top and bottom margins ${cm(margins.top)} and ${cm(margins.bottom)}, so the text would be ${cm(textHeight)} high (at least ${cm(MIN_TEXT_TWIPS)} is needed).`,
      `${HINT} Narrow the margins in Word (Layout > Margins) and save the reference document again.`,
    );
  }
}

/** Twips as centimetres, e.g. "21 cm", "-0.12 cm". */
function cm(twips: number): string {
  return `${Number((twips / 567).toFixed(2))} cm`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function pageOf(document: unknown): ReferenceDocument['page'] | undefined {
  const body = (document as { 'w:document'?: { 'w:body'?: { 'w:sectPr'?: Array<Record<string, Record<string, string>>> } } })['w:document']?.['w:body'];
  const sect = body?.['w:sectPr']?.at(-1);
  const size = sect?.['w:pgSz'];
  const margin = sect?.['w:pgMar'];
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
  const width = n(size?.['w:w']);
  const height = n(size?.['w:h']);
  if (width === undefined || height === undefined || !margin) return undefined;
  const m = (key: string, fallback: number) => n(margin[key]) ?? fallback;
  return { width, height, margins: { top: m('w:top', 1440), right: m('w:right', 1440), bottom: m('w:bottom', 1440), left: m('w:left', 1440), header: m('w:header', 708), footer: m('w:footer', 708) } };
}
