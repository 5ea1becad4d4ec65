import { test } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
const enc = (parts: (string|number[])[]) => { const out: number[] = []; for (const p of parts) { if (typeof p === 'string') out.push(...new TextEncoder().encode(p)); else out.push(...p); } return new Uint8Array(out); };
const d = (b: Uint8Array) => { const r = decodeUtf8('f.yaml', b); console.log('=>', JSON.stringify(r)); };
test('x', () => {
  d(enc(['a: 1\nb: 2\nc: caf', [0xe9], ' ok\n']));
  d(enc(['a: 1\nb: 2\nc: caf', [0xe9], '\n']));
  d(enc(['ab', [0xff], 'cd']));
  d(enc(['ab', [0xe2, 0x82]]));
  d(enc(['ab', [0xc3]]));
  d(enc(['x: ', [0x80], '\n']));
  d(enc([[0xef,0xbb,0xbf], 'a: 1\n']));
  d(enc([[0xff,0xfe], 'a']));
  d(enc([[0xfe,0xff], 'a']));
  d(enc(['a: 1\nb', [0], '\n']));
  d(enc(['é: ', [0xe9], '\n']));
});
