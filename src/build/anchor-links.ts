import path from 'node:path';
import GithubSlugger, { slug } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isPlainText } from '../markdown/plain.js';
import { parseMarkdown } from '../typeset/markdown.js';
import { walk } from '../markdown/walk.js';

/**
 * Links of an edition's documents to a heading that is not there (`#session-2-…`,
 * `../report.md#session-2-…`): a template's heading changed while the links to it (`{{slug …}}`)
 * did not, or the reverse. Every writer gives a heading the id GitHub gives it, so such a link leads
 * nowhere in any format. Also a link that leads to the first of several headings with the same words,
 * none of them above the others (the country summaries' `### Session 2: …` once the session's own
 * `## Session 2: …` no longer says those words): GitHub gives the unnumbered id to the first one, so
 * the link still leads somewhere, only not where it was written for. Only links to a document of the
 * same edition are judged. One warning per heading missed, at the first link that leads there in the
 * generated Markdown (`shown`: the path the messages give a document), saying how many do; none for
 * one in `reported` (an earlier edition's), which it adds to.
 *
 * A first look reads only the lines that are headings and the link targets that have a `#`; only
 * when it finds a link it cannot place are those documents parsed (a workshop's documents parsed
 * whole took 150 ms, and a programme's hundred workshops fifteen times that). Pure but for `reported`.
 */
export function brokenAnchors(documents: ReadonlyArray<{ file: string; markdown: string }>, shown: (file: string) => string, reported: Set<string> = new Set(), options: { folder?: string; markdownWritten?: boolean } = {}): Diagnostic[] {
  const { folder = '', markdownWritten = true } = options;
  const texts = new Map(documents.map((doc) => [doc.file, doc.markdown]));
  const quick = new Map<string, Anchors>();
  const quickAnchors = (file: string) => {
    let anchors = quick.get(file);
    if (!anchors) quick.set(file, (anchors = headingLineAnchors(texts.get(file)!)));
    return anchors;
  };
  const suspects = documents.filter(({ file, markdown }) => [...markdown.matchAll(LINK_WITH_ANCHOR)].some((match) => {
    const target = targetOf(file, match[1]!);
    return texts.has(target) && !leadsWell(quickAnchors(target), decoded(match[2]!));
  }));
  if (suspects.length === 0) return [];

  // Parsed, to be exact: the suspects, and the documents they link to.
  const trees = new Map<string, Root>();
  const tree = (file: string) => {
    let parsed = trees.get(file);
    if (!parsed) trees.set(file, (parsed = parseMarkdown(texts.get(file)!)));
    return parsed;
  };
  const exact = new Map<string, Anchors>();
  const anchorsOf = (file: string) => {
    let anchors = exact.get(file);
    if (!anchors) exact.set(file, (anchors = headingAnchors(tree(file))));
    return anchors;
  };
  const missed = new Map<string, { first: Diagnostic; links: number }>();
  for (const { file } of suspects) {
    walk(tree(file), (node) => {
      if (node.type !== 'link' || !node.position) return;
      const match = /^(?![a-z][a-z0-9+.-]*:|\/)([^#?]*)#(.+)$/i.exec(node.url);
      if (!match) return;
      const target = targetOf(file, match[1]!);
      const anchor = decoded(match[2]!);
      if (!texts.has(target)) return;
      const anchors = anchorsOf(target);
      if (leadsWell(anchors, anchor)) return;
      // One heading of one document, whichever edition or language (`fr/public/`) misses it.
      const key = `${target.startsWith(folder) ? target.slice(folder.length) : target}#${anchor}`;
      const seen = missed.get(key);
      if (seen) {
        seen.links++;
        return;
      }
      const { start, end } = node.position;
      const document = target === file ? 'this document' : target;
      const shared = anchors.shared.get(anchor);
      missed.set(key, { links: 1, first: {
        code: 'broken-anchor', severity: 'warning', stage: 'render',
        message: shared
          ? `This link leads to “#${anchor}”, the first of the ${shared.count} headings of ${document} that say those words, none standing above the others.`
          : `This link leads to “#${anchor}”, a heading ${document} does not have.`,
        hint: `A template's heading and the links to it must say the same: give the link {{slug …}} of the heading's text as the template writes it, or change the heading back.${shared ? ' Of several headings with the same words, the first takes the id without a number (-1, -2 go to the others): the link leads there.' : ''}${markdownWritten ? '' : ` (${shown(file)} is the Markdown the other formats are made from; only a build with md among its formats writes it.)`}`,
        location: { file: shown(file), start: place(start), end: place(end) },
        ...(shared ? { related: [{ file: shown(target), start: shared.start, end: shared.end, message: 'The heading the link leads to.' }] } : {}),
      } });
    });
  }
  return [...missed].filter(([key]) => !reported.has(key)).map(([key, { first, links }]) => {
    reported.add(key);
    return links === 1 ? first : { ...first, message: `${first.message} ${links - 1} more ${links === 2 ? 'link leads' : 'links lead'} there too.` };
  });
}

/** The documents `broken`'s warnings are in, by the path they give (`shown`), with their text: for the warnings' code frames. */
export function anchorSources(broken: readonly Diagnostic[], documents: ReadonlyArray<{ file: string; markdown: string }>, shown: (file: string) => string): Map<string, string> {
  const files = new Set(broken.map((d) => d.location?.file));
  return new Map(documents.filter(({ file }) => files.has(shown(file))).map(({ file, markdown }) => [shown(file), markdown]));
}

/** `](page.md#anchor)` or `](#anchor)`: a link's destination within the documents, with a fragment. */
const LINK_WITH_ANCHOR = /\]\((?![a-z][a-z0-9+.-]*:|\/)([^()\s#?]*)#([^()\s]+)\)/gi;

/** An ATX heading's line (`## Session 2: …`), its hashes and its text without the closing hashes. */
const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;

type Point = { line: number; column: number; offset: number };

/**
 * A document's heading ids as the writers give them, and those a link is wrongly sure of: the
 * unnumbered id of several headings with the same words (`shared`, with how many there are and
 * where the first is), unless that first heading stands above all the others (a session's
 * `## Session 2: …` before the country summaries' `### Session 2: …`).
 */
interface Anchors {
  ids: Set<string>;
  shared: Map<string, { count: number; start: Point; end: Point }>;
}

function leadsWell(anchors: Anchors, anchor: string): boolean {
  return anchors.ids.has(anchor) && !anchors.shared.has(anchor);
}

function anchorsOfHeadings(headings: Iterable<{ text: string; depth: number; start?: Point; end?: Point }>): Anchors {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const byWords = new Map<string, Array<{ id: string; depth: number; start?: Point; end?: Point }>>();
  for (const { text, depth, start, end } of headings) {
    const id = slugger.slug(text);
    ids.add(id);
    const words = slug(text);
    let same = byWords.get(words);
    if (!same) byWords.set(words, (same = []));
    same.push({ id, depth, ...(start ? { start } : {}), ...(end ? { end } : {}) });
  }
  const shared = new Map<string, { count: number; start: Point; end: Point }>();
  for (const [words, [first, ...others]] of byWords) {
    if (first && first.id === words && others.some((other) => other.depth <= first.depth)) {
      const none = { line: 0, column: 0, offset: 0 };
      shared.set(words, { count: others.length + 1, start: first.start ?? none, end: first.end ?? none });
    }
  }
  return { ids, shared };
}

/** A document's anchors from its heading lines only (a plain text is its own; another is parsed alone). */
function headingLineAnchors(markdown: string): Anchors {
  return anchorsOfHeadings([...markdown.matchAll(HEADING_LINE)].map((match) => {
    const text = match[2]!;
    return { text: isPlainText(text) ? text : toString(parseMarkdown(match[0].trimStart())), depth: match[1]!.length };
  }));
}

/** A parsed document's anchors (a repeated text gets `-1`, `-2`, as GitHub does). */
function headingAnchors(root: Root): Anchors {
  const headings: Heading[] = [];
  walk(root, (node) => {
    if (node.type === 'heading') headings.push(node);
  });
  return anchorsOfHeadings(headings.map((heading) => ({
    text: toString(heading), depth: heading.depth,
    ...(heading.position ? { start: place(heading.position.start), end: place(heading.position.end) } : {}),
  })));
}

function place(point: { line: number; column: number; offset?: number | undefined }): Point {
  return { line: point.line, column: point.column, offset: point.offset ?? 0 };
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
