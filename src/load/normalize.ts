import { withoutNonText } from '../characters.js';

/**
 * Every text in the notes in Unicode NFC, so "é" typed as e + combining accent (macOS, some
 * keyboards, copies from PDFs) compares, sorts and de-duplicates like the precomposed "é"; and
 * without the characters that are not text (controls, lone surrogates, noncharacters: the
 * `control-character` warning says where each was), so that every format leaves them out alike.
 * Values only: keys are checked against the schema as written. Builds new containers.
 */
export function normalizeText(value: unknown): unknown {
  if (typeof value === 'string') return NOT_ASCII.test(value) ? withoutNonText(value).normalize('NFC') : withoutNonText(value);
  if (Array.isArray(value)) return value.map(normalizeText);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A key named __proto__ stays data (the schema then reports it as unknown), as yaml made it.
      if (key === '__proto__') Object.defineProperty(out, key, { value: normalizeText(item), enumerable: true, writable: true, configurable: true });
      else out[key] = normalizeText(item);
    }
    return out;
  }
  return value;
}

const NOT_ASCII = /[^\u0000-\u007f]/;
