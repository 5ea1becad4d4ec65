import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { missingColumns, readDirective, type DirectiveProblem, type ReadDirective } from '../markdown/chart.js';
import { parseGfm } from '../markdown/parse.js';
import { suggest } from '../validate/suggest.js';
import type { TemplateFile, TemplateSet } from './templates.js';

/** What a template computes (`{{t "women"}}`), in a template's text read for its directives: never judged. */
const COMPUTED = '\0';

/** A `<!-- wr:… -->` directive as a template writes it. */
interface Site {
  file: TemplateFile;
  /** Where its `<!--` is in the template's text. */
  at: number;
  read: ReadDirective;
  /** Inside a block (`{{#if …}}table="keep"{{else}}…`): what it writes is only known rendered. */
  block: boolean;
  /** Matches the directive as rendered (each `{{…}}` anything, white space as any). */
  pattern: RegExp;
}

/**
 * A template's text with its comments as spaces and each `{{…}}` as COMPUTED characters, new lines
 * kept: the offsets are the template's.
 */
function blanked(text: string): string {
  return text
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, (mustache) => mustache.replace(/[^\n]/g, COMPUTED));
}

const sitesOf = new WeakMap<TemplateFile, Site[]>();

/** The directives a template writes (none for most: a quick search first). */
function directiveSites(file: TemplateFile): Site[] {
  const known = sitesOf.get(file);
  if (known) return known;
  const sites: Site[] = [];
  if (file.text.includes('wr:')) {
    const text = blanked(file.text);
    for (const match of text.matchAll(/<!--\s*wr:/g)) {
      const close = text.indexOf('-->', match.index);
      const end = close === -1 ? text.length : close + 3;
      const piece = text.slice(match.index, end);
      const read = readDirective(piece, COMPUTED);
      if (!read) continue;
      const pattern = new RegExp(`^${piece.trim().split(/(\0+|\s+)/).map((part) => (part.startsWith(COMPUTED) ? '[\\s\\S]*?' : /^\s+$/.test(part) ? '\\s*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
      sites.push({ file, at: match.index, read, block: /\{\{~?\s*(?:[#/^]|else\b)/.test(file.text.slice(match.index, end)), pattern });
    }
  }
  sitesOf.set(file, sites);
  return sites;
}

/** The 1-based line and column of `offset` in `text`. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

function diagnostic(file: TemplateFile, at: number, length: number, message: string, hint: string): Diagnostic {
  return {
    code: 'chart-directive', severity: 'error', stage: 'render', message, hint,
    location: { file: file.displayPath, start: positionAt(file.text, at), end: positionAt(file.text, at + length) },
  };
}

/**
 * The chart directives the project's own templates write, read without data (for `validate`, and
 * for `build` before it renders): a directive the tool does not know, a kind of chart it does not
 * draw, an attribute it does not take or a value it does not know, each at its place in the
 * template. The chart was left out of the PDF, the HTML and the DOCX without a word. What a
 * template computes (`columns="{{t "women"}},…"`) is judged when `build` renders it
 * (renderedChartProblems). The shipped templates are tested. Pure.
 */
export function templateChartProblems(templates: TemplateSet): Diagnostic[] {
  const files = [...new Map([...templates.values()].filter((file) => file.overridden).map((file) => [file.displayPath, file])).values()];
  return files.flatMap((file) => directiveSites(file).filter((site) => !site.block).flatMap((site) => site.read.problems.map((problem) => diagnostic(file, site.at + problem.at, problem.length, problem.message, problem.hint))));
}

/**
 * The chart directives of a rendered document, judged with what only the rendering knows: what the
 * template computed (a kind or a value printed by a helper), whether a table follows the directive,
 * and whether that table's header row has the columns it names (`columns="Female,Male"` over a table
 * headed Women and Men drew no chart, without a word). Each at the template's directive that wrote
 * it (`templates`, the document's template first, then the partials it places): the columns at its
 * `columns="…"`. Pure.
 */
export function renderedChartProblems(markdown: string, templates: readonly TemplateFile[]): Diagnostic[] {
  if (!markdown.includes('wr:')) return [];
  const problems: Diagnostic[] = [];
  // The document as the writers read it (a directive in a code block is code, not a directive): each
  // comment that opens with `wr:` and the block after it, in the containers blocks may sit in.
  const visit = (blocks: readonly RootContent[]): void => {
    blocks.forEach((node, index) => {
      if ('children' in node && node.type !== 'table') visit(node.children as RootContent[]);
      if (node.type !== 'html' || !/^\s*<!--\s*wr:/.test(node.value)) return;
      const close = node.value.indexOf('-->');
      const text = node.value.slice(0, close === -1 ? node.value.length : close + 3).trim();
      const read = readDirective(text);
      if (read) judge(text, close === -1 ? '' : node.value.slice(close + 3).trim(), read, blocks[index + 1]);
    });
  };
  const judge = (text: string, after: string, read: ReadDirective, following: RootContent | undefined): void => {
    const site = templates.flatMap(directiveSites).find((candidate) => candidate.pattern.test(text));
    const file = site?.file ?? templates[0];
    if (!file) return;
    const at = site?.at ?? 0;
    const say = (problem: Pick<DirectiveProblem, 'message' | 'hint'>, place?: { at: number; length: number }) => problems.push(diagnostic(file, place ? at + place.at : at, place?.length ?? 4, problem.message, problem.hint));
    for (const problem of read.problems) say(problem);
    if (read.problems.length > 0 || read.columns.length === 0) return;
    if (after !== '') {
      say({ message: `The chart directive has “${after}” after its --> on the same line: it would not be read, and no chart drawn.`, hint: 'Put the directive on a line of its own, before the table.' });
      return;
    }
    const columnsPlace = site?.read.columnsAt;
    if (following?.type !== 'table') {
      const what = following === undefined ? 'the document ends there' : `the next block is ${BLOCK_NAMES[following.type] ?? `a ${following.type}`}`;
      say({ message: `The chart directive is not followed by a table (${what}): no chart would be drawn.`, hint: 'Put the directive right before the table it draws, on the line before its header row (a blank line between them at most).' });
      return;
    }
    const { header, missing } = missingColumns(following, read.columns, toString);
    if (missing.length === 0) return;
    const drawn = read.columns.filter((column) => !missing.includes(column));
    const values = header.slice(1);
    const labels = missing.includes(header[0] ?? '') ? ` (“${header[0]}”, its first column, is the bars' labels)` : '';
    const meant = missing.map((column) => suggest(column, values.filter((value) => !read.columns.includes(value))));
    const corrected = read.columns.map((column) => (missing.includes(column) ? meant[missing.indexOf(column)] : column));
    say({
      message: `The chart directive's ${missing.length === 1 ? 'column' : 'columns'} ${quoted(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the header row of the table after it${labels}, whose columns are ${quoted(header)}: ${drawn.length === 0 ? 'no chart would be drawn' : `the chart would draw ${quoted(drawn)} only`}.`,
      hint: corrected.every((column) => column !== undefined)
        ? `Did you mean columns="${corrected.join(',')}"?`
        : `Name columns of the header row after its first (${quoted(values)}), as the header writes them, separated by commas: the bars stack their values.`,
    }, columnsPlace);
  };
  visit(parseGfm(markdown).children);
  return problems;
}

const BLOCK_NAMES: Readonly<Record<string, string>> = { paragraph: 'a paragraph', heading: 'a heading', list: 'a list', html: 'another HTML comment', code: 'a code block', blockquote: 'a quote', thematicBreak: 'a rule' };

/** “Women”, “Men” and “Total”. */
function quoted(words: readonly string[]): string {
  const each = words.map((word) => `“${word}”`);
  return each.length <= 1 ? each.join('') : `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
}
