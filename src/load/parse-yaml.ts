import { Composer, isAlias, isMap, isPair, isScalar, LineCounter, Parser, visit, YAMLParseError, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic, Location, RuleId, Severity } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import { idsWritten, punchHoles, removeDamaged, type Damage } from './damage.js';
import { unsafePlaces, unsafeProblem } from './unsafe-characters.js';
import { LIMITS } from '../limits.js';
import { documentEndMarker, lineText, syntaxHint } from './syntax-hints.js';
import { blockIndicatorProblem } from './block-indicators.js';
import { normalizeText } from './normalize.js';
import { indexPositions } from './positions.js';
import { scanCst, tooManyIndicators, type StructureProblem } from './structure.js';
import { colonsAsSpaces, colonValue, colonValueProblem, type ColonValue } from './colon-values.js';
import { blankStrayLines, strayLine, strayLineProblem, type StrayLine } from './stray-lines.js';
import { commentCut, commentCutProblem, type CommentCut } from './comment-cuts.js';
import { blankEntries, nextTopLevelEntry, otherTabLines, tabEntries, tabIndents, writtenBefore, type TabEntry } from './tab-indents.js';
import { asSpaces, nbspSpaces, nbspSpaceProblem, type NbspSpace } from './nbsp-spaces.js';
import { indentedFirstKey, indentedFirstKeyProblem, unindentFirstKey } from './first-key.js';
import type { FileRole, ParsedFile, SourceFile } from './source.js';

export interface ParseResult {
  file: ParsedFile;
  diagnostics: Diagnostic[];
}

/**
 * Parses one notes file as YAML 1.2 (core schema), keeping positions, and reports everything
 * FORMAT.md forbids at its position. Data is produced only when nothing would be lost or expanded.
 */
export function parseYamlFile(source: SourceFile, role: FileRole): ParseResult {
  // One pass of the parser: the syntax tree is checked (limits, tags), then composed.
  const lineCounter = new LineCounter();
  // A DOS end-of-file mark (Ctrl-Z) that an old editor left at the end: read as a blank (the same offsets), and said.
  const endMark = dosEndOfFile(source.text);
  const written = endMark === undefined ? source.text : `${source.text.slice(0, endMark)} ${source.text.slice(endMark + 1)}`;
  const deep = tooManyIndicators(written);
  if (deep) return refuse(source, role, deep, Int32Array.from([0, ...[...written.matchAll(/\n/g)].map((match) => match.index + 1)]));
  // A first key indented further than the keys after it: read in line with them (the same length).
  const indented = indentedFirstKey(written);
  const unindented = indented ? unindentFirstKey(written, indented) : written;
  // A non-breaking space where YAML needs a space (`date:\u00A02022-05-12`, indentation): read as a space (the same length).
  const nbsps = nbspSpaces(unindented);
  const input = nbsps.length > 0 ? asSpaces(unindented, nbsps) : unindented;
  const tokens = [...new Parser(lineCounter.addNewLine).parse(input)];
  const scan = scanCst(input, undefined, tokens);
  if (scan.problem) return refuse(source, role, scan.problem, Int32Array.from(lineCounter.lineStarts));
  // Lines indented with a tab, values with a `: ` in them: the file is read again without the rest
  // of the entry a tab is in (blanked), and with those `: ` as blanks (same offsets), so what follows
  // is read as written; `text` is what `doc` was read from.
  const { doc, text, tags, tabs, colons, strays } = readAgain(input, tokens, scan.tags, lineCounter);
  const diagnostics: Diagnostic[] = [];
  const report = (code: RuleId, severity: Severity, range: readonly number[], message: string, hint?: string, related?: Diagnostic['related']) =>
    diagnostics.push({
      code, severity, stage: 'load', message,
      location: spanToLocation(source.path, lineCounter.lineStarts, range[0] ?? 0, range[1] ?? range[0] ?? 0),
      ...(hint ? { hint } : {}),
      ...(related ? { related } : {}),
    });

  if (endMark !== undefined) {
    report('control-character', 'warning', [endMark, endMark + 1], 'The file ends with U+001A (SUB), the end-of-file mark that DOS editors leave: it is read as the end of the file.',
      'Delete it (an editor that saves plain UTF-8 text does not add it).');
  }
  if (indented) {
    const { message, hint, range } = indentedFirstKeyProblem(indented);
    report('yaml-syntax', 'error', range, message, hint);
  }
  // Those non-breaking spaces: once per top-level entry, at the first, naming the others' lines.
  const nbspEntries = new Map<number, NbspSpace[]>();
  for (const place of nbsps) {
    const entry = nextTopLevelEntry(input, place.lineStart + 1);
    nbspEntries.set(entry, [...(nbspEntries.get(entry) ?? []), place]);
  }
  for (const places of nbspEntries.values()) {
    const { message, hint, range } = nbspSpaceProblem(places, input, (offset) => lineCounter.linePos(offset).line);
    report('yaml-syntax', 'error', range, message, hint);
  }

  // A syntax error garbles the entry it is in (and yaml often reports it several times on its
  // line): report it once per line, then keep every other entry of the file.
  const syntaxOffsets: number[] = [];
  const reportedLines = new Set<number>();
  // A line indented with a tab: one error for the top-level entry it is in, at its first such line,
  // naming the others. The rest of that entry was not read, and the entry or list item the line
  // before it belongs to (which the tab may continue) is left out.
  for (const entry of tabs) {
    const first = entry.lines[0];
    const others = otherTabLines(input, entry);
    const lineOf = (lineStart: number) => lineCounter.linePos(lineStart).line;
    const more = others.length === 0 ? '' : ` ${others.length === 1 ? 'Line' : 'Lines'} ${listed(others.map(lineOf))} of this entry ${others.length === 1 ? 'is' : 'are'} indented with a tab too.`;
    report('yaml-syntax', 'error', [first!.tab, first!.tab + 1], 'YAML syntax error: this line is indented with a tab; YAML indents with spaces only.', `Use spaces, not a tab (most editors can insert spaces when Tab is pressed).${more}`);
    const before = writtenBefore(text, entry.start);
    if (before !== undefined) syntaxOffsets.push(before);
  }
  const inTabEntry = (offset: number) => tabs.some(({ start, end }) => offset >= start && offset < end);
  // `summary: The chair said: borders matter`: at the `: `, with the line to write instead, in quotes.
  const colonInValue = (found: ColonValue) => {
    const { message, hint } = colonValueProblem(found, found.lastLine === undefined ? undefined : lineCounter.linePos(found.lastLine).line);
    report('yaml-syntax', 'error', [found.colon, found.colon + 1], message, hint);
    syntaxOffsets.push(found.start);
    reportedLines.add(lineCounter.linePos(found.start).line);
  };
  colons.forEach(colonInValue);
  // `title Criminal Intelligence Officer` where a key goes, a line between two levels of indentation:
  // at the line, with the `:` or the indentation to write; what follows it was read as written.
  for (const stray of strays) {
    const { message, hint, range } = strayLineProblem(stray, (offset) => lineCounter.linePos(offset).line);
    report('yaml-syntax', 'error', range, message, hint);
    reportedLines.add(lineCounter.linePos(stray.start).line);
    // The entry it was written in lost it (a top-level key lost is the file's loss, taken below).
    if (stray.lostFrom !== undefined) syntaxOffsets.push(stray.lostFrom);
  }
  // A tab that indents a line garbles what follows it in its top-level entry: the errors yaml finds
  // there are its consequences ("All mapping items must start at the same column"), not reported.
  let garbledUntil = -1;
  // Lines that go on with a plain text after a `#` that ended it: one error, at the `#`.
  const cuts = doc.errors.length > 0 ? continuedCuts(doc.contents, text) : [];
  const cutsSaid = new Set<CommentCut>();
  for (const error of doc.errors) {
    const cut = cuts.find(({ cut: { continued } }) => continued && error.pos[0] >= continued[0] && error.pos[0] <= continued[1]);
    if (cut) {
      syntaxOffsets.push(cut.start, error.pos[0]);
      if (cutsSaid.has(cut.cut) || inTabEntry(error.pos[0])) continue;
      cutsSaid.add(cut.cut);
      const lineOf = (offset: number) => lineCounter.linePos(offset).line;
      const { message, hint } = commentCutProblem(cut.cut, cut.value, lineOf(cut.start), lineOf);
      report('yaml-syntax', 'error', [cut.cut.hash, cut.cut.lineEnd], message, hint);
      continue;
    }
    const open = error.code === 'MISSING_CHAR' && /quote/.test(error.message) ? unclosedQuote(doc.contents, text) : undefined;
    // A `...` line ended the document: the error is there, not at the line after it.
    const ended = error.code === 'MULTIPLE_DOCS' ? documentEndMarker(text, error.pos[0]) : undefined;
    // `title: [Draft Séance…` with no `]`: said at its `[`, where the parser blamed the next line's indentation.
    const flow = error.code === 'BAD_INDENT' && /^Flow (sequence|map) in block collection must be sufficiently indented and end with a [\]}]/.test(error.message) ? unclosedFlow(text, error.pos[0]) : undefined;
    if (flow) {
      syntaxOffsets.push(flow.range[0]);
      const line = spanToLocation(source.path, lineCounter.lineStarts, flow.range[0], flow.range[0]).start.line;
      if (reportedLines.has(line) || flow.range[0] < garbledUntil || inTabEntry(flow.range[0])) continue;
      reportedLines.add(line);
      const kind = flow.bracket === '[' ? 'a list' : 'a mapping';
      const asText = `put the whole value in quotes: ${flow.quoted}`;
      const asList = `close it with “${flow.close}”`;
      // A value with commas is likelier a list (`themes: [kst, ibm`); one of words, text (`[Draft] …`).
      const hint = flow.list ? `If it is ${kind}, ${asList}; if it is text, ${asText}.` : `If it is text, ${asText}; if it is ${kind}, ${asList}.`;
      report('yaml-syntax', 'error', flow.range, `YAML syntax error: this value begins with “${flow.bracket}”, which opens ${kind}, and has no “${flow.close}” to close it, so YAML reads it as ${kind} left open, not as text.`, hint);
      continue;
    }
    const range = open ?? ended ?? error.pos;
    syntaxOffsets.push(range[0]);
    const line = spanToLocation(source.path, lineCounter.lineStarts, range[0], range[0]).start.line;
    if (reportedLines.has(line) || range[0] < garbledUntil || inTabEntry(range[0])) continue;
    reportedLines.add(line);
    if (error.code === 'TAB_AS_INDENT') garbledUntil = nextTopLevelEntry(text, range[0]);
    const block = open || ended ? undefined : blockIndicatorProblem(text, lineCounter.lineStarts[line - 1] ?? 0);
    const leading = open || block ? undefined : leadingIndicator(text, lineCounter.lineStarts[line - 1] ?? 0);
    // (Read as it was, when reading it again was not possible.)
    const colon = open || block || leading ? undefined : colonValue(error, text);
    if (ended) report('yaml-syntax', 'error', ended, 'YAML syntax error: a line of three dots ends the YAML document: the lines after it are not read.', 'Delete it (or indent it into the text).');
    else if (block) report('yaml-syntax', 'error', block.range, block.message, block.hint);
    else if (colon) {
      reportedLines.delete(line);
      colonInValue(colon);
    } else if (open) report('yaml-syntax', 'error', open, 'This quoted value has no closing quote.', 'Add the closing quote at the end of the value (the rest of the file was read as part of it).');
    else if (leading) report('yaml-syntax', 'error', leading.range, `YAML syntax error: this value begins with “${leading.character}”, which YAML reads as ${leading.meaning}, not as text.`, `Put the whole value in quotes: ${leading.quoted}`);
    else report('yaml-syntax', 'error', error.pos, `YAML syntax error: ${firstSentence(error.message)}`, syntaxHint(error, lineText(text, lineCounter.lineStarts[line - 1] ?? 0)));
  }
  for (const tag of tags) {
    syntaxOffsets.push(tag.offset);
    report('yaml-tag', 'error', [tag.offset, tag.offset + tag.source.length], `Explicit YAML tags (${tag.source}) are not allowed in notes.`, 'Remove the tag; write the value as plain text, a number or a list.');
  }

  const contents = doc.contents;
  let damage: Damage | undefined;
  // A file whose every entry a tab garbled is not said to be empty as well: it gives no data (as an empty file), and the tab's error says why.
  if (tabs.length > 0 && doc.errors.length === 0 && !isMap(contents)) {
    damage = undefined;
  } else if (doc.errors.length === 0 && (contents === null || (isScalar(contents) && contents.value === null && contents.tag === undefined))) {
    report('empty-file', 'error', [0, 0], 'The file is empty.', emptyHint(role));
  } else if (doc.errors.length === 0 && !isMap(contents)) {
    report('not-a-mapping', 'error', contents?.range ?? [0, 0], `The file must be a mapping of keys to values, not ${describeNode(contents)}.`, emptyHint(role));
  } else if (!doc.errors.some((error) => error.code === 'MULTIPLE_DOCS')) {
    // (Of a file with two documents, nothing is kept: which one was meant is not known.)
    damage = removeDamaged(contents, syntaxOffsets, text);
    if (damage) {
      // Aliases, anchors, merge keys and repeated keys are checked in what is left; each takes its entry out too.
      const before = diagnostics.length;
      checkNodes(contents, text, report, source.path, lineCounter);
      const forbidden = diagnostics.slice(before).filter((d) => d.severity === 'error').map((d) => d.location!.start.offset);
      const more = removeDamaged(contents, forbidden, text);
      damage = more && { containers: [...damage.containers, ...more.containers], ids: [...damage.ids, ...more.ids] };
    }
    // What the tabs' entries held was not read: its ids, and perhaps keys of the file (`\tsummary:`).
    if (damage && tabs.length > 0) damage = { containers: [...damage.containers, []], ids: [...damage.ids, ...tabs.flatMap(({ start, end }) => idsWritten(source.text.slice(start, end)))] };
    // Likewise what the stray lines held (a key without its `:` over a block: `recommendations` and its list).
    if (damage && strays.length > 0) {
      const topLevel = strays.some((stray) => stray.lostFrom === undefined);
      damage = { containers: [...damage.containers, ...(topLevel ? [[]] : [])], ids: [...damage.ids, ...strays.flatMap(({ blank: [start, end] }) => idsWritten(source.text.slice(start, end)))] };
    }
  }

  const data = damage ? normalizeText(punchHoles(doc.toJS({ maxAliasCount: 0 }))) : undefined;
  return { file: { source, role, positions: indexPositions(doc.contents), lineStarts: Int32Array.from(lineCounter.lineStarts), data, ...(damage?.containers.length ? { damage } : {}) }, diagnostics };
}

/**
 * Where a DOS end-of-file mark (U+001A, Ctrl-Z) ends the text: the last character but for blanks and
 * line breaks after it. Anywhere else it is a control character like any other.
 */
function dosEndOfFile(text: string): number | undefined {
  const at = text.lastIndexOf('\u001a');
  return at !== -1 && /^\s*$/.test(text.slice(at + 1)) ? at : undefined;
}

/** Reading again without what tabs and `: ` garbled: at most this many times (a line the first reading never reached may have one too). */
const MAX_READINGS = 8;

type Tags = ReturnType<typeof scanCst>['tags'];

/**
 * The document of `text`, read again until nothing is left of two mistakes that garble the rest
 * of the file, not only their entry:
 * - a line indented with a tab (one the parser found an error on): a tab at the start of a line
 *   ended the mapping there, every later entry of the file lost and its mistakes unreported; a tab
 *   after spaces garbled its entry into knock-on errors. The rest of its top-level entry is blanked;
 * - a value with a `: ` in it (`summary: The chair said: borders matter`): the rest of the file was
 *   read as the mapping of the key “The chair said”. The `: ` is read as a blank;
 * - a line with no `:` where a key goes, or indented to no level (stray-lines.ts): the lines after it
 *   were read as its own. The line, and the lines that go on with it, are blanked.
 * The text keeps its length, so offsets stay the file's. Without either, the document as read.
 */
function readAgain(source: string, tokens: Token[], sourceTags: Tags, lineCounter: LineCounter): { doc: Document.Parsed; text: string; tags: Tags; tabs: TabEntry[]; colons: ColonValue[]; strays: StrayLine[] } {
  let read = { doc: compose(tokens, source), text: source, tags: sourceTags, tabs: [] as TabEntry[], colons: [] as ColonValue[], strays: [] as StrayLine[] };
  const inTabs = (tabs: readonly TabEntry[], offset: number) => tabs.some(({ start, end }) => offset >= start && offset < end);
  for (let reading = 0; reading < MAX_READINGS; reading++) {
    const known = read.tabs.flatMap((entry) => entry.lines);
    const found = tabIndents(read.doc.errors, source, lineCounter).filter((indent) => !inTabs(read.tabs, indent.lineStart));
    // One value per line (the parser may stop at each of its `: `): the first, which lists every `: ` of it.
    const lineOf = (value: ColonValue) => source.lastIndexOf('\n', value.start - 1) + 1;
    const values = read.doc.errors.flatMap((error) => colonValue(error, source) ?? [])
      .sort((a, b) => a.start - b.start)
      .filter((value, i, all) => !read.colons.some((seen) => lineOf(seen) === lineOf(value)) && all.findIndex((other) => lineOf(other) === lineOf(value)) === i);
    // A line with no `:` where a key goes, or indented to no level: not on a line already taken, and
    // the first of each top-level entry (what follows it there may be its knock-on), the others next time.
    const taken = (start: number) => read.colons.some((seen) => lineOf(seen) === start) || values.some((value) => lineOf(value) === start) || read.strays.some((seen) => seen.lineStart === start);
    const entryOf = (stray: StrayLine) => nextTopLevelEntry(read.text, stray.lineStart);
    const strays = read.doc.errors.flatMap((error) => strayLine(error, read.text) ?? [])
      .filter((stray) => !taken(stray.lineStart))
      .sort((a, b) => a.lineStart - b.lineStart)
      .filter((stray, i, all) => all.findIndex((other) => entryOf(other) === entryOf(stray)) === i);
    if (found.length === 0 && values.length === 0 && strays.length === 0) break;
    const tabs = tabEntries(source, [...known, ...found]);
    const colons = [...read.colons, ...values].filter((value) => !inTabs(tabs, value.start)).sort((a, b) => a.start - b.start);
    const allStrays = [...read.strays, ...strays].filter((stray) => !inTabs(tabs, stray.lineStart)).sort((a, b) => a.start - b.start);
    const text = blankStrayLines(colonsAsSpaces(blankEntries(source, tabs), colons), allStrays);
    const again = [...new Parser().parse(text)];
    const scan = scanCst(text, undefined, again);
    if (scan.problem) break;
    read = { doc: compose(again, text), text, tags: scan.tags, tabs, colons, strays: allStrays };
  }
  return read;
}

/** `3`, `3 and 5`, `3, 5 and 8`; past five, `3, 5, 8, 9, 11 and 4 more`. */
function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).map(String);
  if (numbers.length > 5) return `${shown.join(', ')} and ${numbers.length - 5} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A file too deep or too large to compose safely: reported, never composed. */
function refuse(source: SourceFile, role: FileRole, problem: StructureProblem, lineStarts: Int32Array): ParseResult {
  return {
    file: { source, role, positions: indexPositions(null), lineStarts, data: undefined },
    diagnostics: [{
      code: problem.code, severity: 'error', stage: 'load', message: problem.message,
      location: spanToLocation(source.path, lineStarts, problem.offset, problem.offset + 1),
      hint: problem.code === 'too-deep' ? 'Notes never nest this deep: check the indentation, or the brackets of a [list] or {mapping}.' : 'Split the content over several files or entries.',
    }],
  };
}

const OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: false, prettyErrors: false, strict: true } as const;

/** What yaml's parseDocument does, from tokens already parsed. */
type Token = ReturnType<Parser['parse']> extends Iterable<infer T> ? T : never;

function compose(tokens: Token[], text: string): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) doc = next as Document.Parsed;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  return doc!;
}

type Report = (code: RuleId, severity: Severity, range: readonly number[], message: string, hint?: string, related?: Diagnostic['related']) => void;

function checkNodes(root: Node | null, text: string, report: Report, file: string, lineCounter: LineCounter): void {
  if (!root) return;
  visit(root, {
    Alias(_key, node) {
      report('yaml-alias', 'error', node.range ?? [0, 0], `YAML aliases (*${node.source}) are not allowed in notes.`, 'Write the value out in full where it is needed.');
    },
    Node(_key, node) {
      if (node.anchor) {
        const at = text.lastIndexOf(`&${node.anchor}`, node.range?.[0] ?? 0);
        const start = at === -1 ? node.range?.[0] ?? 0 : at;
        report('yaml-alias', 'error', [start, start + node.anchor.length + 1], `YAML anchors (&${node.anchor}) are not allowed in notes.`, 'Remove the anchor and write repeated values out in full.');
      }
      if (isMap(node)) checkMap(node, report, file, lineCounter);
      if (isScalar(node)) checkScalar(node, text, report, _key === 'key', (start, end) => spanToLocation(file, lineCounter.lineStarts, start, end));
    },
  });
}

function checkMap(map: YAMLMap, report: Report, file: string, lineCounter: LineCounter): void {
  const seen = new Map<string, readonly number[]>();
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = pair.key;
    if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
      report('yaml-merge-key', 'error', key.range ?? [0, 0], 'YAML merge keys (<<) are not allowed in notes.', 'Write the merged keys out in full.');
      continue;
    }
    if (!isScalar(key) || !key.range) continue;
    // JavaScript objects collapse `1:` and `"1":` into one property: compare as strings.
    const name = String(key.value);
    const first = seen.get(name);
    if (first) {
      const firstLocation = spanToLocation(file, lineCounter.lineStarts, first[0] ?? 0, first[1] ?? 0);
      report('duplicate-key', 'error', key.range, `The key “${name}” appears twice in this mapping; the first is on line ${firstLocation.start.line}.`,
        'Remove one of them or merge their values: YAML keeps only one.',
        [{ ...firstLocation, message: 'first occurrence' }]);
    } else {
      seen.set(name, key.range);
    }
  }
}

function checkScalar(node: Scalar, text: string, report: Report, key: boolean, place: (start: number, end: number) => Location): void {
  if (typeof node.value !== 'string' || !node.range) return;
  if (node.type === 'PLAIN') {
    // A ` #` inside an unquoted value, or a line of it that begins with `#`, starts a comment; a real comment is written `# text`.
    const found = commentCut(text, node.range[0], node.range[1]);
    if (found) {
      const { continued: _, ...cut } = found;
      const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
      const { message, hint } = commentCutProblem(cut, node.value, lineOf(node.range[0]), lineOf);
      report('comment-in-scalar', 'warning', cut.multiline ? [cut.hash, cut.lineEnd] : [node.range[0], cut.lineEnd], message, hint);
    }
  }
  // `summary: The session opened… |` above the lines of the text: one text, `|` and all (only a
  // plain text over several lines can be one; no copy of every value to tell).
  const newline = node.type === 'PLAIN' ? text.indexOf('\n', node.range[0]) : -1;
  if (newline !== -1 && newline < node.range[1]) {
    const block = blockIndicatorProblem(text, text.lastIndexOf('\n', node.range[0] - 1) + 1, true);
    if (block) report('misplaced-block-indicator', 'warning', block.range, block.message, block.hint);
    const item = listItemInText(text, node.range[0], newline, node.range[1]);
    if (item) report('list-item-in-text', 'warning', item.range, item.message, item.hint);
  }
  // Each character that does not show, or is not text, at its own column: one warning per character,
  // at its first place in the text, the others as related places.
  const places = unsafePlaces(node.value, text, node.range[0], node.range[1], node.type === 'QUOTE_DOUBLE');
  for (const char of new Set(places.map((found) => found.char))) {
    const [first, ...again] = places.filter((found) => found.char === char);
    const at = place(first!.offset, first!.offset + first!.length);
    const { message, hint } = unsafeProblem(first!, at.start.column, again.length + 1, key);
    const related = again.slice(0, LIMITS.relatedLocations).map((other) => ({ ...place(other.offset, other.offset + other.length), message: 'the same character again' }));
    report('control-character', 'warning', [first!.offset, first!.offset + first!.length], message, hint, related.length > 0 ? related : undefined);
  }
}

/**
 * A line of a plain text over several lines that begins with `- `: an item meant for the list, one
 * level too deep (`  - First point` then `    - Second point`), which YAML reads as the text of the
 * item above, dash and all. The first such line, when the text is itself a list item or the
 * `text:` of one (`- text: First point`, its `restricted: true` below).
 */
function listItemInText(text: string, start: number, newline: number, end: number): { range: [number, number]; message: string; hint: string } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // The text of an item itself, or of its `text:` (an item written `{ text, restricted }`).
  const dash = /^([ \t]*)-[ \t]+(?:text:[ \t]+)?$/.exec(text.slice(lineStart, start));
  if (!dash) return undefined;
  for (let at = newline + 1; at < end; ) {
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next === -1 || next > end ? end : next);
    const written = /^([ \t]*)- \S/.exec(line);
    if (written) {
      const from = at + written[1]!.length;
      return {
        range: [from, at + line.trimEnd().length],
        message: `This line is read as the end of the text of the item above, not as an item of its own: its “-” is further in than that item's.`,
        hint: `To make it an item, put its “-” under the one above (${dash[1]!.length} spaces in); if the dash belongs to the text, put the whole text in quotes.`,
      };
    }
    if (next === -1) break;
    at = next + 1;
  }
  return undefined;
}

/** The plain texts cut short by a comment with lines below going on with them (which YAML cannot read), where each begins and what was read. */
function continuedCuts(root: Node | null, text: string): Array<{ cut: CommentCut; start: number; value: string }> {
  const found: Array<{ cut: CommentCut; start: number; value: string }> = [];
  if (!root) return found;
  visit(root, {
    Scalar(_key, node) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
      const cut = commentCut(text, node.range[0], node.range[1], true);
      if (cut?.continued) found.push({ cut, start: node.range[0], value: node.value });
    },
  });
  return found;
}

/** The quoted scalar that runs to the end of the file: YAML reports it there, the mistake is at its start. */
function unclosedQuote(root: Node | null, text: string): [number, number] | undefined {
  let found: [number, number] | undefined;
  if (!root) return undefined;
  visit(root, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) {
        const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
        const body = text.slice(node.range[0], node.range[1]).trimEnd();
        if (body.length < 2 || !body.endsWith(quote)) {
          const lineEnd = text.indexOf('\n', node.range[0]);
          found = [node.range[0], lineEnd === -1 ? node.range[1] : lineEnd];
          return visit.BREAK;
        }
      }
      return undefined;
    },
  });
  return found;
}

function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isScalar(node)) return `a single value (${JSON.stringify(node.value)})`;
  if (isAlias(node)) return 'an alias';
  return 'a list';
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '') + '.';
}


/** What YAML reads a value's first character as, for those that cannot begin plain text. */
const INDICATORS: Record<string, string> = {
  '*': 'an alias (a reference to an anchor)',
  '&': 'an anchor',
  '[': 'the start of a list',
  '{': 'the start of a mapping',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '%': 'a directive',
};

/**
 * A value on the line at `lineStart` (after `key: ` or `- `) that begins with a character YAML
 * reads as syntax: Markdown emphasis (`- **None** of…`), a bracketed word (`[Draft] …`), a code span.
 * The yaml library reports what follows it ("Unexpected scalar at node end"), not why.
 */
function leadingIndicator(text: string, lineStart: number): { character: string; meaning: string; range: [number, number]; quoted: string } | undefined {
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  const match = /^([ \t]*(?:-[ \t]+)*(?:[^\s:#'"[{*&][^:]*:[ \t]+)?)([*&[{@`%])/.exec(line);
  if (!match) return undefined;
  const [, before, character] = match as unknown as [string, string, string];
  const value = line.slice(before.length).replace(/[ \t]+#.*$/, '').trimEnd();
  // A list or mapping written inline and left open (`themes: [kst, ibm`) is one: it needs closing, not quotes.
  if ((character === '[' || character === '{') && !/^[[{][^\]}]*[\]}][ \t]*[^\s,\]}]/.test(value)) return undefined;
  const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
  return {
    character,
    meaning: INDICATORS[character]!,
    range: [lineStart + before.length, lineStart + before.length + value.length],
    quoted: `${before.trimStart()}"${shown.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  };
}

/**
 * The value left open that the parser's "Flow sequence in block collection must … end with a ]"
 * (reported at the line after it) is about: the nearest line above `offset` whose value begins
 * with `[` or `{` and holds no bracket closing it. Undefined when there is none.
 */
function unclosedFlow(text: string, offset: number): { bracket: string; close: string; range: [number, number]; quoted: string; list: boolean } | undefined {
  let end = text.lastIndexOf('\n', offset - 1);
  for (let lines = 0; end >= 0 && lines < 20; lines++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.trim() === '' || /^[ \t]*#/.test(line)) continue;
    const match = /^([ \t]*(?:-[ \t]+)*(?:[^\s:#'"[{*&][^:]*:[ \t]+)?)([[{])/.exec(line);
    if (!match) continue;
    const [, before, bracket] = match as unknown as [string, string, string];
    const close = bracket === '[' ? ']' : '}';
    const value = line.slice(before.length).replace(/[ \t]+#.*$/, '').trimEnd();
    if (value.includes(close)) return undefined;
    const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return { bracket, close, list: value.includes(','), range: [start + before.length, start + before.length + value.length], quoted: `${before.trimStart()}"${shown.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` };
  }
  return undefined;
}

function emptyHint(role: FileRole): string {
  switch (role) {
    case 'workshop':
      return 'workshop.yaml needs at least title, dates, organizers, countries and themes; run `workshop-report init` to see an example.';
    case 'session':
      return 'A session file needs at least title, date, type and summary, written as `key: value` lines.';
    case 'country':
      return 'A country file needs at least `country: CODE`, written as `key: value` lines.';
    case 'pdf-theme':
      return 'A PDF theme holds settings written as `key: value` lines, e.g. `page_size: A4` or `font_size: 11`.';
    case 'programme':
      return 'programme.yaml needs at least title and workshops (the workshop folders), e.g. `workshops: [../rabat-2022]`.';
    case 'follow-up':
      return 'A follow-up report needs date, reported_by and updates, e.g. `date: 2022-11-15`; see docs/FORMAT.md, "Follow-up".';
    case 'translation':
      return 'A translation file maps each text\'s path to its translation, e.g. `title: { source: 3f2a9c1b, text: … }`; `workshop-report translations import` writes them.';
  }
}
