import path from 'node:path';
import { projectInputs, projectOutputs } from '../../build/pipeline.js';
import { warmState } from '../../build/warm.js';
import { templatesFolder } from '../../build/templates-folder.js';
import { openPreviewBuilds } from '../../preview/session.js';
import { createPreviewServer } from '../../preview/server.js';
import { SetupError } from '../../errors.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { OutputFile } from '../../build/publish.js';
import { EXIT, type Io } from '../io.js';
import { openBrowser } from '../open-browser.js';
import { errorMessage } from '../error-message.js';
import { reportAndJudge, reportingFrom, type ReportingOptions } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import { chokidarDeps, watchBuild } from '../watch.js';

export interface PreviewOptions extends ReportingOptions {
  dir: string;
  port?: string;
  open?: boolean;
  templates?: string;
}

/** `preview`: serves the HTML of the notes on 127.0.0.1 and rebuilds it on every save until Ctrl-C (130). */
export async function previewCommand(options: PreviewOptions, globals: GlobalOptions, io: Io): Promise<number> {
  const reporting = reportingFrom(options, io);
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SetupError(`--port takes a port number, not “${options.port}”.`, 'Leave it out to take a free port.');
  const { dir } = options;
  const prefix = path.relative(io.cwd, path.resolve(io.cwd, dir)).split(path.sep).join('/');
  const warm = warmState();
  const builds = await openPreviewBuilds(dir, options, { cwd: io.cwd, env: io.env, warm, ...(io.signal ? { signal: io.signal } : {}), displayPath: (file) => (prefix ? `${prefix}/${file}` : file) });
  const server = createPreviewServer(builds.site);
  try {
    const url = await server.listen(port);
    io.stdout.write(`Preview of ${prefix || '.'} at ${url}\n`);
    let opened = !options.open;
    const rebuild = async (changed: readonly string[]) => {
      const result = await builds.rebuild(changed);
      server.announce();
      if (!opened) {
        opened = true;
        openBrowser(url, io.env);
      }
      // A setup problem (workshop.yaml gone) is on every page too, until it is fixed: said, as the notes' problems are.
      if (result instanceof SetupError) {
        io.stderr.write(errorMessage(result, globals.debug));
        if (!reporting.quiet) io.stderr.write('The preview shows this problem until it is fixed.\n');
        return EXIT.usage;
      }
      const code = reportAndJudge(result, reporting, globals, io);
      // After the problems (or none): what the open pages show now, so a fix is seen to have worked.
      if (!reporting.quiet) io.stderr.write(hasErrors(result.diagnostics) ? 'The preview shows these problems until they are fixed.\n' : `Preview updated: ${pageCount(result.files)} at ${url}\n`);
      return code;
    };
    await watchBuild(rebuild, { inputs: projectInputs(dir, options, io.cwd), outputs: projectOutputs(dir, {}, io.cwd), templates: templatesFolder(dir, options.templates, io.cwd) }, io, io.watchDeps ?? (await chokidarDeps()), globals.debug);
    return EXIT.interrupted;
  } finally {
    await server.close();
    await builds.close();
    await warm.pool.close();
  }
}

/** `36 pages` (the HTML files; not the stylesheet, fonts or images). */
function pageCount(files: readonly OutputFile[]): string {
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  return `${pages} ${pages === 1 ? 'page' : 'pages'}`;
}
