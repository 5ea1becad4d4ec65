import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../../errors.js';
import { EXIT, type Io } from '../io.js';
import { loadTemplates, templatesFolder } from '../template-files.js';

export interface TemplatesOptions {
  project?: string;
  templates?: string;
  force?: boolean;
}


/** Every template and partial, and whether the project overrides it. */
export async function listTemplatesCommand(options: TemplatesOptions, io: Io): Promise<number> {
  const set = await loadTemplates(templatesFolder(options.project ?? '.', options.templates, io.cwd));
  const bundled = await loadTemplates();
  const width = Math.max(...[...set.keys()].map((name) => name.length));
  for (const [name, file] of set) {
    const state = !file.overridden ? 'default' : bundled.has(name) ? 'overridden by the project' : 'project only';
    io.stdout.write(`${name.padEnd(width)}  ${state}\n`);
  }
  return EXIT.ok;
}

/** Copies defaults into the project's templates/ folder to edit; never overwrites an edited file without --force. */
export async function ejectTemplatesCommand(names: string[], options: TemplatesOptions, io: Io): Promise<number> {
  const target = templatesFolder(options.project ?? '.', options.templates, io.cwd);
  const bundled = await loadTemplates();
  const wanted = names.length ? names.map((name) => resolveName(name, [...bundled.keys()])) : [...bundled.keys()];
  const copied: string[] = [];
  const kept: string[] = [];
  for (const name of wanted) {
    const destination = path.join(target, name);
    const existing = await readFile(destination, 'utf8').catch(() => undefined);
    if (existing !== undefined && !options.force) {
      if (existing !== bundled.get(name)!.text) {
        kept.push(name);
        continue;
      }
    }
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, bundled.get(name)!.text);
    copied.push(name);
  }
  const shown = path.relative(io.cwd, target) || '.';
  if (copied.length) io.stderr.write(`Copied to ${shown}/: ${copied.join(', ')}\n`);
  if (kept.length) {
    io.stderr.write(`Kept your edited ${kept.join(', ')} (use --force to replace ${kept.length === 1 ? 'it' : 'them'} with the default).\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** `report`, `report.md.hbs`, `person`, `partials/person.md.hbs` all name the same file. */
function resolveName(name: string, names: string[]): string {
  const candidates = [name, `${name}.md.hbs`, `partials/${name}`, `partials/${name}.md.hbs`];
  const found = candidates.find((candidate) => names.includes(candidate));
  if (!found) throw new SetupError(`There is no default template called “${name}”.`, `Run \`workshop-report templates list\` to see them: ${names.join(', ')}.`);
  return found;
}
