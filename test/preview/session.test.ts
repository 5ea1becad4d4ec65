import { describe, expect, it, vi } from 'vitest';
import { InterruptedError, SetupError } from '../../src/errors.js';

const failure: { error?: unknown; result?: unknown } = {};
vi.mock('../../src/build/pipeline.js', () => ({ build: async () => { if (failure.result) return failure.result; throw failure.error; } }));
const { openPreviewBuilds } = await import('../../src/preview/session.js');
const { warmState } = await import('../../src/build/warm.js');

describe('a rebuild of the preview that stops', () => {
  const open = () => openPreviewBuilds('rabat', {}, { cwd: '/', env: {}, warm: warmState(), displayPath: (file) => file });

  it('on a set-up problem: the pages show it with its hint', async () => {
    const builds = await open();
    failure.error = new SetupError('/rabat has no workshop.yaml.', 'Restore it.');
    expect(await builds.rebuild([])).toBe(failure.error);
    expect(builds.site().replacement).toContain('Restore it.');
    await builds.close();
  });

  it('on workshop.yaml gone after a good build: says it was deleted or moved and to restore it, not to run the command in a workshop folder', async () => {
    const builds = await open();
    failure.result = { diagnostics: [], sources: new Map(), files: [{ path: 'en/index.html', content: '<p>ok</p>' }] };
    await builds.rebuild([]);
    failure.result = undefined;
    failure.error = new SetupError('rabat has no workshop.yaml.', 'Run the command in a workshop folder, pass the folder as an argument, or create one with `workshop-report init`.');
    const result = await builds.rebuild(['rabat/workshop.yaml']);
    expect(result).toBeInstanceOf(SetupError);
    expect((result as SetupError).message).toBe('rabat/workshop.yaml is gone: it was deleted, moved or renamed while the preview ran.');
    expect(builds.site().replacement).toContain('the preview builds again as soon as it is back');
    expect(builds.site().replacement).not.toContain('workshop-report init');
    await builds.close();
  });

  it('on an internal error: the pages say so (not the problem an earlier build had), and the error goes on to the command', async () => {
    const builds = await open();
    failure.error = new SetupError('/rabat has no workshop.yaml.', 'Restore it.');
    await builds.rebuild([]);
    failure.error = new Error('Cannot find module chunk-X.js');
    await expect(builds.rebuild([])).rejects.toThrow('Cannot find module chunk-X.js');
    const page = builds.site().replacement!;
    expect(page).toContain('Internal error: Cannot find module chunk-X.js');
    expect(page).not.toContain('Restore it.');
    // Ctrl-C during a rebuild ends the preview: the pages are left as they were.
    failure.error = new InterruptedError('interrupted');
    await expect(builds.rebuild([])).rejects.toBe(failure.error);
    expect(builds.site().replacement).toBe(page);
    await builds.close();
  });
});
