import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import { SetupError } from '../errors.js';

/** 0-based offsets of the starts of a text's lines, the first 0. */
export function lineStartsOf(text: string): number[] {
  return [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
}

/**
 * Why an XLIFF file is not whole, well-formed XML, as the `xml-syntax` error that refuses it
 * (nothing is imported: the XLIFF reader takes a file cut short, and reads the text up to the cut
 * as a translation), located where the XML parser stopped; a tag left open is named with where it
 * was opened, and the hint says to close it there (the hint was to import the file the export
 * wrote, which would throw away a translator's edits). Undefined when the XML is whole.
 */
export function xmlSyntaxProblem(file: string, xliffName: string, xml: string): Diagnostic | undefined {
  const whole = XMLValidator.validate(xml);
  if (whole === true) return undefined;
  const lineStarts = lineStartsOf(xml);
  const at = (line: number, column: number, length = 1): Location => {
    const offset = Math.min(xml.length, (lineStarts[line - 1] ?? 0) + column - 1);
    return spanToLocation(file, lineStarts, offset, Math.min(xml.length, offset + length));
  };
  const problem = (message: string, hint: string, location: Location, related?: Diagnostic['related']): Diagnostic => ({
    code: 'xml-syntax', severity: 'error', stage: 'load', message, hint, location, ...(related ? { related } : {}),
  });
  const { msg, line, col } = whole.err;
  // Elements left open at the end: the file stops before its </xliff>.
  if (whole.err.code === 'InvalidXml' && msg.startsWith("Invalid '[")) {
    const end = xml.trimEnd().length;
    return problem(`${xliffName} is not a whole XML file (it ends before its elements are closed: cut short?). Nothing was imported.`, 'Ask for the file again, as the translation tool saved it: it should end with </xliff>.', spanToLocation(file, lineStarts, Math.max(0, end - 1), end));
  }
  const unclosed = /^Expected closing tag '([^']+)' \(opened in line (\d+), col (\d+)\) instead of closing tag '([^']+)'/.exec(msg);
  if (unclosed) {
    const [, open, openLine, openColumn, closing] = unclosed;
    const opened = `${openLine}:${openColumn}`;
    return problem(`${xliffName} is not well-formed XML: this </${closing}> comes before the </${open}> of the <${open}> inside it. Nothing was imported.`,
      `Close the <${open}> opened at ${opened} (write </${open}> where its text ends, before this </${closing}>), or delete that <${open}> tag; then import the file again.`,
      at(line, col, closing!.length + 3), [{ ...at(Number(openLine), Number(openColumn), open!.length + 1), message: `the <${open}> not closed` }]);
  }
  const stray = /^Closing tag '([^']+)' has not been opened/.exec(msg);
  if (stray) {
    return problem(`${xliffName} is not well-formed XML: this </${stray[1]}> closes no <${stray[1]}>. Nothing was imported.`, `Delete this </${stray[1]}>, or write its <${stray[1]}> where the span begins; then import the file again.`, at(line, col, stray[1]!.length + 3));
  }
  return problem(`${xliffName} is not well-formed XML (${msg.replace(/\.$/, '')}). Nothing was imported.`, 'Correct the XML here (a tag, a quote or an entity edited by hand?), or save the file again from the translation tool; then import it again.', at(line, col));
}

/**
 * What keeps a whole XML file from being the XLIFF 1.2 the export wrote, said in words: another
 * XLIFF version (2.0, which translation tools offer), or another kind of XML (its root element).
 * The XLIFF reader only said "Cannot read properties of undefined (reading 'elements')".
 */
export function xliffVersionProblem(xml: string, xliffFile: string): SetupError | undefined {
  const parsed = new XMLParser({ ignoreAttributes: false, ignoreDeclaration: true, ignorePiTags: true }).parse(xml) as Record<string, unknown>;
  const root = Object.keys(parsed).find((name) => !name.startsWith('#'));
  const hint = 'Import the .xlf file that `workshop-report translations export` wrote; in the translation tool, save or export it as XLIFF 1.2.';
  if (root === undefined || root.replace(/^.*:/, '') !== 'xliff') return new SetupError(`${xliffFile} is not an XLIFF file: its root element is ${root === undefined ? 'missing' : `<${root}>`}, not <xliff>. Nothing was imported.`, hint);
  const version = (parsed[root] as Record<string, unknown> | undefined)?.['@_version'];
  if (version !== undefined && String(version) !== '1.2') return new SetupError(`${xliffFile} is an XLIFF ${String(version)} file; workshop-report reads XLIFF 1.2, the version it exports. Nothing was imported.`, hint);
  return undefined;
}
