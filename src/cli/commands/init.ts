import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../../assets.js';
import { SetupError } from '../../errors.js';
import { EXIT, type Io } from '../io.js';
import type { GlobalOptions } from '../run.js';

const FILES = ['workshop.yaml', 'sessions/01-opening.yaml', 'sessions/02-recommendations.yaml'];

/** Scaffolds a small valid project. Writes nothing if any of its files already exists. */
export async function initCommand(options: { dir: string }, _globals: GlobalOptions, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const existing = (await Promise.all(FILES.map(async (file) => ((await exists(path.join(dir, file))) ? file : undefined)))).filter(Boolean);
  if (existing.length) {
    throw new SetupError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${dir}; init never overwrites files.`, 'Run init in an empty folder, e.g. `workshop-report init my-workshop`.');
  }
  for (const file of FILES) {
    const target = path.join(dir, file);
    // The schema comment lets editors (yaml-language-server) check and complete as you type.
    const schemas = path.relative(path.dirname(target), bundledPath('schemas')).split(path.sep).join('/');
    const text = (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replaceAll('{{schemas}}', schemas);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
  }
  const shown = path.relative(io.cwd, dir) || '.';
  io.stderr.write(`Created ${FILES.map((f) => `${shown}/${f}`).join(', ')}.\nNext: edit them, then run \`workshop-report build ${shown}\`.\n`);
  return EXIT.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
