import { describe, expect, it } from 'vitest';
import { EXAMPLE, runInProcess } from '../helpers/run-cli.js';

describe('translations export --only', () => {
  it('says which state a mistyped one means, as --format does (`--only mising` got the list alone)', async () => {
    const result = await runInProcess(['translations', 'export', EXAMPLE, '--lang', 'fr', '--only', 'mising']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('workshop-report: Unknown --only “mising”.\nhint: Did you mean “missing”? Use one or more of: missing, stale, translated.\n');
    const two = await runInProcess(['translations', 'export', EXAMPLE, '--lang', 'fr', '--only', 'stale,translatd']);
    expect(two.stderr).toContain('hint: Did you mean “translated”? Use one or more of');
    // Nothing close: the list alone.
    const none = await runInProcess(['translations', 'export', EXAMPLE, '--lang', 'fr', '--only', 'everything']);
    expect(none.stderr).toContain('hint: Use one or more of: missing, stale, translated.');
  });
});
