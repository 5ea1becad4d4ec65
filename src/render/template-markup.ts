import type { Html, Nodes } from 'mdast';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { parseGfm } from '../markdown/parse.js';
import { isHtmlComment, isLineBreakTag } from '../markdown/raw-html.js';
import type { TemplateFile } from './templates.js';

/** An image a template writes, where it writes it; `src` as written, undefined when data makes it (`{{…}}` in it). */
export interface TemplateImage {
  src: string | undefined;
  /** Its Markdown as the template writes it (`![Logo](assets/logo.png)`). */
  text: string;
  location: Location;
}

/**
 * What a template's Markdown holds that the writers change, read from its text without data: raw
 * HTML (only its words reach the PDF, the DOCX and the HTML pages, see liftRawHtml: `template-html`,
 * once per paragraph or block of HTML, at its first tag; comments, which hold the templates'
 * directives, and `<br>`, a line break in every format, are fine) and the images it names (checked
 * as the notes' are, by the caller, which reads the files). Each `{{…}}` is read as a word of as
 * many characters and each Handlebars comment as blank, so positions are the template's. Pure.
 */
export function templateMarkup(template: TemplateFile): { diagnostics: Diagnostic[]; images: TemplateImage[] } {
  const original = template.text;
  if (!original.includes('<') && !original.includes('![')) return { diagnostics: [], images: [] };
  const diagnostics: Diagnostic[] = [];
  const images: TemplateImage[] = [];
  const at = (node: Nodes): Location | undefined => {
    const { start, end } = node.position ?? {};
    if (start?.offset === undefined || end?.offset === undefined) return undefined;
    return { file: template.displayPath, start: { line: start.line, column: start.column, offset: start.offset }, end: { line: end.line, column: end.column, offset: end.offset } };
  };
  const shown = (node: Nodes): node is Html => node.type === 'html' && !isHtmlComment(node.value) && !isLineBreakTag(node.value) && !LANGUAGE_SPAN.test(node.value.trim());
  // A block of HTML is said once, as a block; the inline tags of one paragraph once, at the first.
  const visit = (node: Nodes): void => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    const block = BLOCK_PARENTS.has(node.type);
    const tags = children.filter(shown);
    const first = tags[0] && at(tags[0]);
    if (first && !block) diagnostics.push(htmlWarning(tags.map((tag) => tag.value), first, false));
    for (const child of children) {
      const place = at(child);
      if (block && shown(child) && place) diagnostics.push(htmlWarning([child.value], place, true));
      if (child.type === 'image' && place) {
        const text = original.slice(place.start.offset, place.end.offset);
        images.push({ src: fromData(text) ? undefined : child.url, text, location: place });
      }
      visit(child);
    }
  };
  visit(parseGfm(maskHandlebars(original)));
  return { diagnostics, images };
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** `<span lang="fr">` … `</span>`: a text in another language, which every writer reads (see language-spans.ts). */
const LANGUAGE_SPAN = /^(?:<span lang="[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*">|<\/span>)$/;

/** Whether the image's path is made by data: a `{{…}}` in its `(…)`. */
function fromData(text: string): boolean {
  const open = text.lastIndexOf('](');
  return open !== -1 && text.slice(open).includes('{{');
}

/**
 * The template's text with each Handlebars comment blank (its line ends kept) and each other
 * `{{…}}` (`{{{…}}}`) a word of as many characters: Markdown reads the rest as it reads the output,
 * at the same offsets.
 */
export function maskHandlebars(text: string): string {
  return text
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g, (mustache) => mustache.replace(/[^\n]/g, 'x'));
}

/** The tags as the warning names them: `<div>`, `<b>` (closing tags with their opening one), at most four. */
function tagNames(values: readonly string[]): string[] {
  const names = new Set<string>();
  for (const value of values) for (const match of value.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)) if (!/^br$/i.test(match[1]!)) names.add(`<${match[1]!.toLowerCase()}>`);
  for (const value of values) if (names.size === 0) names.add(value.trim().split('\n')[0]!.slice(0, 40));
  return [...names];
}

function htmlWarning(values: readonly string[], location: Location, block: boolean): Diagnostic {
  const names = tagNames(values);
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
  return {
    code: 'template-html', severity: 'warning', stage: 'render',
    message: `This template writes HTML (${shown}), which the PDF, the DOCX and the HTML pages do not carry: ${block ? 'they show only the words of the block, as a paragraph' : 'they show only the words between the tags'}, without its formatting (the Markdown keeps it as written).`,
    hint: 'Write Markdown instead: **DRAFT** for bold, *…* for italics, a blank line between paragraphs, a backslash (\\) at the end of a line for a line break.',
    location,
  };
}
