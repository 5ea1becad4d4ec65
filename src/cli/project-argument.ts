import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { FORMATS } from '../build/output-formats.js';

/**
 * `build --format md pdf`: the shell splits the list at the space, so `pdf` arrives as the project
 * folder, and the build said it could not read the folder …/pdf. A folder argument made only of
 * format names, with --format given and no such folder there, is that mistake: said as a usage error.
 */
export async function refuseFormatAsFolder(dir: string, format: string | undefined, cwd: string): Promise<void> {
  if (format === undefined || formatNames([dir]) === undefined) return;
  if (await stat(path.resolve(cwd, dir)).then(() => true, () => false)) return;
  throw new SetupError(`“${dir}” is a format, not a project folder: --format takes its formats as one list, without spaces.`, `Write --format ${format.replace(/,+$/, '')},${dir} (and the project folder after it, if it is not the current one).`);
}

/**
 * `build ci --format md pdf`: with the project folder given first, the format the shell split off
 * is a second argument, which commander refused as "too many arguments" without a word on the
 * list. Format names there are that mistake; anything else is one argument too many, as commander says.
 */
export function refuseExtraArguments(command: string, extra: readonly string[], format: string | undefined): void {
  if (extra.length === 0) return;
  const names = formatNames(extra);
  if (format !== undefined && names !== undefined) {
    throw new SetupError(`“${extra.join(' ')}” is a format, not a second project folder: --format takes its formats as one list, without spaces.`, `Write --format ${[format.replace(/,+$/, ''), ...names].join(',')}.`);
  }
  throw new SetupError(`Too many arguments for ${command}: ${extra.map((arg) => `“${arg}”`).join(', ')}. It takes one project folder.`, 'Give one folder (quote a path with spaces); options start with -.');
}

/**
 * The project folder of a command that takes it as `-p DIR` or as an argument (`translations export
 * rabat --lang fr`, as `build rabat`, where commander refused it as "too many arguments"); both, naming two folders, is a usage error.
 */
export function projectFolder(argument: string | undefined, option: string | undefined, command: string): string {
  if (argument !== undefined && option !== undefined && path.resolve(argument) !== path.resolve(option)) {
    throw new SetupError(`${command} was given two project folders: “${argument}” and -p “${option}”.`, 'Give the project folder once, as -p DIR or as DIR.');
  }
  return argument ?? option ?? '.';
}

/**
 * `validate sessions/01-opening.yaml`: a notes file where the project folder goes (the build said it
 * could not read the folder …/01-opening.yaml, “a part of the path is a file”). Said as a usage
 * error naming the folder meant: the nearest one above the file that holds workshop.yaml or programme.yaml.
 */
export async function refuseFileAsFolder(dir: string, command: string, cwd: string): Promise<void> {
  const full = path.resolve(cwd, dir);
  if (!(await stat(full).then((found) => found.isFile(), () => false))) return;
  let meant: string | undefined;
  for (let folder = path.dirname(full); ; folder = path.dirname(folder)) {
    if (await hasProjectFile(folder)) {
      meant = path.relative(cwd, folder) || '.';
      break;
    }
    if (path.dirname(folder) === folder) break;
  }
  throw new SetupError(`${dir} is a file: ${command} takes the project folder, the one that holds workshop.yaml (or a programme's, with programme.yaml).`,
    meant ? `Run \`workshop-report ${command} ${meant}\`.` : 'Give the folder that holds workshop.yaml.');
}

async function hasProjectFile(folder: string): Promise<boolean> {
  for (const name of ['workshop.yaml', 'programme.yaml']) if (await stat(path.join(folder, name)).then((found) => found.isFile(), () => false)) return true;
  return false;
}

/** The format names that arguments the shell split off `--format` are made of (`pdf`, `pdf,html`); undefined when any is not one. */
function formatNames(args: readonly string[]): string[] | undefined {
  const names = args.flatMap((arg) => arg.split(',')).map((name) => name.trim().toLowerCase()).filter(Boolean);
  return names.length > 0 && names.every((name) => (FORMATS as readonly string[]).includes(name)) ? names : undefined;
}
