import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isPlainText } from '../markdown/plain.js';
import { parseMarkdown } from '../typeset/markdown.js';
import { walk } from '../markdown/walk.js';

/**
 * Links of an edition's documents to a heading that is not there (`#session-2-…`,
 * `../report.md#session-2-…`): a template's heading changed while the links to it (`{{slug …}}`)
 * did not, or the reverse. Every writer gives a heading the id GitHub gives it, so such a link leads
 * nowhere in any format. Only links to a document of the same edition are judged. One warning per
 * heading missed, at its first link in the generated Markdown (`shown`: the path the messages give a
 * document), saying how many lead there; none for one in `reported` (an earlier edition's), which it
 * adds to.
 *
 * A first look reads only the lines that are headings and the link targets that have a `#`; only
 * when it finds a link it cannot place are those documents parsed (a workshop's documents parsed
 * whole took 150 ms, and a programme's hundred workshops fifteen times that). Pure but for `reported`.
 */
export function brokenAnchors(documents: ReadonlyArray<{ file: string; markdown: string }>, shown: (file: string) => string, reported: Set<string> = new Set(), options: { folder?: string; markdownWritten?: boolean } = {}): Diagnostic[] {
  const { folder = '', markdownWritten = true } = options;
  const texts = new Map(documents.map((doc) => [doc.file, doc.markdown]));
  const quick = new Map<string, Set<string>>();
  const quickIds = (file: string) => {
    let ids = quick.get(file);
    if (!ids) quick.set(file, (ids = headingLineIds(texts.get(file)!)));
    return ids;
  };
  const suspects = documents.filter(({ file, markdown }) => [...markdown.matchAll(LINK_WITH_ANCHOR)].some((match) => {
    const target = targetOf(file, match[1]!);
    return texts.has(target) && !quickIds(target).has(decoded(match[2]!));
  }));
  if (suspects.length === 0) return [];

  // Parsed, to be exact: the suspects, and the documents they link to.
  const trees = new Map<string, Root>();
  const tree = (file: string) => {
    let parsed = trees.get(file);
    if (!parsed) trees.set(file, (parsed = parseMarkdown(texts.get(file)!)));
    return parsed;
  };
  const exact = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = exact.get(file);
    if (!ids) exact.set(file, (ids = headingIds(tree(file))));
    return ids;
  };
  const missed = new Map<string, { first: Diagnostic; links: number }>();
  for (const { file } of suspects) {
    walk(tree(file), (node) => {
      if (node.type !== 'link' || !node.position) return;
      const match = /^(?![a-z][a-z0-9+.-]*:|\/)([^#?]*)#(.+)$/i.exec(node.url);
      if (!match) return;
      const target = targetOf(file, match[1]!);
      const anchor = decoded(match[2]!);
      if (!texts.has(target) || idsOf(target).has(anchor)) return;
      // One heading of one document, whichever edition or language (`fr/public/`) misses it.
      const key = `${target.startsWith(folder) ? target.slice(folder.length) : target}#${anchor}`;
      const seen = missed.get(key);
      if (seen) {
        seen.links++;
        return;
      }
      const { start, end } = node.position;
      missed.set(key, { links: 1, first: {
        code: 'broken-anchor', severity: 'warning', stage: 'render',
        message: `This link leads to “#${anchor}”, a heading ${target === file ? 'this document' : target} does not have.`,
        hint: `A template's heading and the links to it must say the same: give the link {{slug …}} of the heading's text as the template writes it, or change the heading back.${markdownWritten ? '' : ` (${shown(file)} is the Markdown the other formats are made from; it is not written: add md to --format to read it.)`}`,
        location: { file: shown(file), start: { line: start.line, column: start.column, offset: start.offset ?? 0 }, end: { line: end.line, column: end.column, offset: end.offset ?? 0 } },
      } });
    });
  }
  return [...missed].filter(([key]) => !reported.has(key)).map(([key, { first, links }]) => {
    reported.add(key);
    return links === 1 ? first : { ...first, message: `${first.message} ${links - 1} more ${links === 2 ? 'link leads' : 'links lead'} there too.` };
  });
}

/** `](page.md#anchor)` or `](#anchor)`: a link's destination within the documents, with a fragment. */
const LINK_WITH_ANCHOR = /\]\((?![a-z][a-z0-9+.-]*:|\/)([^()\s#?]*)#([^()\s]+)\)/gi;

/** An ATX heading's line (`## Session 2: …`), its text without the closing hashes. */
const HEADING_LINE = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;

/** The ids of a document's headings as the writers give them, from its heading lines only (a plain text is its own; another is parsed alone). */
function headingLineIds(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const match of markdown.matchAll(HEADING_LINE)) {
    const text = match[1]!;
    ids.add(slugger.slug(isPlainText(text) ? text : toString(parseMarkdown(match[0].trimStart()))));
  }
  return ids;
}

/** The ids of a parsed document's headings, in order (a repeated text gets `-1`, `-2`, as GitHub does). */
function headingIds(root: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'heading') ids.add(slugger.slug(toString(node)));
  });
  return ids;
}

function targetOf(file: string, page: string): string {
  return page === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), page));
}

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
