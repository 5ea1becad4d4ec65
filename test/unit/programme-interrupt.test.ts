import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { buildWorkshops, type WorkshopJob } from '../../src/build/programme-workshops.js';
import { ROOT } from '../helpers/run-cli.js';

const jobs: WorkshopJob[] = ['rabat-2022', 'niamey-2022'].map((name) => ({ dir: path.join(ROOT, 'examples', name), cwd: ROOT, options: { formats: ['md'] }, language: 'en' }));

describe('Ctrl-C while a programme\'s workshops are built', () => {
  it('begins no workshop after it, and ends with InterruptedError once the one begun is done (it was heard only at publishing)', async () => {
    const controller = new AbortController();
    const built: number[] = [];
    const run = buildWorkshops(jobs, { signal: controller.signal, onOutcome: (index) => { built.push(index); controller.abort(); return undefined; } });
    await expect(run).rejects.toBeInstanceOf(InterruptedError);
    expect(built).toEqual([0]);
  });

  it('builds nothing when interrupted before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const built: number[] = [];
    await expect(buildWorkshops(jobs, { signal: controller.signal, onOutcome: (index) => { built.push(index); return undefined; } })).rejects.toBeInstanceOf(InterruptedError);
    expect(built).toEqual([]);
  });
});
