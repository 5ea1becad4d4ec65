import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin/workshop-report.js');
export const EXAMPLE = path.join(ROOT, 'examples/rabat-2022');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process through run(), capturing its streams (colour off: not a TTY). */
export async function runInProcess(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => { stdout += text; } },
    stderr: { write: (text: string) => { stderr += text; } },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** Runs the built bin as a user would (needs `npm run build` first; `npm test` does it). */
export function runBin(argv: string[], options: { cwd?: string; env?: Record<string, string>; user?: { uid: number; gid: number } } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'wr-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function copyTree(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}

/**
 * The Rabat example as a plain project, for tests that use it as any workshop: English only and
 * without its two editions, so documents are written into the output folder itself (out/report.md).
 */
export function copyExampleWithoutEditions(to: string): void {
  copyTree(EXAMPLE, to);
  // English only: its French translations and French templates go too.
  rmSync(path.join(to, 'translations'), { recursive: true, force: true });
  rmSync(path.join(to, 'templates/fr'), { recursive: true, force: true });
  const file = path.join(to, 'workshop.yaml');
  const text = readFileSync(file, 'utf8').replace(/^languages: .*$/m, 'language: en').replace(', editions: [public]', '').replace(/\n  # Two editions[\s\S]*?attribution: organizations \}\n/, '\n');
  if (text.includes('editions')) throw new Error('the example\'s editions could not be removed');
  writeFileSync(file, text);
}

/** Every file below a folder, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** Every file below a folder with its bytes (base64), to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString('base64')]));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

export function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Replaces text in a file, as a person editing it would; throws when there is nothing to replace (the test would test nothing). */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace in ${file}`);
  writeFileSync(file, next);
}

/**
 * A manifest's text without the project it names, which it names relative to its own folder: the
 * same build into two folders differs only there.
 */
export function withoutProject(manifest: string): string {
  return manifest.replace(/,?\n {2}"project": "[^"]*"/, '');
}
