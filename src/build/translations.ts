import { CATALOGUES } from '../i18n/index.js';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isScalar, parseDocument, type Pair, type Scalar } from 'yaml';
import { jsToXliff12, xliff12ToJs } from 'xliff';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SetupError } from '../errors.js';
import { fileSystemError, makeFolders } from '../load/file-system.js';
import { exportUnits, importUnits, type ExportFilter, type ImportResult } from '../languages/xliff.js';
import { translationStatus, type TranslationEntry } from '../languages/index.js';
import type { Language } from '../notes/types.js';
import { checkProject, type CheckedResult } from './check-project.js';
import { withTargetStates } from './target-states.js';
import { decodeXml } from './xml-decode.js';
import { xliffFacts } from './xliff-facts.js';
import { xliffVersionProblem, xmlSyntaxProblem } from './xliff-file.js';
import { xliffPlaces, xmlAttribute } from './xliff-places.js';

export interface ExportResult {
  checked: CheckedResult;
  /** The XLIFF document; absent when the notes have errors that keep them from being read. */
  xml?: string;
  units: number;
  files: number;
}

/** `translations export`: the texts of one language as XLIFF 1.2, for a translator's tool. */
export async function exportTranslations(dir: string, language: Language, only: ReadonlySet<ExportFilter> | undefined, cwd: string): Promise<ExportResult> {
  const checked = await checkProject(dir, cwd);
  if (!checked.project) return { checked, units: 0, files: 0 };
  const status = translationStatus(checked.project);
  if (!status.languages.slice(1).includes(language)) throw languageError(language, status.languages);
  const { xliff: data, targetStates } = exportUnits(status, language, only);
  const files = Object.keys(data.resources).length;
  const units = Object.values(data.resources).reduce((sum, units) => sum + Object.keys(units).length, 0);
  // Not indented: inside <source> and <target>, whitespace around the inline tags would be text.
  // The library escapes a unit's id but writes a file's `original` (its path) as it is: `q&a.yaml` made the XML unreadable.
  const written = { ...data, resources: Object.fromEntries(Object.entries(data.resources).map(([original, units]) => [xmlAttribute(original), units])) };
  const xml = withTargetStates(await jsToXliff12(written, { indent: '' }), targetStates);
  return { checked, xml: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, units, files };
}

export interface ImportOutcome {
  checked: CheckedResult;
  result?: ImportResult;
  /** The translation files written, project-relative. */
  written: string[];
  diagnostics: Diagnostic[];
}

/**
 * An XLIFF file refused as a whole, before anything was imported (exit 2), at the place in it that
 * makes it so: a byte its encoding does not allow, XML that is not well-formed, a `<file>` into
 * another language. `sources` holds its text, for the code frame.
 */
export interface RefusedXliff {
  refused: Diagnostic;
  dir: string;
  sources: Map<string, string>;
}

/**
 * `translations import`: a translator's XLIFF into the translation files. Each changed file is
 * written to a temporary name and renamed into place, so a file is never half written.
 */
export async function importTranslations(dir: string, xliffFile: string, cwd: string): Promise<ImportOutcome | RefusedXliff> {
  const full = path.resolve(cwd, xliffFile);
  const projectDir = path.resolve(cwd, dir);
  // The XLIFF file as diagnostics name it: from the project folder, as its files are.
  const shown = path.relative(projectDir, full).split(path.sep).join('/');
  const xliffName = path.basename(xliffFile);
  let bytes: Buffer;
  // Read first: a mistyped path is said at once, not after the whole project is checked.
  try {
    bytes = await readFile(full);
  } catch (error) {
    throw fileSystemError('Cannot read', xliffFile, error, 'Give the path of the XLIFF file the translator sent back.');
  }
  // In the encoding its declaration names (a Windows-1252 file read as UTF-8 put U+FFFD in the translations).
  const decoded = decodeXml(shown, bytes);
  if (!decoded.ok) return { refused: decoded.diagnostic, dir: projectDir, sources: new Map([[shown, decoded.text]]) };
  const xml = decoded.text;
  const checked = await checkProject(dir, cwd);
  if (!checked.project) return { checked, written: [], diagnostics: [] };
  // The XLIFF reader takes a file cut short (a transfer that stopped) and reads the text up to the
  // cut as a translation: a file that is not whole XML is refused before anything is read from it.
  const syntax = xmlSyntaxProblem(shown, xliffName, xml);
  if (syntax) return { refused: syntax, dir: checked.dir, sources: new Map([[shown, xml]]) };
  const notXliff12 = xliffVersionProblem(xml, xliffFile);
  if (notXliff12) throw notXliff12;
  let data;
  try {
    // With the spaces between two elements: a translation tool saves the space between two
    // sentences between their segment markers (`…</mrk> <mrk …>`), and two bold words as
    // `<g>…</g> <g>…</g>`; the reader drops a text of spaces alone by default, which joined the words.
    data = await xliff12ToJs(xml, { captureSpacesBetweenElements: true });
  } catch (error) {
    throw new SetupError(`${xliffFile} is not an XLIFF 1.2 file (${error instanceof Error ? error.message : String(error)}).`, 'Import the .xlf file that `workshop-report translations export` wrote, as the translation tool saved it.');
  }
  const status = translationStatus(checked.project);
  const result = importUnits(data, status, xliffName, xliffFacts(xml), xliffPlaces(shown, xml));
  if ('error' in result) {
    if (!result.location) throw new SetupError(result.error, result.hint);
    return { refused: { code: 'conflicting-languages', severity: 'error', stage: 'load', message: result.error, hint: result.hint, location: result.location }, dir: checked.dir, sources: new Map([[shown, xml]]) };
  }
  const written: string[] = [];
  const existing = new Map(checked.project.translations.map((t) => [t.file.source.path, t.file.source.text]));
  for (const [file, entries] of result.files) {
    if (!result.touched.has(file)) continue;
    const text = translationFileText(file, entries, result.language, existing.get(file));
    if (existing.get(file) === text) continue;
    const target = path.join(checked.dir, ...file.split('/'));
    await makeFolders(path.dirname(target));
    await writeFile(`${target}.tmp`, text);
    await rename(`${target}.tmp`, target);
    written.push(file);
  }
  // A translation the import wrote that lost its source's emphasis, links or list items: said now, not at the next validate.
  const after = written.length > 0 ? await checkProject(dir, cwd) : undefined;
  const structure = (after?.diagnostics ?? []).filter((d) => d.code === 'translation-structure' && d.location !== undefined && written.includes(d.location.file) && result.entries.has(`${d.location.file}\u0000${entryAt(after!.sources.get(d.location.file) ?? '', d.location.start.line)}`));
  const reported = after && structure.length > 0 ? after : checked;
  // The XLIFF's text, for the code frame of a unit located there.
  if ([...result.refused, ...result.notices].some((d) => d.location?.file === shown)) reported.sources.set(shown, xml);
  return { checked: reported, result, written, diagnostics: [...result.refused, ...result.notices, ...structure] };
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'French' };

/** The translation file's entry (its top-level key) that line `line` is in. */
function entryAt(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const key = /^([^\s#][^:]*):(?:\s|$)/.exec(lines[i]!)?.[1];
    if (key !== undefined) return key.replace(/^(["'])(.*)\1$/, '$2');
  }
  return undefined;
}

/** A translation file as `translations import` writes it: one entry per text, in the source's order. */
export function translationFileText(file: string, entries: ReadonlyArray<[string, TranslationEntry]>, language: Language, existing?: string): string {
  const kept = existing === undefined ? undefined : updatedInPlace(existing, entries);
  if (kept !== undefined) return kept;
  const doc = new Document(Object.fromEntries(entries));
  doc.commentBefore = ` ${LANGUAGE_NAMES[language]} translation of ${file.split('/').slice(2).join('/')}.\n Each key is the path of a text in that file; \`source\` is the fingerprint of the text translated.`;
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

/**
 * The translation file as it is, with `entries` (in the source's order) written into it: an entry's
 * `source` and `text` changed where they differ, new entries added after the entry that comes before
 * them in the source (they were added at the end, away from their neighbours), entries no longer
 * there removed; its comments (a reviewer's note, the file's header) and the way each untouched
 * value is written are kept (the file was written anew, and editors' comments were lost). Undefined
 * when the file is not a YAML mapping that can be edited so.
 */
function updatedInPlace(existing: string, entries: ReadonlyArray<[string, TranslationEntry]>): string | undefined {
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const items = doc.contents.items as Pair[];
  const wanted = new Map(entries);
  for (const pair of [...items]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !wanted.has(key)) items.splice(items.indexOf(pair), 1);
  }
  const pairs = new Map(items.flatMap((item) => (isScalar(item.key) ? [[String(item.key.value), item] as const] : [])));
  const entryNode = (entry: TranslationEntry) => doc.createNode({ source: scalar(doc, entry.source, 'QUOTE_DOUBLE'), text: scalar(doc, entry.text) });
  // Where the entry before the next one is: new entries go right after it (the first, at the top).
  let previous: Pair | undefined;
  for (const [key, entry] of entries) {
    const pair = pairs.get(key);
    const node = pair?.value;
    if (pair && !isMap(node)) {
      // The pair stays, with the comments on its key: only its value is written anew.
      pair.value = entryNode(entry);
      previous = pair;
      continue;
    }
    if (!pair || !isMap(node)) {
      const added = doc.createPair(key, entryNode(entry));
      const at = previous === undefined ? 0 : items.indexOf(previous) + 1;
      // The file's header (a comment on its first key, when no blank line follows it) stays on top.
      const first = at === 0 ? items[0]?.key : undefined;
      if (isScalar(first) && first.commentBefore && !doc.commentBefore) {
        doc.commentBefore = first.commentBefore;
        first.commentBefore = undefined;
      }
      items.splice(at, 0, added);
      previous = added;
      continue;
    }
    if (node.get('source') !== entry.source) node.set('source', scalar(doc, entry.source, 'QUOTE_DOUBLE'));
    if (node.get('text') !== entry.text) node.set('text', scalar(doc, entry.text));
    previous = pair;
  }
  return doc.toString({ lineWidth: 0, blockQuote: 'literal' });
}

/** A value written as the export writes it: a fingerprint in double quotes, a text of several lines as a literal block. */
function scalar(doc: Document, value: string, type?: Scalar.Type): Scalar {
  const node = doc.createNode(value) as Scalar;
  const written = type ?? (value.includes('\n') ? 'BLOCK_LITERAL' : undefined);
  if (written) node.type = written;
  return node;
}

function languageError(language: string, languages: readonly string[]): SetupError {
  // The notes' own language: there is nothing to translate into it (the hint said `languages: [fr, fr]`).
  if (language === languages[0]) {
    const others = languages.slice(1);
    return new SetupError(`${language} is the language the notes are written in: there is nothing to translate into it.`, others.length ? `Give one of the report's translation languages: ${others.map((l) => `--lang ${l}`).join(', ')}.` : `Add a translation language to workshop.yaml first, e.g. \`languages: [${language}, ${language === 'en' ? 'fr' : 'en'}]\`.`);
  }
  // `--lang FR` for fr: the hint said to list FR in languages:.
  const meant = languages.slice(1).find((code) => code.toLowerCase() === language.toLowerCase());
  const known = Object.hasOwn(CATALOGUES, language);
  const hint = meant !== undefined ? `Did you mean “${meant}”? Language codes are written in lower case.`
    : known ? `List it in workshop.yaml: \`languages: [${[languages[0], language].join(', ')}]\`.`
    : `workshop-report writes reports in ${Object.keys(CATALOGUES).join(' and ')}: give one of those, once listed in workshop.yaml's \`languages:\`.`;
  return new SetupError(`${language} is not one of the report's translation languages (${languages.slice(1).join(', ') || 'none: the report has one language'}).`, hint);
}
