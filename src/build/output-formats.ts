import path from 'node:path';
import type { Format } from '../notes/types.js';

/** The formats, in the order their files are listed. */
export const FORMATS: readonly Format[] = ['md', 'pdf', 'html', 'docx'];

/**
 * The formats whose build makes a file (one writer's; an image, the Markdown's and the HTML's), or
 * undefined: every build makes it, whatever its formats (a programme's exports).
 */
export type FileFormats = readonly Format[] | undefined;

/** What the manifest records of the formats: each format's files (`{ "md": [...], "html": [...] }`). */
export type FormatRecord = Partial<Record<Format, string[]>>;

/** The images the Markdown and the HTML publish beside their documents (see imageFiles). */
export const IMAGE_FORMATS: readonly Format[] = ['md', 'html'];

/** `file` as made by `format`'s writer, unless it says which formats make it (an image). */
export function madeFor<T extends { formats?: readonly Format[] }>(file: T, format: Format): T {
  return file.formats ? file : { ...file, formats: [format] };
}

/**
 * Whether a build of `formats` makes (or would have made) a file of these formats: a file made for
 * none of them (a PDF, for `--format md`) is another build's, which this one leaves as it is, and
 * `build --check` of these formats does not compare. Every file is, when `formats` is undefined.
 */
export function madeBy(file: FileFormats, formats: readonly Format[] | undefined): boolean {
  return file === undefined || formats === undefined || file.some((format) => formats.includes(format));
}

/**
 * What a file is, by its name, for a manifest that records no formats (written before they were
 * recorded): `.md`, `.pdf`, `.docx`; the HTML site's pages, stylesheet and web fonts; the images
 * the Markdown and the HTML publish (PNG, JPEG). Anything else is every build's.
 */
export function formatsByName(file: string): FileFormats {
  switch (path.posix.extname(file).toLowerCase()) {
    case '.md': return ['md'];
    case '.pdf': return ['pdf'];
    case '.docx': return ['docx'];
    case '.html': case '.css': case '.woff2': return ['html'];
    case '.png': case '.jpg': case '.jpeg': return IMAGE_FORMATS;
    default: return undefined;
  }
}

/**
 * The formats of each file a manifest lists: as its record says (a file it lists under no format
 * is every build's), else, for a manifest without one, by the file's name.
 */
export function recordedFormats(files: readonly string[], record: FormatRecord | undefined): Map<string, FileFormats> {
  const formats = new Map<string, FileFormats>();
  for (const file of files) {
    if (!record) {
      formats.set(file, formatsByName(file));
      continue;
    }
    const made = FORMATS.filter((format) => record[format]?.includes(file));
    formats.set(file, made.length > 0 ? made : undefined);
  }
  return formats;
}

/** The record of `files` for the manifest: each format's files, sorted; undefined when no file says its formats. */
export function formatRecord(files: ReadonlyMap<string, FileFormats>): FormatRecord | undefined {
  const record: FormatRecord = {};
  for (const format of FORMATS) {
    const made = [...files].filter(([, formats]) => formats?.includes(format)).map(([file]) => file).sort();
    if (made.length > 0) record[format] = made;
  }
  return Object.keys(record).length > 0 ? record : undefined;
}

/**
 * A manifest's `formats`: each known format's list, of the names that pass `isName` (a key this
 * version does not know is passed over); undefined when it holds none (then each file's name tells).
 */
export function readFormatRecord(value: unknown, isName: (name: unknown) => name is string): FormatRecord | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record: FormatRecord = {};
  for (const [format, files] of Object.entries(value as Record<string, unknown>)) {
    if (FORMATS.includes(format as Format) && Array.isArray(files)) record[format as Format] = files.filter(isName);
  }
  return Object.keys(record).length > 0 ? record : undefined;
}

