import { describe, expect, it } from 'vitest';
import { buildChecked } from '../../src/build/pipeline.js';
import type { CheckedResult } from '../../src/build/check-project.js';
import { loadProject } from './helpers.js';

describe('a build of notes checked without an error', () => {
  it('has a project to build, or stops as the bug it is: it built no document, published an empty folder (removing the last build\'s) and exited 0', async () => {
    const checked: CheckedResult = { dir: '/nowhere', loaded: loadProject().project, diagnostics: [], sources: new Map(), imagePlaces: new Map() };
    await expect(buildChecked(checked, { out: '/nowhere/out' }, { cwd: '/' })).rejects.toThrow('no project came of the check');
  });

  it('with an error, returns it and builds nothing', async () => {
    const checked: CheckedResult = { dir: '/nowhere', loaded: loadProject().project, diagnostics: [{ code: 'yaml-syntax', severity: 'error', stage: 'load', message: 'x' }], sources: new Map(), imagePlaces: new Map() };
    expect((await buildChecked(checked, { out: '/nowhere/out' }, { cwd: '/' })).files).toEqual([]);
  });
});
