// Images named in the notes are read only from inside the project, up to the byte cap: a path
// that climbs out, a symbolic link that leads out and a file too large each give a warning, and
// the PDF is still written without them.
import { mkdirSync, symlinkSync, truncateSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { ROOT, remove, runBin, tempDir, copyExampleWithoutEditions } from '../helpers/run-cli.js';

const work = tempDir('wr-images-');
afterAll(() => remove(work));

describe('images in (md) fields', () => {
  it('refuses paths out of the project, symbolic links out of it and files over the byte cap, with a warning each', () => {
    const dir = path.join(work, 'project');
    copyExampleWithoutEditions(dir);
    // A real PNG outside the project, reached through a link inside it.
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    symlinkSync(path.join(ROOT, 'docs/previews/cover.png'), path.join(dir, 'assets/escape.png'));
    // 11 MiB with a PNG signature: refused by its size before it is read.
    const big = path.join(dir, 'assets/big.png');
    writeFileSync(big, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(big, LIMITS.imageBytes + 1);
    // Exactly at the cap: read, then refused only because it is not a whole PNG.
    const edge = path.join(dir, 'assets/edge.png');
    writeFileSync(edge, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(edge, LIMITS.imageBytes);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  ![Escape](assets/escape.png)\n\n  ![Big](assets/big.png)\n\n  ![Edge](assets/edge.png)\n\n  ![Climb](../../../etc/hostname)\n\n'));
    const result = runBin(['build', dir, '--format', 'pdf', '--reporter', 'json']);
    expect(result.code).toBe(0);
    const messages = (JSON.parse(result.stdout) as Array<{ ruleId: string; message: string; file: string }>).filter((d) => d.ruleId === 'image');
    expect(messages.map((d) => d.message).sort()).toEqual([
      'The PNG file has no valid IHDR header: it is truncated or damaged and is left out.',
      'The image file is 10 MiB (10,485,761 bytes); images are limited to 10 MiB (10,485,760 bytes). It is left out.',
      'The image is outside the project folder and is left out.',
    ]);
    // The climbing path never reaches the typesetter: the notes' Markdown keeps only its alt text.
    expect(messages.every((d) => d.file.endsWith('/project/out/report.md'))).toBe(true);
  });
});
