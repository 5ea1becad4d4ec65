import { visible } from '../characters.js';
import { InterruptedError, SetupError } from '../errors.js';
import { toolVersion } from './version.js';

/**
 * What stderr says of an error that stopped a command (or one rebuild of a watch): a set-up
 * problem with its hint; an interruption; anything else as an internal error, with the version and
 * how to report it (and the stack with --debug). Characters a terminal would obey (a folder's name
 * holding ESC [31m recoloured the terminal) are shown as `<U+001B>`, as in the diagnostics.
 */
export function errorMessage(error: unknown, debug: boolean): string {
  return visible(message(error, debug));
}

function message(error: unknown, debug: boolean): string {
  if (error instanceof SetupError) {
    return `workshop-report: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}${debug && error.cause ? `${String((error.cause as Error).stack ?? error.cause)}\n` : ''}`;
  }
  if (error instanceof InterruptedError) return 'workshop-report: interrupted; nothing was written.\n';
  const message = error instanceof Error ? error.message : String(error);
  return `workshop-report ${toolVersion()} (Node ${process.versions.node}) stopped on an internal error: ${message}\n`
    + 'This is a bug in workshop-report, not in your notes. Please report it with the command you ran'
    + `${debug ? ' and the stack below' : ' and the output of the same command with --debug'}.\n`
    + (debug && error instanceof Error ? `${error.stack}\n` : '');
}
