// Images named in the notes are judged by `validate`, at the place the notes name them: read only
// from inside the project, up to the byte and pixel caps, PNG or JPEG. `build` does not repeat them
// per generated document, and the PDF is still written without the images it refuses.
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { chunk, makePng } from '../typeset/png.js';
import { ROOT, remove, runBin, tempDir, copyExampleWithoutEditions } from '../helpers/run-cli.js';

const work = tempDir('wr-images-');
afterAll(() => remove(work));

interface Reported { ruleId: string; severity: string; message: string; file: string; line: number; column: number }
const reported = (stdout: string) => JSON.parse(stdout) as Reported[];

/** The header of a PNG of any size: enough for the pixel cap, no pixels at all. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', new Uint8Array())]);
}

describe('images in (md) fields', () => {
  it('validate refuses files over the byte cap and damaged ones, at the field that names them; a path that climbs out is never read', () => {
    const dir = path.join(work, 'project');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    // 11 MiB with a PNG signature: refused by its size before it is read.
    const big = path.join(dir, 'assets/big.png');
    writeFileSync(big, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(big, LIMITS.imageBytes + 1);
    // Exactly at the cap: read, then refused only because it is not a whole PNG.
    const edge = path.join(dir, 'assets/edge.png');
    writeFileSync(edge, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(edge, LIMITS.imageBytes);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  ![Big](assets/big.png)\n\n  ![Edge](assets/edge.png)\n\n  ![Climb](../../../etc/hostname)\n\n'));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 1;
    const validated = runBin(['validate', dir, '--reporter', 'json']);
    expect(validated.code).toBe(0);
    const images = reported(validated.stdout).filter((d) => d.ruleId === 'image');
    // Each at its own `![…](…)` inside the field, the summary's lines below its key.
    expect(images.map((d) => [path.basename(d.file), d.line, d.column, d.message])).toEqual([
      ['01-opening.yaml', line + 1, 3, 'The image file is 10 MiB (10,485,761 bytes); images are limited to 10 MiB (10,485,760 bytes). It is left out.'],
      ['01-opening.yaml', line + 3, 3, 'The PNG file has no valid IHDR header: it is truncated or damaged and is left out.'],
    ]);
    // build says the same once, where the notes name them, and still writes the PDF.
    const built = runBin(['build', dir, '--format', 'pdf', '--reporter', 'json']);
    expect(built.code).toBe(0);
    expect(reported(built.stdout).filter((d) => d.ruleId === 'image')).toEqual(images);
  });

  it('a symbolic link out of the project is an error at the link, and nothing is built', () => {
    const dir = path.join(work, 'escape');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    symlinkSync(path.join(ROOT, 'docs/previews/cover.png'), path.join(dir, 'assets/escape.png'));
    const built = runBin(['build', dir, '--reporter', 'json']);
    expect(built.code).toBe(1);
    expect(reported(built.stdout).map((d) => `${d.ruleId} ${path.basename(d.file)}`)).toEqual(['link-outside-project escape.png']);
  });
});

/** The example, without editions, with one image file added. */
function exampleWithImage(name: string, image: string, bytes: Uint8Array): string {
  const dir = path.join(work, name);
  copyExampleWithoutEditions(dir);
  mkdirSync(path.dirname(path.join(dir, image)), { recursive: true });
  writeFileSync(path.join(dir, image), bytes);
  return dir;
}

describe('where an image is named', () => {
  it('the same image twice in one field: each reported at its own place', () => {
    const dir = exampleWithImage('twice', 'assets/huge.png', pngHeader(20_000, 20_000));
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  See ![a](assets/huge.png) and ![a](assets/huge.png).\n\n'));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 2;
    const images = reported(runBin(['validate', dir, '--reporter', 'json']).stdout).filter((d) => d.ruleId === 'image');
    expect(images.map((d) => `${d.line}:${d.column}`)).toEqual([`${line}:7`, `${line}:33`]);
  });
});

describe('the logo', () => {
  it('a 20,000 × 20,000 PNG is reported once, by validate, at the logo key of workshop.yaml; build never blames a generated file', () => {
    const dir = exampleWithImage('logo', 'assets/logo.png', pngHeader(20_000, 20_000));
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace('report:\n', 'report:\n  logo: assets/logo.png\n'));
    const line = readFileSync(workshop, 'utf8').split('\n').findIndex((text) => text === '  logo: assets/logo.png') + 1;
    const expected = [{ ruleId: 'image', severity: 'warning', file: 'workshop.yaml', line, column: 3, message: 'The image is 20,000 × 20,000 = 400,000,000 pixels; images are limited to 40,000,000 pixels. It is left out.' }];
    const pick = (list: Reported[]) => list.filter((d) => d.ruleId === 'image').map(({ ruleId, severity, file, line: l, column, message }) => ({ ruleId, severity, file, line: l, column, message }));
    const validated = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    expect(pick(reported(validated.stdout))).toEqual(expected);
    const built = runBin(['build', '.', '--format', 'md,pdf', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(pick(reported(built.stdout))).toEqual(expected);
  });

  it('transparency under PDF/A, which only the build judges, is reported once at the logo key, not at a generated file', () => {
    const dir = path.join(work, 'logo-pdfa');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'assets/logo.png'), makePng(4, 4, 6));
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace('report:\n', 'report:\n  logo: assets/logo.png\n'));
    const line = readFileSync(workshop, 'utf8').split('\n').findIndex((text) => text === '  logo: assets/logo.png') + 1;
    expect(reported(runBin(['validate', '.', '--reporter', 'json'], { cwd: dir }).stdout).filter((d) => d.ruleId === 'image')).toEqual([]);
    const built = runBin(['build', '.', '--format', 'pdf', '--pdf-a', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(1);
    const images = reported(built.stdout).filter((d) => d.ruleId === 'image');
    expect(images.map(({ severity, file, line: l, column, message }) => ({ severity, file, line: l, column, message }))).toEqual([
      { severity: 'error', file: 'workshop.yaml', line, column: 3, message: 'The image has transparency, which PDF/A does not allow.' },
    ]);
  });
});
