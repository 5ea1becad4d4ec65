import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { styleFor } from '../../src/cli/style.js';

const io = (isTTY: boolean, env: Record<string, string>): Io => ({ stdout: { write: () => true }, stderr: { write: () => true, isTTY }, cwd: '/', env });
const coloured = (isTTY: boolean, env: Record<string, string>, wanted = true) => styleFor(io(isTTY, env), wanted).error('x') !== 'x';

describe('colour', () => {
  it('is on for a terminal, off when piped or with NO_COLOR', () => {
    expect(coloured(true, {})).toBe(true);
    expect(coloured(false, {})).toBe(false);
    expect(coloured(true, { NO_COLOR: '1' })).toBe(false);
  });

  it('follows FORCE_COLOR when it is set, before NO_COLOR, as Node reads it', () => {
    expect(coloured(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(coloured(false, { FORCE_COLOR: '' })).toBe(true);
    expect(coloured(false, { FORCE_COLOR: 'true', NO_COLOR: '1' })).toBe(true);
    expect(coloured(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(coloured(true, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('is never on with --no-color', () => {
    expect(coloured(true, { FORCE_COLOR: '1' }, false)).toBe(false);
  });
});
