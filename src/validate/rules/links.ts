import { linkProblems, type DroppedLink } from '../../markdown/links.js';
import type { RuleContext } from '../context.js';
import { eachMarkdownText, locateInField, readableTexts } from '../markdown-fields.js';

/**
 * `link-not-kept`: a link of a (md) text that the documents print as its words alone (only web and
 * e-mail addresses stay links, see isKeptLink): its address would be lost without a word. At the link.
 * Also a link reference definition that no link of its text uses (`[1]: https://…` alone in a key
 * point, which printed an empty bullet): it prints nothing. At the definition.
 */
export function checkDroppedLinks(ctx: RuleContext): void {
  const readable = readableTexts(ctx);
  eachMarkdownText(ctx.project, (file, text, path) => {
    if (!readable(file, path)) return;
    const seen = new Map<string, number>();
    const { dropped, unused } = linkProblems(text);
    for (const link of dropped) {
      const nth = seen.get(link.text) ?? 0;
      seen.set(link.text, nth + 1);
      ctx.diagnostics.push({
        code: 'link-not-kept', severity: 'warning', stage: 'validate',
        message: `This link is not kept: only web addresses (https://…) and e-mail addresses (mailto:) stay links, so the documents print “${link.words}” without it, and “${link.url}” is lost.`,
        hint: hintFor(link),
        actual: link.url,
        location: locateInField(file, path, link.text, nth),
      });
    }
    for (const definition of unused) {
      const nth = seen.get(definition.text) ?? 0;
      seen.set(definition.text, nth + 1);
      ctx.diagnostics.push({
        code: 'link-not-kept', severity: 'warning', stage: 'validate',
        message: `This line defines the link “[${definition.label}]” but no link of the text uses it: a definition prints nothing, so the documents leave it out, and “${definition.url}” with it.`,
        hint: `Write the link where the text names it, e.g. [words](${definition.url || 'https://…'}), or refer to it as [${definition.label}] in the text. (A line “[label]: address” is read as a definition, not as text.)`,
        actual: definition.url,
        location: locateInField(file, path, definition.text, nth),
      });
    }
  });
}

function hintFor(link: DroppedLink): string {
  // A reference's address is written in its definition, elsewhere in the text.
  return link.definition ? `Its address is given by “${link.definition}”. ${whatToWrite(link.url)}` : whatToWrite(link.url);
}

function whatToWrite(url: string): string {
  if (url.trim() === '') return 'Give the link its address, e.g. [words](https://…), or leave out the brackets.';
  if (url.startsWith('//')) return `Write the whole address: https:${url}.`;
  if (url.startsWith('#')) return 'A link to a part of the report is not kept (its headings change with the templates and the language): name the part in words, e.g. “see the recommendations below”.';
  if (/^[^\s:/@]+@[^\s/@]+\.[a-z]{2,}$/i.test(url)) return `Write it as an e-mail address: mailto:${url}.`;
  // (`annexe.md`, `notes.py`: a file's name, whose extension looks like a country's domain.)
  const file = /\.(md|pdf|docx?|xlsx?|pptx?|odt|txt|rtf|png|jpe?g|gif|svg|csv|ya?ml|json|html?|zip|gz|py|js|ts)([#?].*)?$/i.test(url);
  if (/^www\./i.test(url) || (!file && /^([a-z0-9-]+(\.[a-z0-9-]+)*\.(org|int|com|net|gov|edu|info|[a-z]{2})(\/|$))/i.test(url))) return `Write the whole address: https://${url}.`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return 'Only https:, http: and mailto: addresses are kept: give the web address of what it links to, or leave out the link.';
  return 'A link to a file or to another document is not kept: put the file online and link its web address (https://…), or name it in words.';
}
