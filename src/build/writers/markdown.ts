import type { Writer } from '../writer.js';

/** The Markdown documents as rendered: the reference every other format is made from. */
export const markdownWriter: Writer = {
  format: 'md',
  write: async (documents) => ({ files: documents.map((doc) => ({ path: doc.file, content: doc.markdown })), diagnostics: [], sources: new Map() }),
};
