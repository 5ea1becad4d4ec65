import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { idsWritten, isDamaged, NO_DAMAGE, type Damage } from '../load/damage.js';
import type { DataPath, ParsedFile } from '../load/index.js';
import { schemaDiagnostics, schemaErrorPath, type SchemaHints } from './schema-diagnostics.js';
import { validator, type SchemaError, type SchemaName } from './schemas.js';
import { mayBeKey } from './suggest.js';

/** A file checked against its schema, with what passed it. */
export interface RecoveredFile {
  diagnostics: Diagnostic[];
  /**
   * The file's data less every entry that failed the schema (or that a syntax error garbled), so
   * the cross-file rules can check the rest. A list keeps its indexes: a removed item is a hole
   * (`forEach` skips it), so positions stay right. A top-level key the schema requires may be
   * missing. Undefined when the file gave no data at all.
   */
  data?: unknown;
  /** What is missing from `data`, from loading and from the schema. */
  damage: Damage;
  /** The top-level keys that lost something (`*`: which is not known, e.g. after a syntax error). */
  keysLeftOut: Set<string>;
  /** The `id:` values taken out because they failed the schema (`id: circulate report`), where they were. */
  invalidIds: InvalidId[];
  /** The paths of the values the schema took out (`['actions', 7, 'di']` for an unknown key). */
  removed: DataPath[];
}

/** An `id:` left out of a file's data because it is not a valid id: its path (ending in `id`) and what was written. */
export interface InvalidId {
  path: DataPath;
  value: string;
}

/** Keywords whose error is about a container's entries: explained when the container lost one. */
const ABOUT_ENTRIES = new Set(['required', 'minItems', 'minProperties', 'dependentRequired', 'oneOf', 'anyOf', 'if']);

/** Removal passes at the most: each removes a level, and notes nest only a few levels deep. */
const MAX_PASSES = 8;

/**
 * Stage 2 for one file: its schema errors, less those a syntax error already explains, and its data
 * with the entries in error taken out. A schema error in one item stops nothing else.
 */
export function checkAgainstSchema(file: ParsedFile, schema: SchemaName, hints: SchemaHints = {}): RecoveredFile {
  const loadDamage = file.damage ?? NO_DAMAGE;
  if (file.data === undefined) return { diagnostics: [], damage: { containers: [[]], ids: idsWritten(file.source.text) }, keysLeftOut: new Set('*'), invalidIds: [], removed: [] };
  const keysLeftOut = new Set(loadDamage.containers.map((path) => String(path[0] ?? '*')));
  const validate = validator(schema);
  // The validator sees the data without holes (items a syntax error took out); paths in its errors
  // are mapped back to the file's item numbers.
  const view = file.damage ? compact(file.data) : file.data;
  if (validate(view)) return { diagnostics: [], data: file.data, damage: loadDamage, keysLeftOut, invalidIds: [], removed: [] };
  const explained = (error: SchemaError) => ABOUT_ENTRIES.has(error.keyword) && isDamaged(loadDamage, schemaErrorPath(error, false));
  const diagnostics = schemaDiagnostics(file, schema, explained, file.damage ? { data: view, original: (path) => originalPath(file.data, path) } : undefined, hints);

  const data = structuredClone(file.data);
  const containers: DataPath[] = [...loadDamage.containers];
  const ids = [...loadDamage.ids];
  const invalidIds: InvalidId[] = [];
  const taken: DataPath[] = [];
  let errors = validate.errors ?? [];
  for (let pass = 0; pass < MAX_PASSES && errors.length > 0; pass++) {
    // The errors come from a compacted copy: map their paths back to the data's indexes.
    const paths = errors.map((error) => originalPath(data, schemaErrorPath(error, true)));
    const removed = removeAll(data, paths.filter((path) => path.length > 0));
    if (removed.length === 0) break;
    for (const path of removed) {
      taken.push(path);
      containers.push(path.slice(0, -1));
      keysLeftOut.add(String(path[0]));
      const value = valueAt(file.data, path);
      if (path[path.length - 1] === 'id' && typeof value === 'string') {
        // An id that is not valid: references to it are not reported as unknown, and rules keyed by it know it was written.
        invalidIds.push({ path, value });
        ids.push(value);
      } else if (typeof path[path.length - 1] === 'string' && mayBeKey(String(path[path.length - 1]), 'id') && typeof value === 'string') {
        // An id under a mistyped key (`di: circulate-report`): references to it are its consequence.
        ids.push(value);
      } else ids.push(...idsIn(value));
    }
    errors = validate(compact(data)) ? [] : validate.errors ?? [];
  }
  return { diagnostics, data, damage: { containers, ids }, keysLeftOut, invalidIds, removed: taken };
}

/** Removes the values at the paths (deepest and last first; a path under a removed one is skipped). */
function removeAll(data: unknown, paths: DataPath[]): DataPath[] {
  const sorted = [...paths].sort(comparePaths).reverse();
  const removed: DataPath[] = [];
  for (const path of sorted) {
    if (removed.some((done) => isPrefix(done, path))) continue;
    const parent = valueAt(data, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
    const last = path[path.length - 1]!;
    if (parent === undefined || parent === null || typeof parent !== 'object' || !(last in parent)) continue;
    delete parent[last];
    removed.push(path);
  }
  return removed;
}

function comparePaths(a: DataPath, b: DataPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function isPrefix(prefix: DataPath, path: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

/** A copy without holes, for the validator. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.flatMap((item, index) => (index in value ? [compact(item)] : []));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

/** A path into `compact(data)` as a path into `data`: the k-th item of a list with holes. */
function originalPath(data: unknown, path: DataPath): DataPath {
  let node = data;
  return path.map((segment) => {
    let key: string | number = segment;
    if (Array.isArray(node) && typeof segment === 'number') key = Number(Object.keys(node)[segment] ?? segment);
    node = (node as Record<string | number, unknown> | undefined)?.[key];
    return key;
  });
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

/** Every `id:` string in a removed value: references to them are not reported as unknown. */
function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => (key === 'id' && typeof item === 'string' ? [item] : idsIn(item)));
  }
  return [];
}
