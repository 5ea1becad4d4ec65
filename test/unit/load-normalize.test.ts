import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/load/normalize.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const decomposed = 'Ce\u0301te d\u2019Ivoire'; // "é" typed as e + U+0301, as macOS and some PDFs give it

describe('NFC at load', () => {
  it('composes every text value of a notes file when it is read', () => {
    const { file, diagnostics } = parseYamlFile({ path: 'sessions/a.yaml', text: `title: "${decomposed}"\nkey_points:\n  - "Re\u0301gion"\n` }, 'session');
    expect(diagnostics).toEqual([]);
    expect(file.data).toEqual({ title: 'C\u00e9te d\u2019Ivoire', key_points: ['R\u00e9gion'] });
  });

  it('keeps non-text values, key names and a __proto__ key as data', () => {
    const input = JSON.parse('{"__proto__": "x", "n": 1, "b": true, "z": null, "list": ["a"]}') as unknown;
    const out = normalizeText(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'n', 'b', 'z', 'list']);
    expect(out.n).toBe(1);
    expect(out.z).toBeNull();
  });
});
