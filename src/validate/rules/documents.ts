import type { DocumentEntry } from '../../notes/types.js';
import type { RuleContext } from '../context.js';

/** Where a document of report.documents is written, without its extension: `countries/` for one per country. */
function fileOf(entry: DocumentEntry): string {
  if (entry === 'country-briefs') return 'countries/';
  if (typeof entry === 'string') return entry;
  return entry.per === 'country' ? `${entry.name}/` : entry.name;
}

/** The HTML site's first page (index.html), written beside the documents of every edition. */
const SITE_INDEX = 'index';

/**
 * Each document of report.documents is written to a file named after it (`name: press-release` →
 * press-release.md, one per country → press-release/MLI.md): two entries written to the same file,
 * a custom one named like a built-in one (`report`, `countries` per country) or twice the same name,
 * would replace one with the other, silently, in the editions both are in (entries of different
 * editions go to different folders). One error at the later entry, naming the earlier; and
 * `index`, the HTML site's first page, is taken.
 */
export function checkDocumentNames(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  const documents = workshop.data.report?.documents ?? [];
  /** The entries written to each file so far, by their index. */
  const before = new Map<string, number[]>();
  /** Editions an entry is in: undefined for every edition. Two entries of different editions go to different folders. */
  const editionsOf = (entry: DocumentEntry) => (typeof entry === 'string' ? undefined : entry.editions);
  const meet = (a: DocumentEntry, b: DocumentEntry) => {
    const [x, y] = [editionsOf(a), editionsOf(b)];
    return x === undefined || y === undefined || x.some((name) => y.includes(name));
  };
  documents.forEach((entry, index) => {
    const site = { file: workshop.file, path: typeof entry === 'string' ? ['report', 'documents', index] : ['report', 'documents', index, 'name'] };
    const file = fileOf(entry);
    const shown = file.endsWith('/') ? `${file}CODE.md` : `${file}.md`;
    const rename = 'Give this document another name: its name is its file’s (name: press-release writes press-release.md).';
    if (file === SITE_INDEX) {
      ctx.report('document-name-taken', 'error', site, 'value', `“index” is the HTML site's first page (index.html), written with --format html: this document would replace it.`, rename);
      return;
    }
    const same = before.get(file) ?? [];
    before.set(file, [...same, index]);
    const earlier = same.find((i) => meet(documents[i]!, entry));
    if (earlier === undefined) return;
    const other = documents[earlier]!;
    const what = typeof other === 'string' ? `the built-in document “${other}”` : `the document “${other.name}”`;
    ctx.report('document-name-taken', 'error', site, 'value', `This document would be written to ${shown}, as ${what} is, earlier in this list: one would replace the other.`,
      typeof entry === 'string' ? `Remove this second “${entry}”.` : rename,
      [{ site: { file: workshop.file, path: typeof other === 'string' ? ['report', 'documents', earlier] : ['report', 'documents', earlier, 'name'] }, message: `${what}, written to ${shown}` }]);
  });
}
