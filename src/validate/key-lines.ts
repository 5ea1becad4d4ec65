import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import { blockTextAbove, blockTextProblem } from '../load/block-text.js';
import { locate, type DataPath, type ParsedFile } from '../load/index.js';
import { linePosition } from '../load/positions.js';
import type { SchemaError } from './schemas.js';

/** Unknown keys that are lines written wrong rather than keys mistyped: said as what they are, at their line. */

/**
 * A key that is a line of the block of text above it, written without its indentation
 * (`Note: the chair closed the session.` after `summary: |` and its lines): said as that, at the line.
 */
export function unindentedText(file: ParsedFile, path: DataPath): Diagnostic | undefined {
  const location = locate(file, path, 'key');
  const text = file.source.text;
  const lineStart = text.lastIndexOf('\n', location.start.offset - 1) + 1;
  const found = blockTextAbove(text, lineStart);
  if (!found) return undefined;
  const lineEnd = text.indexOf('\n', lineStart);
  const end = lineStart + text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trimEnd().length;
  const key = String(path[path.length - 1]);
  const { message, hint } = blockTextProblem(found, (offset) => linePosition(file.lineStarts, offset).line, `reads “${key}” as a key`);
  return { code: 'unknown-key', severity: 'error', stage: 'validate', message, hint, location: spanToLocation(file.source.path, file.lineStarts, location.start.offset, end) };
}

/**
 * The keys a key written without its name (`: 2025-03-11`) may be: those of its mapping not given
 * yet, and the one it most likely is: a date's key for a date (`date`, `due`), else the one key the
 * mapping requires and lacks.
 */
export function nameMeant(error: SchemaError, data: unknown): { candidates: string[]; meant?: string } {
  const parent = error.parentSchema as { properties?: object; required?: string[] } | undefined;
  const mapping = error.instancePath.split('/').slice(1).reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], data);
  const given = mapping !== null && typeof mapping === 'object' ? Object.keys(mapping) : [];
  const candidates = Object.keys(parent?.properties ?? {}).filter((key) => !given.includes(key));
  const value = (mapping as Record<string, unknown> | undefined)?.[''];
  const dates = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? candidates.filter((key) => /(^|_)(date|due|start|end)$/.test(key)) : [];
  const required = (parent?.required ?? []).filter((key) => !given.includes(key));
  const meant = dates.length === 1 ? dates[0] : dates.length === 0 && required.length === 1 ? required[0] : undefined;
  return { candidates, ...(meant !== undefined ? { meant } : {}) };
}

/** A key written without its name (`: 2025-03-11`, `    : more radios`): at its line, with the key it may be. */
export function emptyKey(file: ParsedFile, path: DataPath, name: string, { candidates, meant }: { candidates: string[]; meant?: string }): Diagnostic {
  const key = locate(file, [...path, ''], 'key');
  const text = file.source.text;
  const lineStart = text.lastIndexOf('\n', key.start.offset - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  const location = spanToLocation(file.source.path, file.lineStarts, lineStart + (line.length - line.trimStart().length), lineStart + line.length);
  // `null:` and `~:` are read as that key too: their name is written.
  const written = text.slice(key.start.offset, key.end.offset).trim();
  if (written !== '') {
    return { code: 'unknown-key', severity: 'error', stage: 'validate', message: `Unknown key “${written}”${name ? ` in ${name}` : ''}.`, hint: 'YAML reads it as an empty key: write the key meant.', location };
  }
  const value = line.trimStart().replace(/^:[ \t]*/, '');
  const hint = meant !== undefined
    ? `Is it “${meant}:”? Write “${meant}: ${value.length > 50 ? `${value.slice(0, 49)}…` : value}”.`
    : candidates.length > 0 ? `Write the key's name before the “:” (keys ${name ? `${name} ` : 'this mapping '}does not have yet: ${candidates.join(', ')}), or delete the line.` : 'Write the key\'s name before the “:”, or delete the line.';
  return { code: 'unknown-key', severity: 'error', stage: 'validate', message: `This line has a value but no key: the name before its “:” is missing${name ? ` (in ${name})` : ''}.`, hint, location };
}
