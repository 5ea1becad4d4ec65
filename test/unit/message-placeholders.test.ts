import { describe, expect, it } from 'vitest';
import { messagePlaceholders } from '../../src/i18n/index.js';

describe('the places a label has, for the template check of {{t}}', () => {
  it('must fill those of the label itself, and may give those of its singular', () => {
    // programme_intro_one, chosen only when count is 1, has {count} where the label has {workshops}.
    const { required, allowed } = messagePlaceholders('programme_intro');
    expect(required.has('workshops')).toBe(true);
    expect(required.has('count')).toBe(false);
    expect(allowed.has('count')).toBe(true);
    expect([...messagePlaceholders('session_number').required]).toEqual(['number']);
    expect(messagePlaceholders('owner').allowed.size).toBe(0);
  });
});
