import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

const notes = 'summary: |\n  Something was discussed.\ncountry_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\n';
const validate = (lines: string) => check({ sessions: { 'sessions/a.yaml': `title: A session\ndate: 2022-05-09\n${lines}${notes}` } }).diagnostics
  .map((d) => `${d.code} ${d.location?.start.line}:${d.location?.start.column} ${d.hint}`);

describe('a value written after a sign of another notation (following the hint for `order = 2` wrote these)', () => {
  it('`type: = plenary` is told to remove the “=”, where the hint was “Did you mean “plenary”?”', () => {
    expect(validate('type: = plenary\n')).toEqual(['enum 3:7 Remove the “=”: write “type: plenary”.']);
    expect(validate('type: -> plenary\n')).toEqual(['enum 3:7 Remove the “->”: write “type: plenary”.']);
  });

  it('`order: = 2` is told to remove the sign, where the hint described the field', () => {
    expect(validate('type: plenary\norder: = 2\n')).toEqual(['type 4:8 Remove the “=”: write “order: 2”.']);
    expect(validate('type: plenary\norder: => 2\n')).toEqual(['type 4:8 Remove the “=>”: write “order: 2”.']);
  });

  it('a value that is not the key\'s after the sign either keeps the hints it had', () => {
    expect(validate('type: = plenry\n')[0]).not.toContain('Remove the');
    expect(validate('type: plenary\norder: = two\n')[0]).not.toContain('Remove the');
  });
});
