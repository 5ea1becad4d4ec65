import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseMarkdown } from '../typeset/markdown.js';

/**
 * Links of an edition's documents to a heading that is not there (`#session-2-…`,
 * `../report.md#session-2-…`): a template's heading changed while the links to it (`{{slug …}}`)
 * did not, or the reverse. Every writer gives a heading the id GitHub gives it, so such a link leads
 * nowhere in any format. Only links to a document of the same edition are judged. One warning per
 * heading missed, at its first link in the generated Markdown (`shown`: the path the messages give a
 * document), saying how many lead there; none for one in `reported` (an earlier edition's), which it
 * adds to. Pure but for `reported`.
 */
export function brokenAnchors(documents: ReadonlyArray<{ file: string; markdown: string }>, shown: (file: string) => string, reported: Set<string> = new Set()): Diagnostic[] {
  const trees = new Map(documents.map((doc) => [doc.file, parseMarkdown(doc.markdown)]));
  const ids = new Map([...trees].map(([file, tree]) => {
    const slugger = new GithubSlugger();
    const found = new Set<string>();
    walk(tree, (node) => {
      if (node.type === 'heading') found.add(slugger.slug(toString(node)));
    });
    return [file, found];
  }));
  const missed = new Map<string, { first: Diagnostic; links: number }>();
  for (const [file, tree] of trees) {
    walk(tree, (node) => {
      if (node.type !== 'link' || !node.position) return;
      const match = /^(?![a-z][a-z0-9+.-]*:|\/)([^#?]*)#(.+)$/i.exec(node.url);
      if (!match) return;
      const [, page, fragment] = match as unknown as [string, string, string];
      const target = page === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), page));
      const headings = ids.get(target);
      let anchor: string;
      try {
        anchor = decodeURIComponent(fragment);
      } catch {
        anchor = fragment;
      }
      if (!headings || headings.has(anchor)) return;
      const seen = missed.get(anchor);
      if (seen) {
        seen.links++;
        return;
      }
      const { start, end } = node.position;
      missed.set(anchor, { links: 1, first: {
        code: 'broken-anchor', severity: 'warning', stage: 'render',
        message: `This link leads to “#${anchor}”, a heading ${page === '' ? 'this document' : target} does not have.`,
        hint: 'A template\'s heading and the links to it must say the same: give the link {{slug …}} of the heading\'s text as the template writes it, or change the heading back.',
        location: { file: shown(file), start: { line: start.line, column: start.column, offset: start.offset ?? 0 }, end: { line: end.line, column: end.column, offset: end.offset ?? 0 } },
      } });
    });
  }
  return [...missed].filter(([anchor]) => !reported.has(anchor)).map(([anchor, { first, links }]) => {
    reported.add(anchor);
    return links === 1 ? first : { ...first, message: `${first.message} ${links - 1} more ${links === 2 ? 'link leads' : 'links lead'} there too.` };
  });
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}
