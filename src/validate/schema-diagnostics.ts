import { hiddenCharactersHint } from './hidden-characters.js';
import { codeOf, describeCharacter, unsafeCharacters, withoutNonText } from '../characters.js';
import type { Diagnostic, RuleId } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type ParsedFile, type Part } from '../load/index.js';
import { emptyKey, nameMeant, unindentedText } from './key-lines.js';
import { typographicQuotes, typographicQuotesHint } from '../load/colon-values.js';
import { signBefore, signHint } from './sign-values.js';
import { schemaText, validator, type SchemaError, type SchemaName } from './schemas.js';
import { datesMeant, didYouMean, didYouMeanDate, isCalendarDay, wordMeant } from './suggest.js';

/** What to validate instead of the file's data (a copy without holes), and how its paths map back. */
export interface SchemaView {
  data: unknown;
  original: (path: DataPath) => DataPath;
}

/** What the schema cannot know, for hints: the country code a value written where one goes probably means. */
export interface SchemaHints {
  country?: (written: string) => string | undefined;
  /** For an id written where an owner, an addressee or a follow-up reporter goes. */
  party?: (written: string, field: string) => string | undefined;
}

/** The fields that name an organization or a beneficiary country by its id. */
const PARTY_FIELDS = new Set(['owner', 'addressed_to', 'reported_by']);

/** The pattern of a country code (common.schema.json `countryCode`). */
const COUNTRY_CODE_PATTERN = '^[A-Z]{3}$';

/**
 * Validates one parsed file against its schema and turns ajv's errors into located diagnostics,
 * less those `explained` says are the consequence of an earlier problem.
 */
export function schemaDiagnostics(file: ParsedFile, schema: SchemaName, explained: (error: SchemaError) => boolean = () => false, view?: SchemaView, hints: SchemaHints = {}): Diagnostic[] {
  const validate = validator(schema);
  const data = view ? view.data : file.data;
  if (validate(data)) return [];
  const raw = (validate.errors ?? []).filter((error) => !explained(error));
  const diagnostics: Diagnostic[] = [];
  // `- Watchlists: often maintained…` where a text is expected: one message at the text, not its consequences.
  const colons = textsReadAsKeys(raw, data);
  for (const { path, key } of colons) diagnostics.push(colonDiagnostic(file, view?.original(path) ?? path, key, valueAt(data, [...path, key])));
  const inColonText = (error: SchemaError) => colons.some(({ path }) => { const at = pathOf(error); return path.length <= at.length && path.every((segment, index) => at[index] === segment); });
  // A recommendation written under actions: one message at the entry, not one per key.
  const misplaced = entriesInWrongList(raw, schema, data);
  for (const entry of misplaced) diagnostics.push(wrongListDiagnostic(file, entry, view?.original(entry.path) ?? entry.path));
  const inWrongList = (error: SchemaError) => misplaced.some(({ pointer }) => error.instancePath === pointer && (error.keyword === 'additionalProperties' || error.keyword === 'required'));
  const errors = dropTypeBesideEnum(dropRequiredExplainedByTypo(dropPropertyNamesWrappers(collapseCombinators(raw.filter((error) => !inColonText(error) && !inWrongList(error)), data)), data));
  const seen = new Set<string>();
  for (const error of errors) {
    const diagnostic = withHiddenCharacters(toDiagnostic(file, error, view?.original, hints, data), error, data, file);
    const key = `${diagnostic.code}:${diagnostic.location?.start.offset}:${diagnostic.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}


/**
 * A key or value in error that holds a character which does not show (a zero-width space, a
 * non-breaking space, a typographic hyphen in a date): its hint names it, and gives the text
 * without it, where the message quoted what looked like the very word meant.
 */
function withHiddenCharacters(diagnostic: Diagnostic, error: SchemaError, data: unknown, file: ParsedFile): Diagnostic {
  const key = error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.propertyName;
  const value = key === undefined && ['enum', 'pattern', 'format', 'const', 'type'].includes(error.keyword) ? valueAt(data, pathOf(error)) : undefined;
  // A text where a number goes (`order: 2` and a control character): as written, since the notes are
  // read without the characters that are not text (the message quoted “2”, which looked right).
  const written = error.keyword === 'type' && typeof value === 'string' ? writtenText(file, diagnostic) : undefined;
  const text = typeof key === 'string' ? key : written ?? (typeof value === 'string' ? value : undefined);
  // The key or value a did-you-mean already named (`key points` with a non-breaking space: key_points), else the text without them.
  const meant = /^Did you mean “([^”]+)”\?/.exec(diagnostic.hint ?? '')?.[1];
  // (`– First point` lines where a list goes: the hint says what to write for each of them.)
  if (error.keyword === 'type' && String(error.params.type) === 'array' && diagnostic.location && pastedItems(file, diagnostic.location)) return diagnostic;
  const hint = text === undefined ? undefined : hiddenCharactersHint(text, meant);
  return hint ? { ...diagnostic, hint } : diagnostic;
}

/** A value as the file writes it at the diagnostic's place, without its quotes; undefined when it spans lines. */
function writtenText(file: ParsedFile, diagnostic: Diagnostic): string | undefined {
  const at = diagnostic.location;
  if (!at || at.file !== file.source.path || at.start.line !== at.end.line) return undefined;
  const text = file.source.text.slice(at.start.offset, at.end.offset);
  return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

/**
 * The places where a text was expected and YAML read a mapping of one key the format does not have,
 * with a plain value: `- Watchlists: often maintained…`, a text whose `: ` makes it a key and a value.
 */
function textsReadAsKeys(errors: readonly SchemaError[], data: unknown): Array<{ path: DataPath; key: string }> {
  const found: Array<{ path: DataPath; key: string }> = [];
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const key = String(error.params.additionalProperty);
    const value = valueAt(data, pathOf(error));
    if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length !== 1) continue;
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== null && typeof inner === 'object') continue;
    // `- txt: …` is a misspelt `text:`, said as such by the unknown key's "did you mean".
    if (wordMeant(key, Object.keys((error.parentSchema as { properties?: object }).properties ?? {}), 'key') !== undefined) continue;
    const textAllowed = errors.some((other) => other.keyword === 'type' && other.instancePath === error.instancePath && String(other.params.type).split(',').includes('string'));
    if (textAllowed && !found.some((place) => describePath(place.path) === describePath(pathOf(error)))) found.push({ path: pathOf(error), key });
  }
  return found;
}

function colonDiagnostic(file: ParsedFile, path: DataPath, key: string, value: unknown): Diagnostic {
  const location = locate(file, [...path, key], 'key');
  const read = value === null || value === undefined ? `${key}:` : `${key}: ${String(value)}`;
  // The line as written, when it goes on past what was read: a “ #” there began a comment, which
  // the quotes would have lost (`- Item two: see point #3` read as “Item two: see point”).
  const line = file.source.text.slice(location.start.offset).split('\n', 1)[0]!.trimEnd();
  const comment = line !== read && line.startsWith(read) && /^\s+#/.test(line.slice(read.length));
  const text = comment ? line : read;
  const quoted = JSON.stringify(text.length > 70 ? `${text.slice(0, 70)}…` : text);
  // `- “Data: first”`: a word processor's quotes, which YAML does not read as quotes.
  const curly = comment ? undefined : typographicQuotes(text);
  return {
    code: 'colon-in-text', severity: 'error', stage: 'validate',
    message: `This text was read as the key “${key}” and a value, because of the “: ” after “${key}”.`,
    location,
    hint: curly ? typographicQuotesHint(curly, (inside) => JSON.stringify(inside.length > 70 ? `${inside.slice(0, 70)}…` : inside))
      : `Put the whole text in double quotes: ${quoted} (a double quote inside it is written \\")${comment ? `; without them, “${line.slice(read.length).trim()}” was read as a comment and left out` : ''}.`,
  };
}

/**
 * ajv reports every failed branch of a oneOf/anyOf, before the combinator's own error (branches
 * behind a $ref carry the $ref's schema path, so order and instance path tell which they are).
 * Drop the branches whose type cannot fit the value; keep the specific errors of the branch that
 * fits, else the combinator's own message.
 */
function collapseCombinators(errors: SchemaError[], data: unknown): SchemaError[] {
  const dropped = new Set<SchemaError>();
  const kept: SchemaError[] = [];
  errors.forEach((combinator, index) => {
    if (combinator.keyword !== 'oneOf' && combinator.keyword !== 'anyOf') return;
    const at = combinator.instancePath;
    const branch = errors.slice(0, index).filter((error) => !dropped.has(error) && (error.instancePath === at || error.instancePath.startsWith(`${at}/`)));
    for (const error of branch) dropped.add(error);
    dropped.add(combinator);
    const value = valueAt(data, pathOf(combinator));
    const fitting = branch.filter((error) => !(error.instancePath === at && (error.keyword === 'type' || ((error.keyword === 'enum' || error.keyword === 'const') && typeof value === 'object'))));
    const onlyRequired = fitting.length > 0 && fitting.every((error) => error.keyword === 'required' && error.instancePath === at);
    // An item of a text list that is empty, a number or true/false: said as a text that is not one.
    const text = fitting.length === 0 && !isText(value) ? branch.find((error) => error.instancePath === at && isFreeTextType(error)) : undefined;
    if (text && combinator.params.passingSchemas == null) kept.push(text);
    else if (combinator.params.passingSchemas != null || fitting.length === 0 || onlyRequired) kept.push(combinator);
    else kept.push(...fitting);
  });
  return [...errors.filter((error) => !dropped.has(error)), ...kept];
}

/** A key name's pattern error says what is wrong with the key; the propertyNames wrapper adds nothing. */
function dropPropertyNamesWrappers(errors: SchemaError[]): SchemaError[] {
  return errors.filter((error) => !(error.keyword === 'propertyNames' && errors.some((other) => other !== error && other.propertyName !== undefined && other.instancePath === error.instancePath)));
}

/** An entry of one of a file's lists whose unknown keys are all keys of another list's entries. */
interface MisplacedEntry {
  pointer: string;
  path: DataPath;
  list: string;
  other: string;
  keys: string[];
  allowed: string[];
}

/** Each top-level list of a schema with the keys of its entries (`recommendations`: id, text, theme…), read once. */
const listKeys = new Map<SchemaName, Map<string, string[]>>();
function entryKeysByList(schema: SchemaName): Map<string, string[]> {
  let lists = listKeys.get(schema);
  if (lists) return lists;
  const root = JSON.parse(schemaText(schema)) as { properties?: Record<string, { type?: string; items?: { $ref?: string } }>; $defs?: Record<string, { properties?: object }> };
  lists = new Map();
  for (const [name, property] of Object.entries(root.properties ?? {})) {
    const ref = property.type === 'array' ? property.items?.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1] : undefined;
    const keys = ref ? Object.keys(root.$defs?.[ref]?.properties ?? {}) : [];
    if (keys.length) lists.set(name, keys);
  }
  listKeys.set(schema, lists);
  return lists;
}

/**
 * Entries written in the wrong list (a recommendation, with its theme and addressed_to, under
 * actions:): two unknown keys or more, and every key of the entry a key of another list's entries
 * of the file, where it would fit (an action with its owner and a stray priority is not one).
 */
function entriesInWrongList(errors: readonly SchemaError[], schema: SchemaName, data: unknown): MisplacedEntry[] {
  const unknown = new Map<string, { path: DataPath; keys: string[] }>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' || !/^\/[^/]+\/\d+$/.test(error.instancePath)) continue;
    const entry = unknown.get(error.instancePath) ?? { path: pathOf(error), keys: [] };
    entry.keys.push(String(error.params.additionalProperty));
    unknown.set(error.instancePath, entry);
  }
  const found: MisplacedEntry[] = [];
  const lists = entryKeysByList(schema);
  for (const [pointer, { path, keys }] of unknown) {
    if (keys.length < 2) continue;
    const list = String(path[0]);
    const entry = valueAt(data, path);
    const all = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? Object.keys(entry) : keys;
    const other = [...lists].find(([name, allowed]) => name !== list && all.every((key) => allowed.includes(key)))?.[0];
    if (other && lists.has(list)) found.push({ pointer, path, list, other, keys, allowed: lists.get(list)! });
  }
  return found;
}

function wrongListDiagnostic(file: ParsedFile, entry: MisplacedEntry, path: DataPath): Diagnostic {
  return {
    code: 'unknown-key', severity: 'error', stage: 'validate',
    message: `${describePath(path)} has keys of the entries of ${entry.other}, not of ${entry.list}: ${entry.keys.join(', ')}.`,
    hint: `If it is one of the ${entry.other}, move it under \`${entry.other}:\`. Entries of ${entry.list} have: ${entry.allowed.join(', ')}.`,
    location: locate(file, [...path, entry.keys[0]!], 'key'),
  };
}

/** `priority: 1` is not text and not one of high, medium, low: one problem, said with the allowed values. */
function dropTypeBesideEnum(errors: SchemaError[]): SchemaError[] {
  return errors.filter((error) => !(error.keyword === 'type' && errors.some((other) => other.keyword === 'enum' && other.instancePath === error.instancePath)));
}

/**
 * `sumary:` gives "unknown key" (did you mean summary?) and "missing summary" in the same mapping: one
 * problem; so do `: 2025-03-11` (a key without its name, taken for `date:`) and "missing date".
 */
function dropRequiredExplainedByTypo(errors: SchemaError[], data: unknown): SchemaError[] {
  return errors.filter((error) => {
    if (error.keyword !== 'required') return true;
    const missing = String(error.params.missingProperty);
    return !errors.some((other) => other.keyword === 'additionalProperties' && other.instancePath === error.instancePath
      && (other.params.additionalProperty === '' ? nameMeant(other, data).meant === missing : wordMeant(String(other.params.additionalProperty), [missing], 'key')?.word === missing));
  });
}

/**
 * Where an error is in the data: the value in error, or with `entry`, for an unknown or invalid
 * key, that key's entry (the error itself is on the mapping that holds it).
 */
export function schemaErrorPath(error: SchemaError, entry: boolean): DataPath {
  const path = pathOf(error);
  const key = error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.propertyName;
  return entry && typeof key === 'string' ? [...path, key] : path;
}

function pathOf(error: SchemaError): DataPath {
  return error.instancePath.split('/').slice(1).map((segment) => {
    const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(text) ? Number(text) : text;
  });
}

function toDiagnostic(file: ParsedFile, error: SchemaError, original: (path: DataPath) => DataPath = (path) => path, hints: SchemaHints = {}, data: unknown = file.data): Diagnostic {
  const path = original(pathOf(error));
  const name = describePath(path);
  const at = (code: RuleId, part: Part, message: string, hint?: string, extra: DataPath = []): Diagnostic => ({
    code, severity: 'error', stage: 'validate', message,
    location: locate(file, [...path, ...extra], part),
    ...(hint ? { hint } : {}),
  });
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    // `country_notes: { Mali: … }`: the code meant, as a country's value says it.
    const inner = unquoted(key);
    if (inner !== undefined && error.keyword === 'pattern' && new RegExp(String(error.params.pattern), 'u').test(inner)) {
      return at('invalid-value', 'key', `${key} is not a valid key in ${name || 'this mapping'}.`, curledQuotesHint(key, inner), [key]);
    }
    const meant = error.keyword === 'pattern' && error.params.pattern === COUNTRY_CODE_PATTERN ? hints.country?.(key) : undefined;
    return at('invalid-value', 'key', `“${key}” is not a valid key in ${name || 'this mapping'}.`,
      meant ?? (/^[a-z]{3}$/i.test(key) ? `Country codes are three capital letters (ISO 3166-1 alpha-3): ${key.toUpperCase()}.` : description), [key]);
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const forbidden = ['__proto__', 'constructor', 'prototype'].includes(key);
      // A key without its name (`: 2025-03-11`); a line of text above that lost its indentation (`Note: the chair closed…`).
      if (key === '') return emptyKey(file, path, name, nameMeant(error, data));
      // A key meant (`Key points:`, `Title:`) is that key mistyped, not text: indenting it would move what follows into the text above.
      // So is a key whose value is a list or a mapping (`Key points:` above its items): text has words after its colon.
      const exact = allowed.find((allowedKey) => allowedKey === key.toLowerCase().replace(/[\s\u00a0-]+/g, '_'));
      const written = valueAt(data, [...path, key]);
      const unindented = exact === undefined && (typeof written === 'string' || typeof written === 'number') ? unindentedText(file, [...path, key]) : undefined;
      if (unindented) return unindented;
      return at('unknown-key', 'key', `Unknown key “${key}”${name ? ` in ${name}` : ''}.`,
        (forbidden ? undefined : exact !== undefined ? `Did you mean “${exact}”?` : meantHint(wordMeant(key, allowed, 'key'), 'Keys are written in English, as in FORMAT.md,')) ?? `Allowed keys here: ${allowed.join(', ')}.`, [key]);
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      return at('required', 'mapping-start', `Missing required key “${key}”${name ? ` in ${name}` : ''}.`, requiredHint(key, error));
    }
    case 'type': {
      const value = valueAt(file.data, path);
      if (isFreeTextType(error) && path.length > 0 && (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean')) {
        const location = locate(file, path, 'value');
        const { message, hint } = notText(name, path, value, file.source.text.slice(location.start.offset, location.end.offset).trim());
        return { code: 'type', severity: 'error', stage: 'validate', message, location, hint };
      }
      // `id: 2022`, `code: 0123`: a value of a pattern that YAML read as a number: quoted, it is the text meant.
      const pattern = (error.parentSchema as { pattern?: unknown } | undefined)?.pattern;
      if (String(error.params.type) === 'string' && path.length > 0 && (typeof value === 'number' || typeof value === 'boolean')) {
        const location = locate(file, path, 'value');
        const written = file.source.text.slice(location.start.offset, location.end.offset).trim() || String(value);
        // `date: 20221115`: a date without its dashes, read as a number; quoting it would only make it an invalid date.
        const format = (error.parentSchema as { format?: unknown } | undefined)?.format;
        if (format === 'date' && datesMeant(written).length > 0) {
          return at('invalid-date', 'value', `${quoted(name, 'The file')} must be a date written YYYY-MM-DD, not the number ${written}.`, `${didYouMeanDate(written)}Write dates as YYYY-MM-DD.`);
        }
        if (typeof pattern !== 'string' || new RegExp(pattern, 'u').test(written)) {
          const last = path[path.length - 1]!;
          return at('type', 'value', `${quoted(name, 'The file')} must be text, not ${typeName(value)}.`, `YAML reads ${written} as ${typeof value === 'number' ? 'a number' : 'true or false'}: put it in quotes to make it text, ${typeof last === 'number' ? '-' : `${String(last)}:`} ${JSON.stringify(written)}.`);
        }
      }
      // `order: = 2`, `order: -> 2`: a sign of another notation before the number.
      const wanted = String(error.params.type);
      const signed = (wanted === 'integer' || wanted === 'number') && path.length > 0 ? signBefore(value, (meant) => typeof meant === 'number' && Number.isFinite(meant) && (wanted === 'number' || Number.isInteger(meant))) : undefined;
      if (signed) return at('type', 'value', `${quoted(name, 'The file')} must be ${article(wanted)}, not ${typeName(value)}.`, signHint(path, signed));
      // `key_points: |` over `- ` lines: the block makes them one text, where each was meant as an item.
      const written = String(error.params.type) === 'array' && typeof value === 'string' && path.length > 0 ? blockIndicator(file, path) : undefined;
      if (written && /^[ \t]*[-*][ \t]/m.test(value as string)) {
        return at('type', 'value', `${quoted(name, 'The file')} must be ${article(String(error.params.type))}, not ${typeName(value)}.`, `Take out the “${written}” after ${String(path[path.length - 1])}: it makes the “- ” lines below one text; without it, each is an item of the list.`);
      }
      // `– First point` lines pasted from a word processor: their en dash is no list's `- `; YAML reads them as one text.
      const pasted = String(error.params.type) === 'array' && typeof value === 'string' && path.length > 0 ? pastedItems(file, locate(file, path, 'value')) : undefined;
      if (pasted) {
        const shown = pasted.items.slice(0, 3).map((item) => `“- ${item.length > 40 ? `${item.slice(0, 39)}…` : item}”`);
        const items = pasted.items.length > 3 ? `${shown.join(', ')} and ${pasted.items.length - 3} more` : shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
        return at('type', 'value', `${quoted(name, 'The file')} must be ${article(String(error.params.type))}, not ${typeName(value)}: ${pasted.items.length === 1 ? 'its line begins' : 'its lines begin'} with ${pasted.mark}, not with “- ”, so YAML reads ${pasted.items.length === 1 ? 'it' : 'them'} as one text.`,
          `A list item starts with “- ” (a dash and a space): replace the “${pasted.char}” at the start of ${pasted.items.length === 1 ? 'the line' : 'each line'} with “-”, each item on its own line: ${items}.`);
      }
      // `chairs:` over `  -name: Marta`: a list item with no space after its `-`, read as a key `-name`.
      const dashed = String(error.params.type) === 'array' && value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>).find(([key]) => /^-[A-Za-z_]/.test(key)) : undefined;
      if (dashed) {
        const [key, item] = dashed;
        const shown = typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? ` ${String(item)}` : '';
        return at('type', 'value', `${quoted(name, 'The file')} must be ${article(String(error.params.type))}, not ${typeName(value)}: “${key}:” is read as a key, the “-” of a list item without its space.`, `A list item starts with “- ” (a dash and a space): write “- ${key.slice(1)}:${shown.length > 50 ? `${shown.slice(0, 49)}…` : shown}”.`);
      }
      return at('type', 'value', `${quoted(name, 'The file')} must be ${article(String(error.params.type))}, not ${typeName(value)}.`, description);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = String(valueAt(file.data, path));
      const inner = unquoted(value);
      if (inner !== undefined && allowed.includes(inner)) return at('enum', 'value', `${value} is not ${validAs(path)}.`, curledQuotesHint(value, inner));
      // `type: = plenary`: a sign of another notation before the value.
      const signed = signBefore(value, (meant) => allowed.includes(String(meant)));
      if (signed) return at('enum', 'value', `“${value}” is not ${validAs(path)}.`, signHint(path, signed));
      // `languages: [en, fr, es]`: a language of its own, which the tool has no catalogue for (“Did you mean en?” misled).
      const language = (path[path.length - 1] === 'language' || path[path.length - 2] === 'languages') && /^[a-z]{2,3}(?:-[a-z0-9]+)*$/i.test(value) && didYouMean(value, allowed) === undefined;
      if (language) return at('enum', 'value', `“${value}” is not a language workshop-report writes reports in.`, `It writes them in ${allowed.join(' and ')} (a language is added to the tool itself: see “Adding a language” in its README). Allowed: ${allowed.join(', ')}.`);
      return at('enum', 'value', `“${value}” is not ${validAs(path)}.`, [meantHint(wordMeant(value, allowed, 'value'), 'The values are written in English,'), `Allowed: ${allowed.join(', ')}.`].filter(Boolean).join(' '));
    }
    case 'format':
      if (error.params.format === 'date') {
        const written = String(valueAt(file.data, path));
        const inner = unquoted(written);
        if (inner !== undefined && isCalendarDay(inner)) return at('invalid-date', 'value', `${written} is not a valid date.`, curledQuotesHint(written, inner));
        return at('invalid-date', 'value', `“${written}” is not a valid date.`, `${didYouMeanDate(written)}Write dates as YYYY-MM-DD, and check that the day exists (e.g. 2022-05-09).`);
      }
      return at('format', 'value', `${quoted(name, 'This value')} is not a valid ${String(error.params.format)}.`, description);
    case 'propertyName':
    case 'propertyNames': {
      const key = String(error.params.propertyName ?? error.propertyName ?? '');
      return at('invalid-value', 'key', `“${key}” is not a valid key in ${name || 'this mapping'}.`, description, key ? [key] : []);
    }
    case 'oneOf':
    case 'anyOf':
      return at('invalid-value', 'mapping-start', combinatorMessage(error, name), description);
    case 'uniqueItems':
      return at('invalid-value', 'value', `${quoted(name, 'This list')} lists the same value twice.`, 'List each value once.', [Number(error.params.i)]);
    case 'minItems':
      return at('invalid-value', 'value', `${quoted(name, 'This list')} needs at least ${String(error.params.limit)} ${Number(error.params.limit) === 1 ? 'item' : 'items'}.`, description);
    case 'minLength':
      return at('invalid-value', 'value', `${quoted(name, 'This text')} must not be empty.`, typeof path[path.length - 1] === 'number' ? EMPTY_ITEM : description);
    case 'pattern': {
      const value = String(valueAt(file.data, path));
      // `country: mli`, `country: Mali`: the code meant, as other rules say it.
      // `"MLI "`, `" api-pnr"`: the spaces around it are the whole mistake (the hint only said "No spaces", or that codes are in capitals).
      const trimmed = value.trim();
      const meant = trimmed === value && error.params.pattern === COUNTRY_CODE_PATTERN ? hints.country?.(value) : undefined;
      const spaced = !meant && trimmed !== value && trimmed !== '' && new RegExp(String(error.params.pattern), 'u').test(trimmed) ? `Write it without the space${value.length - trimmed.length > 1 ? 's' : ''}: “${trimmed}”.` : undefined;
      const field = [...path].reverse().find((key): key is string => typeof key === 'string');
      // `owner: “uncct”`: quotes a word processor curled, which YAML keeps as part of the value.
      const inner = unquoted(value);
      const curled = inner !== undefined && new RegExp(String(error.params.pattern), 'u').test(inner) ? curledQuotesHint(value, inner) : undefined;
      const named = !meant && !spaced && !curled && field !== undefined && PARTY_FIELDS.has(field) ? hints.party?.(value, field) : undefined;
      // `coopération`: é is a letter to a reader; an id's letters are a to z.
      const plain = value.normalize('NFD').replace(/\p{M}/gu, '');
      const accented = !meant && !spaced && !curled && !named && plain !== value && new RegExp(String(error.params.pattern), 'u').test(plain) ? `Ids are written with the letters a to z, without accents: “${plain}”.` : undefined;
      return at('invalid-value', 'value', `${curled ? value : `“${value}”`} is not ${validAs(path)}.`, curled ?? meant ?? spaced ?? named ?? accented ?? description);
    }
    default:
      return at('invalid-value', 'value', `${quoted(name, 'This value')} ${error.message ?? 'is not valid'}.`, description);
  }
}

/** The block indicator (`|`, `>-`…) a value at `path` is written with, if it is a block scalar. */
/** The marks a word processor begins a list's lines with, named where they look like `-`. */
const LIST_MARKS: Readonly<Record<string, string>> = { '–': 'an en dash', '—': 'an em dash', '−': 'a minus sign', '‐': 'a typographic hyphen', '•': 'a bullet', '◦': 'a bullet', '▪': 'a bullet', '‣': 'a bullet', '●': 'a bullet', '\uF0B7': 'Word’s bullet' };
const LIST_MARK_LINE = new RegExp(`^[ \\t]*([${Object.keys(LIST_MARKS).join('')}])[ \\t\\u00a0]+(\\S.*?)[ \\t]*$`);

/**
 * A text written where a list goes (`key_points:` over `  – First point`), every line of it begun
 * with one mark of a word processor's list: the mark (named, with its code) and the items as
 * written after it. Undefined otherwise (a text with a dash in it, a line without the mark).
 */
function pastedItems(file: ParsedFile, location: { start: { offset: number }; end: { offset: number } }): { char: string; mark: string; items: string[] } | undefined {
  const lines = file.source.text.slice(location.start.offset, location.end.offset).split(/\r?\n/).filter((line) => line.trim() !== '');
  const found = lines.map((line) => LIST_MARK_LINE.exec(line));
  const char = found[0]?.[1];
  if (char === undefined || found.some((match) => match?.[1] !== char)) return undefined;
  return { char, mark: `“${char}” (${LIST_MARKS[char]}, ${codeOf(char)}, as a word processor writes a list)`, items: found.map((match) => match![2]!) };
}

function blockIndicator(file: ParsedFile, path: DataPath): string | undefined {
  const location = locate(file, path, 'value');
  return /^[|>][-+0-9]*/.exec(file.source.text.slice(location.start.offset, location.end.offset))?.[0];
}

/** A `type` error of a text written freely (Markdown or plain text, no pattern, list of values or format). */
function isFreeTextType(error: SchemaError): boolean {
  const schema = error.parentSchema as { type?: unknown; pattern?: unknown; enum?: unknown; const?: unknown; format?: unknown } | undefined;
  return error.keyword === 'type' && error.params.type === 'string' && schema?.type === 'string'
    && schema.pattern === undefined && schema.enum === undefined && schema.const === undefined && schema.format === undefined;
}

function isText(value: unknown): boolean {
  return typeof value === 'string' || (value !== null && typeof value === 'object');
}

const EMPTY_ITEM = 'This item is empty: write its text or delete the line.';

/**
 * What to say of a value YAML did not read as the text written there: nothing after `- ` or the
 * key, or a number or true/false (`- 42`, `text: true`) that needs quotes to be text (`written`: as
 * written in the file).
 */
function notText(name: string, path: DataPath, value: number | boolean | null | undefined, written: string): { message: string; hint: string } {
  const last = path[path.length - 1]!;
  const item = typeof last === 'number';
  if (value === null || value === undefined) {
    return { message: `“${name}” is empty.`, hint: item ? EMPTY_ITEM : `Write its text after “${String(last)}:”.` };
  }
  const shown = written || String(value);
  const read = typeof value === 'number' ? `a number (${shown})` : `true or false (${shown})`;
  return {
    message: `“${name}” was read as ${read}, not as text.`,
    hint: `Write the text it stands for; or, if “${shown}” is the text, put it in quotes: ${item ? '-' : `${String(last)}:`} ${JSON.stringify(shown)}.`,
  };
}

function requiredHint(key: string, error: SchemaError): string {
  const property = ((error.parentSchema as { properties?: Record<string, { description?: string }> }).properties ?? {})[key];
  return property?.description ? `Add “${key}:”. ${property.description}` : `Add a “${key}:” line to this mapping.`;
}

function combinatorMessage(error: SchemaError, name: string): string {
  const branches = (error.schema as Array<{ required?: string[] }> | undefined) ?? [];
  const keys = branches.flatMap((branch) => branch.required ?? []);
  if (keys.length === branches.length && keys.length > 0) {
    return error.params.passingSchemas
      ? `${quoted(name, 'This entry')} must have only one of ${keys.map((k) => `“${k}”`).join(' or ')}, not both.`
      : `${quoted(name, 'This entry')} needs one of ${keys.map((k) => `“${k}”`).join(' or ')}.`;
  }
  return `${quoted(name, 'This value')} does not match any allowed form.`;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** `recommendations[2].theme` reads better than `/recommendations/2/theme`. */
export function describePath(path: DataPath): string {
  return path.reduce<string>((text, segment) => typeof segment === 'number' ? `${text}[${segment + 1}]` : text ? `${text}.${segment}` : segment, '');
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    // A control character (`11` and a U+0001, which makes it text) is named, not printed: it does not show.
    const control = unsafeCharacters(value)[0];
    const shown = control ? withoutNonText(value) : value;
    return `text (“${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}”${control ? ` and ${describeCharacter(control.char)?.name ?? 'a character that does not show'}` : ''})`;
  }
  return `${typeof value === 'number' ? 'a number' : 'a boolean'} (${String(value)})`;
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping of keys to values', null: 'empty' };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}

/** The value inside typographic quotes (“uncct”, ‘done’, « fr »), which YAML does not read as quotes; else undefined. */
function unquoted(value: string): string | undefined {
  return /^[“”„‘’‚«‹]\s*(.*?)\s*[”“’‘»›]$/u.exec(value)?.[1] || undefined;
}

/** `value`: as written, its quotes first and last. */
function curledQuotesHint(value: string, inner: string): string {
  return `Its quotes are typographic (${value[0]} ${value[value.length - 1]}, as a word processor writes them), which YAML keeps as part of the value: write ${inner} without them, or in straight quotes ("${inner}").`;
}

/** `a valid priority`, `a valid recommendations[2].priority`; an item of a list: `valid as item 2 of languages` (not `a valid languages[2]`). */
function validAs(path: DataPath): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `valid as item ${last + 1} of ${describePath(path.slice(0, -1)) || 'the list'}`;
  return `a valid ${describePath(path) || 'value'}`;
}

/** A key path at the start of a sentence, as written in the file (`“recommendations[1].priority”`), or `otherwise`. */
function quoted(name: string, otherwise: string): string {
  return name ? `“${name}”` : otherwise;
}

/** “Did you mean …?” for an unknown key or a value not in its list: a typo of an allowed one, or a French word for one (`keys` or values, written in English). */
function meantHint(meant: { word: string; french: boolean } | undefined, what: 'Keys are written in English, as in FORMAT.md,' | 'The values are written in English,'): string | undefined {
  return meant && `Did you mean “${meant.word}”?${meant.french ? ` ${what} whatever the language of the notes.` : ''}`;
}
