import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InterruptedError, SetupError } from '../errors.js';
import { closedPipeSafe, EXIT, type Io } from './io.js';
import type { BuildOptions } from './commands/build.js';
import type { PreviewOptions } from './commands/preview.js';
import type { ReportingOptions } from './report-diagnostics.js';
import { reporterOf, type ReporterName } from './reporter-choice.js';
import { toolVersion } from './version.js';
import { errorMessage } from './error-message.js';

const SCHEMA_CHOICES = ['workshop', 'session', 'country', 'pdf-theme', 'translation', 'follow-up', 'programme', 'programme-export', 'common'];

export type { Io } from './io.js';
export { EXIT } from './io.js';
export { interruptHandler } from './interrupt.js';

export interface GlobalOptions {
  color: boolean;
  debug: boolean;
}

/**
 * The program: maps argv to one command and returns the exit code. Never exits the process and
 * never throws: every failure becomes an exit code and a message on stderr.
 */
export async function run(argv: readonly string[], processIo: Io): Promise<number> {
  const io: Io = { ...processIo, stdout: closedPipeSafe(processIo.stdout), stderr: closedPipeSafe(processIo.stderr) };
  let exitCode: number = EXIT.ok;
  const program = new Command('workshop-report')
    .description('Validate a workshop\'s rapporteur notes (YAML) and build its reports (Markdown, PDF, Word, HTML).')
    .version(toolVersion(), '-V, --version', 'print the version')
    .option('--no-color', 'no colours in messages')
    .option('--debug', 'show the stack trace of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  const globals = () => program.opts<GlobalOptions>();
  // The reporter of the command being run, when it has one: a setup or internal error is reported with
  // it too, as a problem of the folder the command was given (each such command's [dir], default ".").
  let reporter: ReporterName | undefined;
  let projectDir = io.cwd;
  program.hook('preAction', (_program, command) => {
    if (!command.options.some((option) => option.long === '--reporter')) return;
    reporter = reporterOf(command.opts<ReportingOptions>(), io);
    const [dir] = command.processedArgs as unknown[];
    if (typeof dir === 'string') projectDir = path.resolve(io.cwd, dir);
  });
  // An option given an empty value (`--templates "$HOUSE"` with HOUSE unset in a CI script) is said
  // as such, for every option that takes one: `--cache-location ''` wrote the cache into the
  // current folder, `--templates ''` read the project folder as the templates, `--port ''` served on
  // another port, each without a word.
  program.hook('preAction', (_program, command) => {
    for (const option of command.options) {
      if (!option.required && !option.optional) continue;
      const value: unknown = command.getOptionValue(option.attributeName());
      if (typeof value === 'string' && value.trim() === '') throw emptyOption(command.parent?.parent ? `${command.parent.name()} ${command.name()}` : command.name(), option);
    }
    // And an argument: `build "$WORKSHOP"` with WORKSHOP unset built the current folder.
    const path = command.parent?.parent ? `${command.parent.name()} ${command.name()}` : command.name();
    for (const [index, argument] of command.registeredArguments.entries()) {
      const given: unknown = command.processedArgs[index];
      if ([given].flat().some((value) => typeof value === 'string' && value.trim() === '')) throw emptyArgument(path, path === 'schema' && command.opts().write ? 'dir' : argument.name());
    }
  });
  /** A command that works on one workshop, given a programme's folder: a setup error saying what to run instead (it used to start, then fail on the missing workshop.yaml). */
  const refuseProgramme = async (dir: string, message: string, hint: string) => {
    const { isProgramme } = await import('../build/programme-folder.js');
    if (await isProgramme(dir, io.cwd)) throw new SetupError(message, hint);
  };

  const validate = program.command('validate')
    .description('check every notes file of a workshop project and print every problem')
    .argument('[dir]', 'the project folder (holding workshop.yaml), or a programme\'s (holding programme.yaml)', '.')
    .option('--templates <dir>', 'the folder of template overrides build is given (default: DIR/templates)')
    .action(async (dir: string, options: ReportingOptions & { cache?: boolean; cacheLocation?: string; templates?: string }) => {
      const [{ isProgramme }, { refuseFileAsFolder }] = await Promise.all([import('../build/programme-folder.js'), import('./project-argument.js')]);
      await refuseFileAsFolder(dir, 'validate', io.cwd);
      if (await isProgramme(dir, io.cwd)) {
        const { validateProgrammeCommand } = await import('./commands/validate-programme.js');
        exitCode = await validateProgrammeCommand({ dir, ...options }, globals(), io);
        return;
      }
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand({ dir, ...options }, globals(), io);
    });
  addReportingOptions(validate);
  addCacheOptions(validate);

  const build = program.command('build')
    .description('validate, then write the reports (nothing is written when there are errors)')
    .argument('[dir]', 'the project folder (holding workshop.yaml), or a programme\'s (holding programme.yaml)', '.')
    .option('-o, --out <dir>', 'output folder (default: DIR/out)')
    .addOption(new Option('-f, --format <list>', 'comma-separated formats: md, pdf, html, docx (default: report.formats in workshop.yaml, else md)'))
    .option('--pdf-theme <file>', 'a YAML file with PDF theme keys (wins over report.pdf_theme)')
    .option('--pdf-a', 'archival PDF/A-2a (refuses images PDF/A forbids)')
    .option('--templates <dir>', 'the folder of template overrides (default: DIR/templates)')
    .option('--as-of <date>', 'the date the follow-up status is computed as of (default: the latest follow-up report\'s)')
    .option('--check', 'write nothing; exit 1 if the output folder is not exactly what a build would write')
    // (--check with --watch compared once and then watched without a word.)
    .addOption(new Option('-w, --watch', 'build again on every change to the notes, templates, theme or assets').conflicts('check'))
    // Said by refuseExtraArguments, which recognises `--format md pdf` split by the shell.
    .allowExcessArguments()
    .action(async (dir: string, options: Omit<BuildOptions, 'dir'> & { watch?: boolean }) => {
      const [{ buildCommand }, { projectInputs, projectOutputs }, { isProgramme }, { refuseFormatAsFolder, refuseFileAsFolder, refuseExtraArguments }] = await Promise.all([import('./commands/build.js'), import('../build/pipeline.js'), import('../build/programme-folder.js'), import('./project-argument.js')]);
      refuseExtraArguments('build', build.args.slice(1), options.format);
      await refuseFormatAsFolder(dir, options.format, io.cwd);
      await refuseFileAsFolder(dir, 'build', io.cwd);
      if (await isProgramme(dir, io.cwd)) {
        if (options.watch) throw new SetupError(`build --watch works on one workshop; ${dir} is a programme.`, 'Watch a workshop of the programme (workshop-report build --watch ../rabat-2022), or build the programme without --watch.');
        const { buildProgrammeCommand } = await import('./commands/build-programme.js');
        exitCode = await buildProgrammeCommand({ dir, ...options }, globals(), io);
        return;
      }
      if (!options.watch) {
        exitCode = await buildCommand({ dir, ...options }, globals(), io);
        return;
      }
      const [{ watchBuild, chokidarDeps }, { warmState, forgetStale }, { templatesFolder }] = await Promise.all([import('./watch.js'), import('../build/warm.js'), import('../build/templates-folder.js')]);
      const warm = warmState();
      try {
        const build = (changed: readonly string[]) => {
          forgetStale(warm, changed);
          return buildCommand({ dir, ...options }, globals(), io, warm);
        };
        exitCode = await watchBuild(build, { inputs: projectInputs(dir, options, io.cwd), outputs: projectOutputs(dir, options, io.cwd), templates: templatesFolder(dir, options.templates, io.cwd) }, io, io.watchDeps ?? (await chokidarDeps()), globals().debug);
      } finally {
        await warm.pool.close();
      }
    });
  addReportingOptions(build);
  addCacheOptions(build);

  const preview = program.command('preview')
    .description('serve the HTML report on 127.0.0.1 and rebuild it on every save; open pages reload by themselves')
    .argument('[dir]', 'the project folder (holding workshop.yaml)', '.')
    .option('--port <n>', 'the port to listen on (default: a free one)')
    .option('--open', 'open the preview in the browser')
    .option('--templates <dir>', 'the folder of template overrides (default: DIR/templates)')
    .action(async (dir: string, options: Omit<PreviewOptions, 'dir'>) => {
      await refuseProgramme(dir, `preview works on one workshop; ${dir} is a programme.`, 'Preview a workshop of the programme (workshop-report preview ../rabat-2022); to see the programme\'s documents as pages, build it with --format html.');
      const { previewCommand } = await import('./commands/preview.js');
      exitCode = await previewCommand({ dir, ...options }, globals(), io);
    });
  addReportingOptions(preview);

  program.command('context')
    .description('print the data the templates receive, as JSON (every field an editor can use)')
    .argument('[dir]', 'the project folder (holding workshop.yaml)', '.')
    .option('--edition <name>', 'the edition whose context to print (default: the first of report.editions)')
    .option('--lang <code>', 'the language whose context to print (default: the notes\' own, the first of languages:)')
    .action(async (dir: string, options: { edition?: string; lang?: string }) => {
      await refuseProgramme(dir, `context prints one workshop's template data; ${dir} is a programme.`, 'The programme\'s templates receive what schemas/programme-context.schema.json describes; run context on a workshop of the programme for a workshop\'s data.');
      const { contextCommand } = await import('./commands/context.js');
      exitCode = await contextCommand({ dir, ...options }, globals(), io);
    });

  const templates = program.command('templates').description('list the report templates, or copy them into the project to edit');
  templates.command('list')
    .description('every template and partial, and whether the project overrides it')
    .option('-p, --project <dir>', 'the project folder', '.')
    .option('--templates <dir>', 'the folder of template overrides (default: DIR/templates)')
    .action(async (options: { project?: string; templates?: string }) => {
      const { listTemplatesCommand } = await import('./commands/templates.js');
      exitCode = await listTemplatesCommand(options, io);
    });
  templates.command('eject')
    .description('copy the default templates (all, or the named ones) into the project to edit')
    .argument('[names...]', 'templates to copy, e.g. report or partials/person, or LANG/NAME (fr/report) for one language of the report (default: all)')
    .option('-p, --project <dir>', 'the project folder', '.')
    .option('--templates <dir>', 'the folder of template overrides (default: DIR/templates)')
    .option('--force', 'replace templates you have edited')
    .action(async (names: string[], options: { project?: string; templates?: string; force?: boolean }) => {
      const { ejectTemplatesCommand } = await import('./commands/templates.js');
      exitCode = await ejectTemplatesCommand(names, options, io);
    });

  const translations = program.command('translations').description('send the texts to translators (XLIFF) and bring their translations back');
  translations.command('export')
    .description('write the texts of one language as XLIFF 1.2, for computer-assisted translation tools')
    .requiredOption('--lang <code>', 'the language to translate into, one of languages: in workshop.yaml (e.g. fr)')
    .option('--only <states>', 'only texts that are: missing, stale, translated (comma list; default all)')
    .option('-o, --out <file>', 'the XLIFF file to write (default: stdout)')
    .option('-p, --project <dir>', 'the project folder (or give it as DIR)')
    .argument('[dir]', 'the project folder, as with -p (default: .)')
    .action(async (dir: string | undefined, options: { lang: string; only?: string; out?: string; project?: string }) => {
      const [{ exportCommand }, { projectFolder }] = await Promise.all([import('./commands/translations.js'), import('./project-argument.js')]);
      exitCode = await exportCommand({ ...options, project: projectFolder(dir, options.project, 'translations export') }, globals(), io);
    });
  translations.command('import')
    .description('write the translations of a translator\'s XLIFF file into translations/LANG/')
    .argument('<file>', 'the .xlf file, as the translation tool saved it')
    .argument('[dir]', 'the project folder, as with -p (default: .)')
    .option('-p, --project <dir>', 'the project folder (or give it as DIR, after the file)')
    .action(async (file: string, dir: string | undefined, options: { project?: string }) => {
      const [{ importCommand }, { projectFolder }] = await Promise.all([import('./commands/translations.js'), import('./project-argument.js')]);
      exitCode = await importCommand(file, { project: projectFolder(dir, options.project, 'translations import') }, globals(), io);
    });

  program.command('schema')
    .description('print a JSON Schema of the format (for editors and other tools), or write them all into a project')
    .usage('[name] | --write [dir]')
    .argument('[name]', `one of: ${SCHEMA_CHOICES.join(', ')} (default: workshop); with --write, the project folder (default: .)`)
    .option('--write', 'write every schema into the project\'s .schemas/ folder (for editors) instead of printing one')
    .option('-p, --project <dir>', 'the project folder, with --write (same as giving it as the argument)')
    .action(async (name: string | undefined, options: { write?: boolean; project?: string }) => {
      const { schemaAction } = await import('./commands/schema.js');
      exitCode = await schemaAction(name, options, io);
    });

  program.command('init')
    .description('create a small valid workshop project to start from (never overwrites files)')
    .argument('[dir]', 'the folder to create it in', '.')
    .action(async (dir: string) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand({ dir }, globals(), io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = handleError(error, io, argv.includes('--debug'));
    if (reporter && (code === EXIT.usage || code === EXIT.internal) && !(error instanceof CommanderError)) {
      const { commandErrorDiagnostic, reportCommandError, reportedErrors } = await import('./report-diagnostics.js');
      if (!(error instanceof Object && reportedErrors.has(error))) reportCommandError(reporter, commandErrorDiagnostic(error), projectDir, io);
    }
    return code;
  }
}

function addCacheOptions(command: Command): void {
  command
    .option('--cache', 'keep each notes file\'s checked result and read it while the file is unchanged (default folder: OUT/.workshop-report-cache)')
    .option('--cache-location <dir>', 'the cache\'s folder (implies --cache)');
}

function addReportingOptions(command: Command): void {
  command
    .addOption(new Option('-r, --reporter <name>', 'how to print problems (default: github inside GitHub Actions, else pretty)').choices(['pretty', 'json', 'github']))
    .option('--strict', 'treat warnings as errors (exit 1)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print the time each stage took');
}

/**
 * What to give an option instead of an empty value, by command and option (`build --out`), else by
 * option: what each one said before the check was one for every option. `-o ''` was the current
 * folder ("would overwrite the project's own files"); `--pdf-theme ''` read the current folder as
 * the theme file, or, without pdf among the formats, was not looked at.
 */
const EMPTY_VALUE_HINTS: Readonly<Record<string, string>> = {
  'build --out': 'Give the folder to write into (e.g. --out out/rabat-2022), or leave --out out for the default, DIR/out.',
  'translations export --out': 'Give the XLIFF file to write (e.g. --out rabat-fr.xlf), or leave --out out to write it to stdout.',
  '--pdf-theme': 'Give the path of a YAML theme file (e.g. --pdf-theme theme.yaml), or leave --pdf-theme out to use report.pdf_theme of workshop.yaml.',
  '--max-warnings': 'Give the number of warnings a run may have (e.g. --max-warnings 10; 0 fails on the first warning), or leave --max-warnings out to allow any number.',
  '--templates': 'Give the folder of template overrides (e.g. --templates ../house-templates), or leave --templates out to use DIR/templates.',
  '--cache-location': 'Give the cache\'s folder (e.g. --cache-location .cache/workshop-report), or leave --cache-location out: --cache alone keeps the cache in OUT/.workshop-report-cache.',
  '--port': 'Give a port number (e.g. --port 8080), or leave --port out to use a free one.',
  '--project': 'Give the project folder (e.g. --project ../rabat-2022), or leave --project out for the current folder.',
  '--format': 'Give the formats to build, md, pdf, html or docx, or several: --format md,pdf; or leave --format out for report.formats of workshop.yaml (else md).',
  'translations export --lang': 'Give the language to translate into, one of languages: in workshop.yaml (e.g. --lang fr).',
  'context --lang': 'Give the language whose context to print (e.g. --lang fr), or leave --lang out for the notes\' own.',
  '--edition': 'Give the edition whose context to print (e.g. --edition public), or leave --edition out for the first of report.editions.',
  '--only': 'Give the states of the texts to export, missing, stale or translated, or several: --only missing,stale; or leave --only out to export every text.',
  '--as-of': 'Give a date, YYYY-MM-DD (e.g. --as-of 2023-05-15), or leave --as-of out for the date of the latest follow-up report.',
};

/** The setup error for an option of `command` (`build`, `translations export`) given an empty value, with what to give it (EMPTY_VALUE_HINTS, else its flags). */
function emptyOption(command: string, option: Option): SetupError {
  const name = option.long ?? option.flags;
  const hint = EMPTY_VALUE_HINTS[`${command} ${name}`] ?? EMPTY_VALUE_HINTS[name] ?? `Give it a value (${option.flags}), or leave ${name} out.`;
  return new SetupError(`${name} was given an empty value.`, hint);
}

/** The setup error for an argument of `command` (`build`, `templates eject`) given as an empty string. */
function emptyArgument(command: string, argument: string): SetupError {
  const what: Record<string, [string, string]> = {
    dir: ['The folder', `Give the folder (e.g. workshop-report ${command} ${command === 'init' ? '../my-workshop' : '../rabat-2022'}), or leave it out for the current folder.`],
    file: ['The file', 'Give the path of the XLIFF file the translation tool saved (e.g. workshop-report translations import rabat-fr.xlf).'],
    name: ['The schema\'s name', `Give one of: ${SCHEMA_CHOICES.join(', ')}, or leave it out for workshop.`],
    names: ['A template\'s name', 'Give the templates to copy (e.g. workshop-report templates eject report partials/person), or none to copy them all.'],
  };
  const [subject, hint] = what[argument] ?? [`The ${argument}`, `Give a value, or leave it out (workshop-report ${command} --help).`];
  return new SetupError(`${subject} was given as an empty value ('').`, hint);
}

function handleError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are exits with code 0; everything else commander throws is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  io.stderr.write(errorMessage(error, debug));
  if (error instanceof SetupError) return EXIT.usage;
  return error instanceof InterruptedError ? EXIT.interrupted : EXIT.internal;
}
