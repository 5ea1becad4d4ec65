import type { Format } from '../../notes/types.js';
import type { WarmState } from '../warm.js';
import type { Writer } from '../writer.js';
import { docxWriter } from './docx.js';
import { htmlWriter } from './html.js';
import { markdownWriter } from './markdown.js';
import { pdfWriter } from './pdf.js';

/** The writer of one format; watch mode's `warm` state keeps the PDF threads and the pages between builds. */
export function writerFor(format: Format, warm?: WarmState): Writer {
  if (format === 'md') return markdownWriter();
  if (format === 'html') return htmlWriter(warm?.pages);
  if (format === 'docx') return docxWriter();
  return pdfWriter(warm ? { pool: warm.pool, cache: warm.pdfs } : undefined);
}
