import type { Location } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import type { XliffPlaces } from '../languages/xliff.js';
import { lineStartsOf } from './xliff-file.js';

/**
 * Where things are in an XLIFF file's text (`file`: its path as diagnostics name it), for the
 * problems of a unit or a `<file>` that no text of the notes can show: found by the attributes the
 * export writes (`original="…"`, `id="…"`), escaped as it escapes them; undefined when not found.
 */
export function xliffPlaces(file: string, xml: string): XliffPlaces {
  const lineStarts = lineStartsOf(xml);
  const span = (offset: number, length: number): Location => spanToLocation(file, lineStarts, offset, offset + length);
  // The <file> element's start tag: the same key may be in several files.
  const fileTag = (original: string) => {
    const at = xml.indexOf(`original="${xmlAttribute(original)}"`);
    if (at < 0) return undefined;
    const start = xml.lastIndexOf('<', at);
    return { start, end: xml.indexOf('>', at) };
  };
  // The value of the attribute `name` in the start tag from `start` to `end`, without its quotes.
  const value = (start: number, end: number, name: string) => {
    const found = new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(xml.slice(start, end));
    return found ? span(start + found.index + found[0].length - 1 - found[2]!.length, found[2]!.length) : undefined;
  };
  return {
    unit(original, id, attribute) {
      const offset = xml.indexOf(`id="${xmlAttribute(id)}"`, Math.max(fileTag(original)?.start ?? 0, 0));
      if (offset < 0) return undefined;
      const end = xml.indexOf('</trans-unit>', offset);
      const target = xml.slice(offset, end < 0 ? undefined : end).search(/<(?:[\w-]+:)?target[\s>]/);
      const inTarget = attribute === undefined || target < 0 ? undefined : value(offset + target, xml.indexOf('>', offset + target), attribute);
      return inTarget ?? span(offset, id.length + 5);
    },
    file(original) {
      const tag = fileTag(original);
      if (tag === undefined) return undefined;
      return value(tag.start, tag.end, 'target-language') ?? span(tag.start, 5);
    },
  };
}

/** A value as the `xliff` library writes an attribute (its ids): `&`, quotes and angle brackets as entities. */
export function xmlAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (char) => ({ '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' })[char]!);
}
