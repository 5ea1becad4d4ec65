import { PARALLEL_MIN_CHARS, TypesetPool } from '../parallel-typeset.js';
import type { PdfCache } from '../pdf-output.js';
import type { Writer } from '../writer.js';

/**
 * PDF through the typesetter, on every core once there is enough Markdown. `pool` and `cache` are
 * kept between builds in watch mode; otherwise the pool's threads stop when the build ends.
 */
export function pdfWriter(kept?: { pool: TypesetPool; cache: PdfCache }): Writer {
  const pool = kept?.pool ?? new TypesetPool();
  return {
    format: 'pdf',
    rendered(chars) {
      // Workers start now, loading pdfkit and the fonts while the documents are still being rendered.
      if (chars >= PARALLEL_MIN_CHARS) pool.prewarm();
    },
    async write(documents, context) {
      // Loaded only now: pdfkit and the fonts cost a few hundred milliseconds.
      try {
        const { typesetDocuments } = await import('../pdf-output.js');
        return await typesetDocuments(documents, { ...context, pool, ...(kept ? { cache: kept.cache } : {}) });
      } finally {
        // Whatever happened, the DOCX does not wait for page numbers this PDF will not give.
        if (context.headingPages?.fromPdf) context.headingPages.finish();
      }
    },
    async close() {
      if (!kept) await pool.close();
    },
  };
}
