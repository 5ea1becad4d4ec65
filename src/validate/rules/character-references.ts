import { decodeString } from 'micromark-util-decode-string';
import type { RuleContext } from '../context.js';
import { parseGfm } from '../../markdown/parse.js';
import { walk } from '../../markdown/walk.js';
import { eachMarkdownText, locateInField, readableTexts } from '../markdown-fields.js';

/** A numeric character reference, as Markdown reads one (`&#65535;`, `&#xFFFF;`). */
const NUMERIC_REFERENCE = /&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});/g;
const REPLACEMENT = '\uFFFD';

/**
 * `character-reference`: a numeric character reference in a (md) text that names no character a
 * document can hold (`&#0;`, `&#x1b;`, `&#xFFFF;`, `&#xD800;`): Markdown prints each as “�” (what
 * CommonMark asks), where the notes' own such characters are warned of (`control-character`).
 * Only where Markdown reads it: in a code span it is printed as written. Once per text, at the first.
 */
export function checkCharacterReferences(ctx: RuleContext): void {
  const readable = readableTexts(ctx);
  eachMarkdownText(ctx.project, (file, text, path) => {
    if (!text.includes('&#') || !readable(file, path)) return;
    const replaced = [...text.matchAll(NUMERIC_REFERENCE)].filter((match) => decodeString(match[0]) === REPLACEMENT && !/^&#(?:0*65533|[xX]0*[fF][fF][fF][dD]);$/.test(match[0]));
    if (replaced.length === 0) return;
    // Where Markdown reads text (not a code span or block, not a link's address).
    const read: Array<[number, number]> = [];
    walk(parseGfm(text), (node) => {
      if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) read.push([node.position.start.offset, node.position.end.offset]);
    });
    const inText = replaced.filter((match) => read.some(([start, end]) => match.index >= start && match.index < end));
    const first = inText[0];
    if (!first) return;
    const count = inText.length;
    ctx.diagnostics.push({
      code: 'character-reference', severity: 'warning', stage: 'validate',
      message: `“${first[0]}” names no character a document can show: every format prints it as “${REPLACEMENT}”${count > 1 ? `, as it does ${count - 1} more such reference${count > 2 ? 's' : ''} in this text` : ''}.`,
      hint: 'Delete it, or write the character you meant (a reference such as &#x2019; gives ’).',
      location: locateInField(file, path, first[0]),
    });
  });
}
