import { Chalk } from 'chalk';
import type { Style } from '../diagnostics/reporter.js';
import type { Io } from './io.js';

/**
 * Colour is decided once, here: never with --no-color; else as FORCE_COLOR says when it is set
 * (`0` or `false`: off; anything else: on, piped or not: CI services set it for coloured logs), as
 * Node itself reads it, before NO_COLOR; else on only when stderr is a terminal and NO_COLOR is not set.
 */
export function styleFor(io: Io, wanted: boolean): Style {
  const force = io.env.FORCE_COLOR;
  const on = !wanted ? false : force !== undefined ? force !== '0' && force.toLowerCase() !== 'false' : io.stderr.isTTY === true && !io.env.NO_COLOR;
  const level = on ? 1 : 0;
  const chalk = new Chalk({ level });
  return {
    error: (t) => chalk.red.bold(t),
    warning: (t) => chalk.yellow.bold(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    path: (t) => chalk.cyan(t),
  };
}
