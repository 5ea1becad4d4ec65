import { describe, expect, it } from 'vitest';
import { locate } from '../../src/load/locate.js';
import { parse } from './helpers.js';

const FILE = parse([
  'title: Opening',            // 1
  'dates:',                    // 2
  '  start: 2022-05-09',       // 3
  '  end: 2022-05-10',         // 4
  'recommendations:',          // 5
  '  - id: r1',                // 6
  '    text: Do it.',          // 7
  '    addressed_to: [MLI, NER]', // 8
  '  - text: Other.',          // 9
  'country_notes:',            // 10
  '  MLI:',                    // 11
  '    needs: [Radios]',       // 12
  'empty: {}',                 // 13
  '1: numeric key',            // 14
  '',
].join('\n'));

const pos = (path: ReadonlyArray<string | number>, part?: 'value' | 'key' | 'mapping-start') => {
  const location = locate(FILE, path, part);
  return `${location.start.line}:${location.start.column}-${location.end.line}:${location.end.column}`;
};

describe('locate', () => {
  it('names the file of the ParsedFile', () => {
    expect(locate(FILE, ['title']).file).toBe('sessions/a.yaml');
  });

  it('points at a scalar value by default', () => {
    expect(pos(['title'])).toBe('1:8-1:15');
    expect(pos(['dates', 'end'])).toBe('4:8-4:18');
    expect(pos(['recommendations', 0, 'text'])).toBe('7:11-7:17');
  });

  it('points at items of block and flow sequences', () => {
    expect(pos(['recommendations', 0, 'addressed_to', 1])).toBe('8:25-8:28');
    expect(pos(['country_notes', 'MLI', 'needs', 0])).toBe('12:13-12:19');
  });

  it('points at the key with part "key"', () => {
    expect(pos(['dates', 'start'], 'key')).toBe('3:3-3:8');
    expect(pos(['country_notes', 'MLI'], 'key')).toBe('11:3-11:6');
  });

  it('points at the first key of a mapping with part "mapping-start"', () => {
    expect(pos(['dates'], 'mapping-start')).toBe('3:3-3:8');
    expect(pos(['recommendations', 1], 'mapping-start')).toBe('9:5-9:9');
    expect(pos([], 'mapping-start')).toBe('1:1-1:6');
  });

  it('points at the start of an empty mapping with part "mapping-start"', () => {
    expect(pos(['empty'], 'mapping-start')).toBe('13:8-13:8');
  });

  it('finds keys written as numbers by their string form', () => {
    expect(pos([1], 'key')).toBe('14:1-14:2');
    expect(pos(['1'])).toBe('14:4-14:15');
  });

  it('falls back to the nearest existing ancestor', () => {
    expect(pos(['dates', 'middle'])).toBe(pos(['dates']));
    expect(pos(['recommendations', 0, 'theme'])).toBe(pos(['recommendations', 0]));
    expect(pos(['recommendations', 7, 'text'])).toBe(pos(['recommendations']));
    expect(pos(['recommendations', 0, 'theme'])).toMatch(/^6:5-/);
  });

  it('does not index into a scalar or a mapping with a number', () => {
    expect(pos(['title', 0])).toBe(pos(['title']));
    expect(pos(['dates', 0])).toBe(pos(['dates']));
  });

  it('uses the whole document for an empty path', () => {
    expect(pos([])).toMatch(/^1:1-/);
  });

  it('points at the key when a key has no value', () => {
    const file = parse('title:\nsummary: x\n');
    expect(locate(file, ['title'], 'key').start).toMatchObject({ line: 1, column: 1 });
    expect(locate(file, ['title']).start.line).toBe(1);
  });
});
